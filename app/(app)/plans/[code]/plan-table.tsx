/** The plan's indicators: baseline, the path year by year, the latest figure, status and the growth still needed. */
import { formatNumber } from '@/lib/domain/format';
import Link from '@/components/ui/link';
import { DIRECTION_LABELS, PATH_KIND_LABELS, PLAN_STATUS_LABELS } from '@/lib/domain/labels';
import type { BaselineChoice } from '@/lib/services/plans/edit';
import type { PlanView } from '@/lib/services/plans/plan';
import { TableHead } from '@/components/ui/table';
import { AdoptTarget } from './adopt-target';
import { EditPath } from './edit-path';

const STATUS_CLASS: Record<string, string> = {
  on_track: 'bg-green-50 text-green-800 ring-green-200',
  behind: 'bg-red-50 text-red-800 ring-red-200',
  no_data: 'bg-gray-50 text-gray-700 ring-gray-200',
  no_path: 'bg-amber-50 text-amber-900 ring-amber-200',
};

/** A path or figure as leaders read it: grouped, at most two decimals (the stored value keeps its precision). */
const plainValue = (v: string | null | undefined) => (v ? formatNumber(v) : '—');

/** `choices`: the baseline choices when the reader may edit paths and set targets (the admin); null otherwise. */
export function PlanTable({ view, choices }: { view: PlanView; choices: BaselineChoice[] | null }) {
  const years = Array.from({ length: view.plan.lastYear - view.plan.firstYear + 1 }, (_, i) => view.plan.firstYear + i);
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm">
      <table className="w-full text-sm">
        <TableHead
          columns={[
            { label: '指标', className: 'px-3' },
            { label: `${view.plan.firstYear - 1}年（基期）`, align: 'right' },
            ...years.map((y) => ({ label: `${y}年路径`, align: 'right' as const })),
            { label: '最新数', align: 'right' },
            '进度',
          ]}
        />
        <tbody className="divide-y divide-gray-100 align-top">
          {view.items.map((item) => (
            <tr key={item.code} data-testid={`plan-row-${item.code}`}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={`/indicators/${item.code}`} className="hover:text-red-800 hover:underline">
                  {item.name}
                </Link>
                <span className="ml-1 text-xs text-gray-500">
                  （{item.unit}，{DIRECTION_LABELS[item.direction]}）
                </span>
                <span className="block text-xs text-gray-500">
                  {PATH_KIND_LABELS[item.pathKind]}
                  {item.annualGrowth
                    ? `：年均增长 ${plainValue(item.annualGrowth)}%`
                    : item.finalTarget
                      ? `：${view.plan.lastYear}年 ${plainValue(item.finalTarget)}`
                      : ''}
                  {' · '}
                  {item.departmentShortName}
                  {item.isSample ? ' · 示例数据' : ''}
                  {item.baselineIndicator.isOwn ? '' : ` · 基期取「${item.baselineIndicator.name}」`}
                </span>
                {choices ? <EditPath plan={view.plan} item={item} choices={choices} /> : null}
                {choices ? (
                  <AdoptTarget
                    planCode={view.plan.code}
                    indicatorCode={item.code}
                    name={item.name}
                    unit={item.unit}
                    path={item.path}
                  />
                ) : null}
              </th>
              <td className="px-2 py-2 text-right tabular-nums">
                {item.baseline ? plainValue(item.baseline.value) : <span className="text-amber-800">缺基期数</span>}
              </td>
              {years.map((y) => {
                const p = item.path.find((x) => x.year === y);
                const done = item.actuals.find((a) => a.year === y);
                return (
                  <td key={y} className="px-2 py-2 text-right tabular-nums">
                    {p ? plainValue(p.value) : '—'}
                    {done ? <span className="block text-xs text-gray-600">实绩 {plainValue(done.value)}</span> : null}
                  </td>
                );
              })}
              <td className="px-2 py-2 text-right tabular-nums">
                {item.latest ? (
                  <>
                    {plainValue(item.latest.value)}
                    <span className="block text-xs text-gray-500">
                      {item.latest.year}年{item.latest.month}月{item.latest.isSample ? '·示例' : ''}
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className="px-2 py-2">
                <span
                  className={`inline-block rounded px-1.5 py-0.5 text-xs ring-1 ${STATUS_CLASS[item.progress.status] ?? ''}`}
                >
                  {PLAN_STATUS_LABELS[item.progress.status]}
                </span>
                <span className="block text-xs text-gray-700">{item.progress.wording}</span>
                <span className="block text-xs text-gray-500">
                  已过 {item.progress.yearsDone} 年，余 {item.progress.yearsLeft} 年
                  {item.progress.achievedGrowth !== null ? `，已实现年均 ${item.progress.achievedGrowth}%` : ''}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
