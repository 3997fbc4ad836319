import type { Metadata } from 'next';
import { periodCrumbs, periodSearch } from '@/components/kpi/types';
import { PeriodPageHeader } from '@/components/kpi/period-page-header';
import { StatusCounts } from '@/components/kpi/status-counts';
import { periodPageInput } from '@/app/(app)/_page/server-page';
import { DataTable } from '@/components/ui/table';
import { formatPercent, NO_VALUE } from '@/lib/domain/format';
import { getUnitsOverview } from '@/lib/services/units/view';
import type { SearchPageProps } from '@/lib/validation/period';
import { CELL, PercentCell, UnitLink } from './unit-cells';
import { UnitsDue } from './units-due';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '县区' };

/**
 * /units — every county, district and zone: status counts, completion against its own targets, ranking; and which
 * units have figures overdue, to chase them (催报).
 */
export default async function UnitsPage({ searchParams }: SearchPageProps) {
  const { user, query, notice } = await periodPageInput(searchParams);
  const data = await getUnitsOverview(user, query);
  const p = data.period;
  const q = periodSearch(p);
  return (
    <div className="space-y-5">
      <PeriodPageHeader
        crumbs={periodCrumbs(p)}
        title="县区"
        subtitle={`按县区填报的指标 ${data.indicatorCount} 项；各县区对照本县区的分解目标判断`}
        data={data}
        notice={notice}
        path="/units"
      />
      <section className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <div>
          <h2 className="font-semibold">县区排名</h2>
          <p className="mt-1 text-xs text-gray-600">
            排名公式：{data.rankingFormula}（开发区与县区并列显示，但不计入全市汇总）
          </p>
        </div>
        <DataTable
          headers={[
            '排名',
            '县区',
            '状态分布',
            { label: '绿灯 ÷ 计入', align: 'right' },
            { label: '完成率（对本县区目标）', align: 'right' },
          ]}
          caption="县区排名"
        >
          {data.units.map((u) => (
            <tr key={u.code}>
              <td className={`${CELL} tabular-nums`}>{u.rank ?? NO_VALUE}</td>
              <td className={CELL}>
                <UnitLink
                  code={u.code}
                  name={u.name}
                  query={q}
                  note={`${u.kindLabel}${u.countsInRollup ? '' : '（不计入全市汇总）'}`}
                />
              </td>
              <td className={CELL}>
                <StatusCounts counts={u.counts} hideZero label={`${u.name}状态分布`} />
              </td>
              <td className={`${CELL} text-right tabular-nums`}>
                {u.onTrack} ÷ {u.counted} = {u.share === null ? NO_VALUE : formatPercent(u.share)}
              </td>
              <PercentCell value={u.completion} />
            </tr>
          ))}
        </DataTable>
      </section>
      <UnitsDue due={data.due} query={q} />
    </div>
  );
}
