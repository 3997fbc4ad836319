import { TrendChart, TrendLegend } from '@/components/charts/trend-chart';
import { periodSearch } from '@/components/kpi/types';
import { SampleBadge, StatusBadge } from '@/components/kpi/status-badge';
import { DataTable } from '@/components/ui/table';
import { formatScaled } from '@/lib/domain/format';
import type { getIndicatorUnits } from '@/lib/services/units/view';
import { CELL, FigureCell, PercentCell, TargetCell, UnitLink } from '../../units/unit-cells';

type Data = Extract<Awaited<ReturnType<typeof getIndicatorUnits>>, { tracked: true }>;

const WORKFLOW: Record<string, string> = { draft: '草稿', submitted: '待审核', approved: '已审核', returned: '已退回' };

/**
 * The city figure made from the units' by the roll-up rule (shown beside it), the by-unit table (each unit links to its
 * page: the drill-down's last step) and one small trend chart per unit against its own target and 序时进度.
 */
export function UnitsSection({ data }: { data: Data }) {
  const { rollup, period } = data;
  const q = periodSearch(period);
  const cityText =
    rollup === null || rollup.state === 'entered'
      ? '全市数据由市级直接填报'
      : rollup.state === 'complete'
        ? formatScaled(rollup.value, data.unit)
        : '暂不汇总';
  return (
    <section aria-labelledby="by-unit" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="by-unit" className="font-semibold">
          分县区情况（{period.year}年{period.month}月）
        </h2>
        {data.rows.some((r) => r.isSample) ? <SampleBadge /> : null}
      </div>
      <p className="text-sm" data-testid="rollup-city">
        全市（由县区汇总）：<strong className="tabular-nums">{cityText}</strong>
        <span className="ml-2 rounded bg-gray-100 px-1.5 py-0.5 text-xs text-gray-700">
          汇总方式：{data.ruleLabel}
          {data.weightName ? `（权重：${data.weightName}）` : ''}
        </span>
      </p>
      {rollup && rollup.state !== 'entered' ? (
        <p
          role={rollup.state === 'complete' ? undefined : 'status'}
          className={`text-sm ${rollup.state === 'complete' ? 'text-gray-600' : 'text-amber-800'}`}
          data-testid="rollup-text"
        >
          {rollup.text}
          （只计审核通过的县区数据；开发区不计入）
        </p>
      ) : null}
      <DataTable
        headers={[
          '县区',
          { label: '数据', align: 'right' },
          '本期流程',
          { label: '分解目标', align: 'right' },
          '状态',
          { label: '完成率', align: 'right' },
        ]}
        caption={`各县区${period.year}年${period.month}月数据、分解目标与完成率`}
      >
        {data.rows.map((r) => (
          <tr key={r.unitCode} data-unit={r.unitCode}>
            <td className={CELL}>
              <UnitLink
                code={r.unitCode}
                name={r.unitName}
                query={q}
                note={`${r.kindLabel}${r.countsInRollup ? '' : '·不计入汇总'}`}
              />
            </td>
            <FigureCell value={r.value} month={r.month} periodMonth={period.month} unit={r.unit} />
            <td className={`${CELL} text-xs`}>{r.workflow ? WORKFLOW[r.workflow] : '未报'}</td>
            <TargetCell target={r.target} qualifier={r.targetQualifier} unit={r.unit} />
            <td className={CELL}>
              <StatusBadge status={r.status} />
            </td>
            <PercentCell value={r.completion} />
          </tr>
        ))}
      </DataTable>
      <div className="space-y-2" data-testid="unit-trends">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h3 className="text-sm font-semibold">各县区走势</h3>
          <TrendLegend />
          <span className="text-xs text-gray-500">各县区对照本县区的分解目标（单位：{data.unit}）</span>
        </div>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
          {data.rows.map((r) => (
            <li key={r.unitCode} className="rounded border border-gray-100 p-2" data-unit-trend={r.unitCode}>
              <div className="mb-1 flex items-center justify-between gap-2 text-sm">
                <UnitLink code={r.unitCode} name={r.unitName} query={q} />
                <StatusBadge status={r.status} />
              </div>
              <TrendChart
                compact
                rows={r.trend}
                unit={r.unit}
                definition={data.definition}
                height={140}
                title={`${r.unitName}：${period.year}年走势，实绩对比本县区目标与序时进度（单位：${r.unit}）`}
              />
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
