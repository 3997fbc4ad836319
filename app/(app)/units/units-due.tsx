import { Notice } from '@/components/ui/notice';
import { DataTable } from '@/components/ui/table';
import type { getUnitsOverview } from '@/lib/services/units/view';
import { CELL, UnitLink } from './unit-cells';

type Due = Awaited<ReturnType<typeof getUnitsOverview>>['due'];

const daysText = (daysLeft: number) =>
  daysLeft < 0 ? `逾期 ${-daysLeft} 天` : daysLeft === 0 ? '今天截止' : `${daysLeft} 天后截止`;

/** Units with figures overdue or due soon (as of today), each with the indicators and periods, so leaders can chase them. */
export function UnitsDue({ due, query }: { due: Due; query: string }) {
  return (
    <section aria-labelledby="units-due" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div>
        <h2 id="units-due" className="font-semibold">
          县区催报（截至今天，{due.year}年）
        </h2>
        <p className="mt-1 text-xs text-gray-600">
          有分解目标、已过填报截止日（或 3 天内截止）而尚未提交的县区数据；提交或审核通过即不再列出。
        </p>
      </div>
      {due.units.length === 0 ? (
        <Notice tone="success">各县区的数据均已按期提交。</Notice>
      ) : (
        <DataTable headers={['县区', '逾期', '即将截止', '未报指标（填报期）']} caption="逾期未报的县区">
          {due.units.map((u) => (
            <tr key={u.code} data-due-unit={u.code}>
              <td className={CELL}>
                <UnitLink code={u.code} name={u.name} query={query} />
              </td>
              <td className={`${CELL} tabular-nums ${u.overdue ? 'text-red-800' : ''}`}>{u.overdue}</td>
              <td className={`${CELL} tabular-nums`}>{u.dueSoon}</td>
              <td className={`${CELL} text-xs`}>
                <ul className="space-y-0.5">
                  {u.items.slice(0, 6).map((i) => (
                    <li key={`${i.code}:${i.periodLabel}`}>
                      {i.name}（{i.periodLabel}，
                      <span className={i.state === 'overdue' ? 'text-red-800' : 'text-amber-800'}>
                        {daysText(i.daysLeft)}
                      </span>
                      ）
                    </li>
                  ))}
                  {u.items.length > 6 ? <li className="text-gray-500">另有 {u.items.length - 6} 项</li> : null}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
