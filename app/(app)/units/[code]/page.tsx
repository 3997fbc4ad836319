import type { Metadata } from 'next';
import { periodCrumbs, periodSearch } from '@/components/kpi/types';
import Link from '@/components/ui/link';
import { Sparkline } from '@/components/charts/chart';
import { PeriodPageHeader } from '@/components/kpi/period-page-header';
import { StatusCounts } from '@/components/kpi/status-counts';
import { StatusBadge } from '@/components/kpi/status-badge';
import { orNotFound } from '@/lib/session/page-guard';
import { periodPageInput } from '@/app/(app)/_page/server-page';
import { DataTable } from '@/components/ui/table';
import { formatPercent, NO_VALUE } from '@/lib/domain/format';
import { getUnitView } from '@/lib/services/units/view';
import type { SearchPageProps } from '@/lib/validation/period';
import { CELL, FigureCell, PercentCell, TargetCell } from '../unit-cells';

export const dynamic = 'force-dynamic';

type Props = SearchPageProps & { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `县区 ${(await params).code.slice(0, 40)}` };
}

/** /units/[code] — one unit's tracked indicators against its own targets, with its rank among units. */
export default async function UnitPage({ params, searchParams }: Props) {
  const { user, query, notice } = await periodPageInput(searchParams);
  const { code } = await params;
  const data = await orNotFound(getUnitView(user, code, query));
  const { unit } = data;
  const p = data.period;
  const q = periodSearch(p);
  return (
    <div className="space-y-5">
      <PeriodPageHeader
        crumbs={periodCrumbs(p, { path: '/units', label: '县区' })}
        title={unit.name}
        badges={
          <span className="text-sm text-gray-600">
            {unit.kindLabel} · {p.year}年{p.month}月
          </span>
        }
        data={data}
        isSample={unit.isSample}
        notice={notice}
        path={`/units/${unit.code}`}
      />
      <section className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm md:grid-cols-3">
        <div>
          <h2 className="text-xs text-gray-600">状态分布</h2>
          <StatusCounts counts={unit.counts} />
        </div>
        <div>
          <h2 className="text-xs text-gray-600">完成率（对本县区目标）</h2>
          <p className="text-lg font-semibold tabular-nums">
            {unit.completion === null ? NO_VALUE : formatPercent(unit.completion)}
          </p>
        </div>
        <div>
          <h2 className="text-xs text-gray-600">县区排名</h2>
          <p className="text-lg font-semibold tabular-nums">
            {unit.rank === null ? NO_VALUE : `第 ${unit.rank} 名`}
            <span className="ml-1 text-sm font-normal text-gray-600">/ {data.rankCount}</span>
          </p>
          <p className="text-xs text-gray-600">
            {unit.onTrack} ÷ {unit.counted}；公式：{data.rankingFormula}
          </p>
        </div>
      </section>
      <section className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <h2 className="font-semibold">按县区填报的指标</h2>
        <DataTable
          headers={[
            '指标',
            { label: '本县区数据', align: 'right' },
            { label: '本县区目标', align: 'right' },
            '状态',
            { label: '完成率', align: 'right' },
            '走势',
          ]}
          caption={`${unit.name}按县区填报的指标`}
        >
          {data.indicators.map((c) => (
            <tr key={c.code}>
              <td className={CELL}>
                <Link href={`/indicators/${c.code}${q}`} className="text-red-800 hover:underline">
                  {c.name}
                </Link>
              </td>
              <FigureCell value={c.value} month={c.month} periodMonth={p.month} unit={c.unit} />
              <TargetCell target={c.target} qualifier={c.targetQualifier} unit={c.unit} />
              <td className={CELL}>
                <StatusBadge status={c.status} />
              </td>
              <PercentCell value={c.completion} />
              <td className={CELL}>
                <Sparkline points={c.series} unit={c.unit} status={c.status} />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
