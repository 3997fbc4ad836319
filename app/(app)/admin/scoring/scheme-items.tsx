'use client';
/**
 * The scheme's two levels of weights: each work area's weight (the areas add to 100) and, within it, each
 * indicator's weight with its rule and ceiling (the indicators of an area add to 100).
 */
import { SCORING_RULE_LABELS } from '@/lib/domain/labels';
import type { SchemeItem } from '@/lib/domain/scoring';
import type { AreaSlug } from '@/lib/domain/types';
import { Button } from '@/components/ui/button';
import { Options } from '@/components/ui/options';
import { TableHead } from '@/components/ui/table';
import { INPUT, sumOf, type AdminData, type DraftItem, type SchemePartProps } from './scheme-draft';

function Sum({ label, total }: { label: string; total: number }) {
  return (
    <span aria-live="polite" className="text-sm">
      {label} <strong className={total === 100 ? 'text-green-800' : 'text-red-800'}>{total}</strong> / 100
    </span>
  );
}

function ItemRow(props: {
  n: number;
  item: DraftItem;
  data: AdminData;
  onChange: (patch: Partial<SchemeItem>) => void;
  onRemove: () => void;
}) {
  const { n, item, data, onChange } = props;
  const choices = data.indicators.filter((i) => i.area === item.area);
  const rules = choices.find((i) => i.code === item.indicatorCode)?.rules ?? [];
  return (
    <tr>
      <td className="py-1 pr-2">
        <select
          aria-label={`第${n}项指标`}
          className={`${INPUT} w-full max-w-md bg-white`}
          value={item.indicatorCode}
          onChange={(e) =>
            onChange({
              indicatorCode: e.target.value,
              rule: choices.find((i) => i.code === e.target.value)?.rules[0] ?? item.rule,
            })
          }
        >
          <option value="">请选择</option>
          <Options
            options={choices.map((i) => ({
              value: i.code,
              label: `${i.name}（${i.departmentShortName}${i.trackedByUnit ? '，县区同考' : ''}）`,
            }))}
          />
        </select>
      </td>
      <td className="py-1 pr-2">
        <input
          aria-label={`第${n}项权重`}
          className={`${INPUT} w-20`}
          value={item.weight}
          onChange={(e) => onChange({ weight: e.target.value })}
        />
      </td>
      <td className="py-1 pr-2">
        <select
          aria-label={`第${n}项计分规则`}
          className={`${INPUT} bg-white`}
          value={item.rule}
          onChange={(e) => onChange({ rule: e.target.value as SchemeItem['rule'] })}
        >
          <Options
            options={(Object.keys(SCORING_RULE_LABELS) as SchemeItem['rule'][]).map((r) => ({
              value: r,
              label: `${SCORING_RULE_LABELS[r]}${rules.length && !rules.includes(r) ? '（不适用）' : ''}`,
            }))}
          />
        </select>
      </td>
      <td className="py-1 pr-2">
        <input
          aria-label={`第${n}项计分上限`}
          className={`${INPUT} w-20`}
          value={item.ceiling}
          onChange={(e) => onChange({ ceiling: e.target.value })}
        />
      </td>
      <td className="py-1">
        <Button variant="link" size="sm" onClick={props.onRemove}>
          删除第{n}项
        </Button>
      </td>
    </tr>
  );
}

export function SchemeItems({ draft, data, edit }: SchemePartProps) {
  const nameOf = (slug: AreaSlug) => data.areas.find((a) => a.slug === slug)?.name ?? slug;
  const unused = data.areas.filter((a) => !draft.areas.some((x) => x.area === a.slug));
  const setItem = (item: DraftItem, patch: Partial<SchemeItem>) =>
    edit({ items: draft.items.map((it) => (it === item ? { ...it, ...patch } : it)) });
  // Rows are numbered in display order (area by area), as the saved scheme orders them.
  const ordered = draft.areas.flatMap((a) => draft.items.filter((i) => i.area === a.area));
  return (
    <section
      aria-labelledby="items-title"
      className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="items-title" className="text-base font-semibold">
          主抓手权重与考核指标
        </h2>
        <Sum label="主抓手权重合计" total={sumOf(draft.areas.map((a) => a.weight))} />
        <Button size="sm" onClick={() => edit({ areas: [], items: [] })}>
          清空方案
        </Button>
      </div>
      {draft.areas.map((a) => {
        const own = ordered.filter((i) => i.area === a.area);
        const name = nameOf(a.area);
        return (
          <fieldset key={a.area} className="rounded border border-gray-200 p-3" aria-label={`主抓手「${name}」`}>
            <legend className="px-1 text-sm">{name}</legend>
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <label className="flex items-center gap-1">
                主抓手权重
                <input
                  aria-label={`「${name}」权重`}
                  className={`${INPUT} w-20`}
                  value={a.weight}
                  onChange={(e) =>
                    edit({ areas: draft.areas.map((x) => (x === a ? { ...x, weight: e.target.value } : x)) })
                  }
                />
              </label>
              <Sum label="主抓手内指标权重合计" total={sumOf(own.map((i) => i.weight))} />
              <Button
                variant="link"
                size="sm"
                onClick={() =>
                  edit({
                    areas: draft.areas.filter((x) => x !== a),
                    items: draft.items.filter((i) => i.area !== a.area),
                  })
                }
              >
                删除主抓手「{name}」
              </Button>
            </div>
            <table className="mt-2 w-full text-sm">
              <TableHead
                className="text-xs text-gray-500"
                cellPadding=""
                columns={['指标', '指标权重（%）', '计分规则', '计分上限（%）', { label: '', key: 'actions' }]}
              />
              <tbody>
                {own.map((item) => (
                  <ItemRow
                    key={ordered.indexOf(item)}
                    n={ordered.indexOf(item) + 1}
                    item={item}
                    data={data}
                    onChange={(patch) => setItem(item, patch)}
                    onRemove={() => edit({ items: draft.items.filter((i) => i !== item) })}
                  />
                ))}
              </tbody>
            </table>
            <Button
              size="sm"
              className="mt-1"
              onClick={() =>
                edit({
                  items: [
                    ...draft.items,
                    { area: a.area, indicatorCode: '', weight: '', rule: 'completion', ceiling: '100' },
                  ],
                })
              }
            >
              在「{name}」下添加指标
            </Button>
          </fieldset>
        );
      })}
      {unused.length ? (
        <label className="flex items-center gap-2 text-sm">
          添加主抓手
          <select
            aria-label="添加主抓手"
            className={`${INPUT} bg-white`}
            value=""
            onChange={(e) =>
              e.target.value && edit({ areas: [...draft.areas, { area: e.target.value as AreaSlug, weight: '' }] })
            }
          >
            <option value="">请选择</option>
            <Options options={unused.map((a) => ({ value: a.slug, label: a.name }))} />
          </select>
        </label>
      ) : null}
    </section>
  );
}
