import Link from 'next/link';
import { Sparkline } from '@/components/charts/chart';
import { SampleBadge, StatusBadge } from '@/components/kpi/status-badge';
import { formatPercent, formatScaled, NO_VALUE } from '@/lib/domain/format';
import type { getIndicatorUnits } from '@/lib/services/units/view';

type Data = Extract<Awaited<ReturnType<typeof getIndicatorUnits>>, { tracked: true }>;

const WORKFLOW: Record<string, string> = { draft: '草稿', submitted: '待审核', approved: '已审核', returned: '已退回' };

/** The city figure made from the units' by the roll-up rule (shown beside it), and the by-unit table with small multiples. */
export function UnitsSection({ data }: { data: Data }) {
  const { rollup, period } = data;
  const q = `?year=${period.year}&month=${period.month}`;
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
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-gray-600">
            <tr>
              <th scope="col" className="py-2 pr-3">
                县区
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                数据
              </th>
              <th scope="col" className="py-2 pr-3">
                本期流程
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                分解目标
              </th>
              <th scope="col" className="py-2 pr-3">
                状态
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                完成率
              </th>
              <th scope="col" className="py-2 pr-3">
                走势
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.unitCode} className="border-t border-gray-100" data-unit={r.unitCode}>
                <td className="py-2 pr-3">
                  <Link href={`/units/${r.unitCode}${q}`} className="text-red-800 hover:underline">
                    {r.unitName}
                  </Link>
                  <span className="ml-1 text-xs text-gray-500">
                    {r.kindLabel}
                    {r.countsInRollup ? '' : '·不计入汇总'}
                  </span>
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {r.value === null ? '未报' : formatScaled(r.value, r.unit)}
                  {r.month !== null && r.month !== period.month ? (
                    <span className="ml-1 text-xs text-gray-500">（{r.month}月）</span>
                  ) : null}
                </td>
                <td className="py-2 pr-3 text-xs">{r.workflow ? WORKFLOW[r.workflow] : '未报'}</td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {r.target === null
                    ? '未分解'
                    : `${r.targetQualifier === 'at_least' ? '≥ ' : ''}${formatScaled(r.target, r.unit)}`}
                </td>
                <td className="py-2 pr-3">
                  <StatusBadge status={r.status} />
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {r.completion === null ? NO_VALUE : formatPercent(r.completion)}
                </td>
                <td className="py-2 pr-3">
                  <Sparkline points={r.series} unit={r.unit} status={r.status} width={96} height={28} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
