'use client';
/**
 * A work area's (or a department's) indicators: actual vs target vs expected, status in words, YoY and the
 * owning department; filterable by status, department and kind, sortable; the choice is kept in the URL.
 * A table from 768 px up (and in print), cards on a phone.
 */
import { traitsOf } from '@/lib/domain/kind-traits';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { ProgressBar, Sparkline } from '@/components/charts/chart';
import { filterIndicators, parseSortKey, SORT_KEYS, SORT_LABELS, sortIndicators, type SortDirection } from '@/lib/domain/indicator-list';
import { formatPercent, formatPoints, formatScaled } from '@/lib/domain/format';
import { STATUS_LABELS } from '@/lib/domain/status';
import { INDICATOR_KINDS, PROGRESS_STATUSES, type IndicatorKind, type ProgressStatus } from '@/lib/domain/types';
import { ChangeText } from './change-text';
import { FigureText } from './figure-text';
import { KIND_LABELS } from '@/lib/domain/labels';
import { asOfText } from './headline-tile';
import { EmptyState } from './states';
import { SampleBadge, StatusBadge } from './status-badge';
import { periodSearch, type KpiLike, type PeriodLike } from './types';
import { Button } from '@/components/ui/button';

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
}

/** Completion in words and as a bar; a rate shows its gap to the target in points instead. */
function Progress({ view }: { view: KpiLike }) {
  if (traitsOf(view.kind).comparedInPoints) {
    return <span className="text-xs tabular-nums text-gray-600">{view.gapPoints === null ? '—' : `较目标 ${formatPoints(view.gapPoints)}`}</span>;
  }
  if (!view.shares) return <span className="text-xs text-gray-400">—</span>;
  return (
    <span className="flex min-w-[8rem] items-center gap-2">
      <ProgressBar actual={view.shares.actual} expected={view.shares.expected} status={view.status} label="完成率" className="w-20 flex-none" />
      <span className="text-xs tabular-nums text-gray-700">{view.shares.actual === null ? '—' : formatPercent(view.shares.actual)}</span>
    </span>
  );
}

export function IndicatorTable({
  views,
  period,
  departments,
  showDepartmentFilter = true,
}: {
  views: KpiLike[];
  period: PeriodLike;
  departments: { code: string; shortName: string }[];
  showDepartmentFilter?: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const status = oneOf<ProgressStatus>(PROGRESS_STATUSES, params.get('status'));
  const kind = oneOf<IndicatorKind>(INDICATOR_KINDS, params.get('kind'));
  const department = departments.some((d) => d.code === params.get('dept')) ? params.get('dept') : null;
  const sort = parseSortKey(params.get('sort'));
  const direction: SortDirection = params.get('dir') === 'desc' ? 'desc' : 'asc';

  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    if (!next.has('year')) next.set('year', String(period.year));
    if (!next.has('month')) next.set('month', String(period.month));
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  const shown = sortIndicators(filterIndicators(views, { status, kind, departmentCode: department }), sort, direction);
  const href = (v: KpiLike) => `/indicators/${v.code}${periodSearch(period)}`;
  const select = 'rounded border border-gray-300 bg-white px-2 py-1 text-sm';

  return (
    <div>
      <div className="no-print flex flex-wrap items-end gap-3 border-b border-gray-100 px-4 py-3 text-sm" role="group" aria-label="筛选与排序">
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-gray-500">状态</span>
          <select className={select} value={status ?? ''} onChange={(e) => set('status', e.target.value || null)}>
            <option value="">全部</option>
            {PROGRESS_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {showDepartmentFilter ? (
          <label className="flex flex-col gap-0.5">
            <span className="text-xs text-gray-500">责任单位</span>
            <select className={select} value={department ?? ''} onChange={(e) => set('dept', e.target.value || null)}>
              <option value="">全部</option>
              {departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.shortName}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-gray-500">指标类型</span>
          <select className={select} value={kind ?? ''} onChange={(e) => set('kind', e.target.value || null)}>
            <option value="">全部</option>
            {INDICATOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-gray-500">排序</span>
          <select className={select} value={sort} onChange={(e) => set('sort', e.target.value === 'catalog' ? null : e.target.value)}>
            {SORT_KEYS.map((k) => (
              <option key={k} value={k}>
                {SORT_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <Button size="sm"
          onClick={() => set('dir', direction === 'asc' ? 'desc' : null)}
          aria-label={direction === 'asc' ? '当前升序，点击改为降序' : '当前降序，点击改为升序'}>
          {direction === 'asc' ? '升序 ↑' : '降序 ↓'}
        </Button>
        <span className="ml-auto text-xs text-gray-500" aria-live="polite">
          显示 {shown.length} / {views.length} 项
        </span>
      </div>

      {shown.length === 0 ? (
        <div className="p-4">
          <EmptyState message={views.length === 0 ? '本期尚无数据' : '没有符合筛选条件的指标'} />
        </div>
      ) : (
        <>
          <table className="hidden w-full text-sm md:table print:table">
            <thead className="bg-gray-50 text-xs text-gray-500">
              <tr>
                <th scope="col" className="px-4 py-2 text-left font-medium">指标</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">本期实绩</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">年度目标</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">序时进度</th>
                <th scope="col" className="px-2 py-2 text-left font-medium">完成情况</th>
                <th scope="col" className="px-2 py-2 text-left font-medium">状态</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">同比</th>
                <th scope="col" className="px-2 py-2 text-left font-medium">责任单位</th>
                <th scope="col" className="px-2 py-2 text-left font-medium print:hidden">走势</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {shown.map((v) => (
                <tr key={v.code} className="cursor-pointer break-inside-avoid hover:bg-red-50/40" onClick={() => router.push(href(v))}>
                  <th scope="row" className="max-w-xs px-4 py-2 text-left font-normal">
                    <Link href={href(v)} className="font-medium text-gray-900 hover:text-red-800 hover:underline" title={`口径：${v.definition}`} onClick={(e) => e.stopPropagation()}>
                      {v.name}
                    </Link>
                    <span className="block text-xs text-gray-500">
                      {KIND_LABELS[v.kind]}
                      {v.direction === 'down' ? ' · 越低越好' : ''}
                    </span>
                  </th>
                  <td className="whitespace-nowrap px-2 py-2 text-right">
                    <FigureText figure={v.figure} unit={v.unit} className="font-medium tabular-nums" />
                    <span className="block text-xs text-gray-500">
                      {asOfText(v)}
                      {v.figure?.isSample ? (
                        <span className="ml-1">
                          <SampleBadge />
                        </span>
                      ) : null}
                    </span>
                  </td>
                  <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{v.target ? <FigureText figure={v.target} unit={v.unit} /> : <span className="text-gray-500">未设定</span>}</td>
                  <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{v.expected === null ? <span className="text-gray-400">—</span> : formatScaled(v.expected, v.unit)}</td>
                  <td className="px-2 py-2">
                    <Progress view={v} />
                  </td>
                  <td className="px-2 py-2">
                    <StatusBadge status={v.status} label={v.statusLabel} />
                  </td>
                  <td className="whitespace-nowrap px-2 py-2 text-right">
                    <ChangeText change={v.yoy} unit={v.unit} />
                  </td>
                  <td className="whitespace-nowrap px-2 py-2 text-gray-600">{v.departmentShortName}</td>
                  <td className="px-2 py-2 print:hidden">
                    <Sparkline points={v.series} unit={v.unit} status={v.status} width={80} height={24} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <ul className="divide-y divide-gray-100 md:hidden print:hidden">
            {shown.map((v) => (
              <li key={v.code} className="px-4 py-3">
                <div className="flex items-start justify-between gap-2">
                  <Link href={href(v)} className="font-medium text-gray-900 hover:text-red-800 hover:underline">
                    {v.name}
                  </Link>
                  <StatusBadge status={v.status} label={v.statusLabel} />
                </div>
                <dl className="mt-1.5 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
                  <div>
                    <dt className="text-gray-500">本期实绩 {asOfText(v)}</dt>
                    <dd className="text-sm font-medium tabular-nums">
                      <FigureText figure={v.figure} unit={v.unit} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-gray-500">年度目标</dt>
                    <dd className="text-sm tabular-nums">{v.target ? <FigureText figure={v.target} unit={v.unit} /> : '未设定'}</dd>
                  </div>
                  <div className="col-span-2">
                    <dt className="sr-only">完成情况</dt>
                    <dd>
                      <Progress view={v} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-gray-500">同比</dt>
                    <dd>
                      <ChangeText change={v.yoy} unit={v.unit} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-gray-500">责任单位</dt>
                    <dd>{v.departmentShortName}</dd>
                  </div>
                </dl>
                {v.figure?.isSample ? (
                  <p className="mt-1">
                    <SampleBadge />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
