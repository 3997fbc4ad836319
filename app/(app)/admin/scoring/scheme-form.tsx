'use client';
/** The admin's scheme editor: items (indicator, weight, rule, ceiling), deductions and bonus items; save (validated) and publish. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { SCORING_RULE_LABELS } from '@/lib/domain/labels';
import type { SchemeBody, SchemeItem } from '@/lib/domain/scoring';
import { FormError } from '@/components/ui/notice';
import { toFormProblem } from '../_shared/format';
import { scoringApi, scoringQuery } from './queries';
import { Button } from '@/components/ui/button';

const INPUT = 'rounded border border-gray-300 px-2 py-1 text-sm';
const EMPTY: SchemeBody = {
  items: [],
  latePoints: '0.5',
  returnedPoints: '1',
  deductionCap: '5',
  bonuses: [],
  bonusCap: '3',
};

export function SchemeForm({ year }: { year: number }) {
  const queryClient = useQueryClient();
  const { data } = useQuery(scoringQuery(year));
  const [body, setBody] = useState<SchemeBody | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'scoring', year] });
  const save = useMutation({
    mutationFn: scoringApi.save,
    onSuccess: async (r) => {
      setNotice(
        `已保存第 ${r.version} 版（草稿）${r.newVersion && r.version > 1 ? '：已发布的版本及其得分保持不变' : ''}`,
      );
      await refresh();
    },
  });
  const publish = useMutation({
    mutationFn: scoringApi.publish,
    onSuccess: async (r) => {
      setNotice(`已发布第 ${r.version} 版：${r.subjects} 个责任单位的得分已保存为快照`);
      await refresh();
    },
  });
  if (!data) return null;
  const current = body ?? data.scheme?.body ?? EMPTY;
  const edit = (patch: Partial<SchemeBody>) => {
    setNotice(null);
    setBody({ ...current, ...patch });
  };
  const setItem = (index: number, patch: Partial<SchemeItem>) =>
    edit({ items: current.items.map((it, i) => (i === index ? { ...it, ...patch } : it)) });
  const byCode = new Map(data.indicators.map((i) => [i.code, i]));
  const total = current.items.reduce((s, i) => s + (Number(i.weight) || 0), 0);
  const areas = new Map<string, number>();
  for (const i of current.items) {
    const area = byCode.get(i.indicatorCode)?.areaName ?? '其他';
    areas.set(area, (areas.get(area) ?? 0) + (Number(i.weight) || 0));
  }
  // Every problem of a refused scheme is named in the message (each indicator, the weights' sum, a cap below zero).
  const problem = save.error ? toFormProblem(save.error) : publish.error ? toFormProblem(publish.error) : null;
  const draft = data.scheme?.status === 'draft' && body === null ? data.scheme : null;
  return (
    <div className="space-y-4">
      <p className="text-sm" aria-label="方案状态">
        {data.scheme
          ? `当前：第 ${data.scheme.version} 版（${data.scheme.status === 'published' ? '已发布' : '草稿'}）`
          : '本年度尚无考核方案'}
        {data.scheme?.isSample ? '，示例数据' : ''}
        {data.versions.some((v) => v.status === 'published') ? (
          <Link href={`/scores?year=${year}`} className="ml-2 underline">
            查看已发布得分
          </Link>
        ) : null}
      </p>
      <section aria-labelledby="items-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <h2 id="items-title" className="text-base font-semibold">
          考核指标与权重
        </h2>
        <table className="mt-2 w-full text-sm">
          <thead className="text-xs text-gray-500">
            <tr>
              <th scope="col" className="text-left font-medium">
                指标
              </th>
              <th scope="col" className="text-left font-medium">
                权重
              </th>
              <th scope="col" className="text-left font-medium">
                计分规则
              </th>
              <th scope="col" className="text-left font-medium">
                计分上限（%）
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {current.items.map((item, index) => {
              const n = index + 1;
              const rules = byCode.get(item.indicatorCode)?.rules ?? [];
              return (
                <tr key={index}>
                  <td className="py-1 pr-2">
                    <select
                      aria-label={`第${n}项指标`}
                      className={`${INPUT} w-full max-w-md bg-white`}
                      value={item.indicatorCode}
                      onChange={(e) =>
                        setItem(index, {
                          indicatorCode: e.target.value,
                          rule: byCode.get(e.target.value)?.rules[0] ?? item.rule,
                        })
                      }
                    >
                      <option value="">请选择</option>
                      {data.indicators.map((i) => (
                        <option key={i.code} value={i.code}>{`${i.name}（${i.departmentShortName}）`}</option>
                      ))}
                    </select>
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      aria-label={`第${n}项权重`}
                      className={`${INPUT} w-20`}
                      value={item.weight}
                      onChange={(e) => setItem(index, { weight: e.target.value })}
                    />
                  </td>
                  <td className="py-1 pr-2">
                    <select
                      aria-label={`第${n}项计分规则`}
                      className={`${INPUT} bg-white`}
                      value={item.rule}
                      onChange={(e) => setItem(index, { rule: e.target.value as SchemeItem['rule'] })}
                    >
                      {(Object.keys(SCORING_RULE_LABELS) as SchemeItem['rule'][]).map((r) => (
                        <option key={r} value={r}>
                          {SCORING_RULE_LABELS[r]}
                          {rules.length && !rules.includes(r) ? '（不适用）' : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="py-1 pr-2">
                    <input
                      aria-label={`第${n}项计分上限`}
                      className={`${INPUT} w-20`}
                      value={item.ceiling}
                      onChange={(e) => setItem(index, { ceiling: e.target.value })}
                    />
                  </td>
                  <td className="py-1">
                    <Button
                      variant="link"
                      size="sm"
                      onClick={() => edit({ items: current.items.filter((_, i) => i !== index) })}
                    >
                      删除第{n}项
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <Button
            size="sm"
            onClick={() =>
              edit({ items: [...current.items, { indicatorCode: '', weight: '', rule: 'completion', ceiling: '100' }] })
            }
          >
            添加指标
          </Button>
          <Button size="sm" onClick={() => edit({ items: [] })}>
            清空指标
          </Button>
          <span aria-live="polite">
            权重合计{' '}
            <strong className={total === 100 ? 'text-green-800' : 'text-red-800'}>
              {Math.round(total * 1e6) / 1e6}
            </strong>{' '}
            / 100
          </span>
          <span className="text-xs text-gray-600">
            {[...areas].map(([a, w]) => `${a} ${Math.round(w * 1e6) / 1e6}`).join(' · ')}
          </span>
        </div>
      </section>
      <section aria-labelledby="adjust-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <h2 id="adjust-title" className="text-base font-semibold">
          扣分与加分
        </h2>
        <div className="mt-2 flex flex-wrap gap-4 text-sm">
          {(
            [
              ['latePoints', '逾期报送每项扣分'],
              ['returnedPoints', '数据退回每项扣分'],
              ['deductionCap', '扣分上限'],
              ['bonusCap', '加分上限'],
            ] as const
          ).map(([key, label]) => (
            <label key={key} className="flex items-center gap-1">
              {label}
              <input
                className={`${INPUT} w-20`}
                value={current[key]}
                onChange={(e) => edit({ [key]: e.target.value })}
              />
            </label>
          ))}
        </div>
        <ul className="mt-3 space-y-1 text-sm">
          {current.bonuses.map((b, index) => (
            <li key={index} className="flex flex-wrap items-center gap-2">
              <input
                aria-label={`第${index + 1}个加分项名称`}
                className={INPUT}
                value={b.name}
                onChange={(e) =>
                  edit({ bonuses: current.bonuses.map((x, i) => (i === index ? { ...x, name: e.target.value } : x)) })
                }
              />
              <input
                aria-label={`第${index + 1}个加分项分值`}
                className={`${INPUT} w-16`}
                value={b.points}
                onChange={(e) =>
                  edit({ bonuses: current.bonuses.map((x, i) => (i === index ? { ...x, points: e.target.value } : x)) })
                }
              />
              <select
                aria-label={`第${index + 1}个加分项单位`}
                className={`${INPUT} bg-white`}
                value={b.subjects[0] ?? ''}
                onChange={(e) =>
                  edit({
                    bonuses: current.bonuses.map((x, i) =>
                      i === index ? { ...x, subjects: e.target.value ? [e.target.value] : [] } : x,
                    ),
                  })
                }
              >
                <option value="">请选择单位</option>
                {data.departments.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.shortName}
                  </option>
                ))}
              </select>
              <Button
                variant="link"
                size="sm"
                onClick={() => edit({ bonuses: current.bonuses.filter((_, i) => i !== index) })}
              >
                删除加分项
              </Button>
            </li>
          ))}
        </ul>
        <Button
          className="mt-2"
          onClick={() => edit({ bonuses: [...current.bonuses, { name: '', points: '1', subjects: [] }] })}
        >
          添加加分项
        </Button>
      </section>
      <label className="block text-sm">
        修改说明（可选，记入审计日志）
        <input
          className={`${INPUT} mt-1 block w-full max-w-xl`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {problem ? <FormError message={problem.message} /> : null}
      {notice ? (
        <p role="status" className="text-sm text-green-800">
          ✓ {notice}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button
          disabled={save.isPending}
          variant="primary"
          onClick={() => {
            publish.reset();
            save.mutate({ year, ...current, ...(reason ? { reason } : {}) }, { onSuccess: () => setBody(null) });
          }}
        >
          {save.isPending ? '校验中…' : '校验并保存'}
        </Button>
        <Button
          disabled={!draft || publish.isPending}
          variant="danger"
          onClick={() => {
            save.reset();
            if (draft) publish.mutate({ year, version: draft.version });
          }}
        >
          {draft ? `发布第 ${draft.version} 版得分` : '发布得分（先保存草稿）'}
        </Button>
      </div>
    </div>
  );
}
