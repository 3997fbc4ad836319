'use client';
import { periodCrumbs, periodSearch } from '@/components/kpi/types';
import { usePageQuery } from '@/components/query/use-page-query';
import Link from '@/components/ui/link';
import { ProgressBar } from '@/components/charts/chart';
import { IndicatorTable } from '@/components/kpi/indicator-table';
import { StatusCounts } from '@/components/kpi/status-counts';
import { departmentQuery } from '@/lib/client-api/dashboard-queries';
import type { PeriodParams } from '@/lib/client-api/queries';
import { formatPercent } from '@/lib/domain/format';
import { groupStatus } from '@/lib/domain/summary';
import { PeriodPageHeader } from '@/components/kpi/period-page-header';

export function DepartmentView({ code, params, notice }: { code: string; params: PeriodParams; notice?: string }) {
  const { data, fallback } = usePageQuery(departmentQuery(code, params), { tiles: 0, blocks: 2 });
  if (!data) return fallback;
  const { period, department, summary, rank } = data;
  const search = periodSearch(period);
  return (
    <div className="space-y-5">
      <PeriodPageHeader
        crumbs={periodCrumbs(period, { path: '/departments', label: '责任单位' })}
        title={department.name}
        data={data}
        notice={notice}
        path={`/departments/${department.code}`}
      />
      <section
        aria-label="本单位概况"
        className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm md:grid-cols-3"
      >
        <div>
          <p className="text-xs text-gray-500">排名</p>
          <p className="text-2xl font-semibold tabular-nums">
            {rank && rank.share !== null ? (
              <>
                第 {rank.rank} <span className="text-sm font-normal text-gray-500">/ {data.rankCount}</span>
              </>
            ) : (
              <span className="text-base font-normal text-gray-500">暂无到期数据</span>
            )}
          </p>
          <p className="text-xs text-gray-500">
            达标率 {rank && rank.share !== null ? formatPercent(rank.share) : '—'}（{rank?.onTrack ?? 0}/
            {rank?.counted ?? 0}）；{data.rankingFormula}
          </p>
        </div>
        <div>
          <p className="text-xs text-gray-500">平均完成率</p>
          {summary.progress.completion !== null ? (
            <>
              <p className="text-2xl font-semibold tabular-nums">{formatPercent(summary.progress.completion)}</p>
              <ProgressBar
                actual={summary.progress.completion}
                expected={summary.progress.expected}
                status={groupStatus(summary.counts)}
                label="平均完成率"
                className="mt-1 max-w-xs"
              />
            </>
          ) : (
            <p className="text-sm text-gray-500">本期无可计算完成率的指标</p>
          )}
        </div>
        <div>
          <p className="mb-1 text-xs text-gray-500">共 {summary.total} 项指标</p>
          <StatusCounts counts={summary.counts} />
        </div>
      </section>
      {data.overdue.length ? (
        <section aria-labelledby="overdue-title" className="rounded-lg border border-violet-200 bg-violet-50/50 p-4">
          <h2 id="overdue-title" className="text-base font-semibold text-violet-900">
            逾期未报（{data.overdue.length} 项）
          </h2>
          <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
            {data.overdue.map((o) => (
              <li key={o.code}>
                <Link href={`/indicators/${o.code}${search}`} className="hover:underline">
                  {o.name}
                </Link>
                <span className="ml-2 text-xs text-violet-800">{o.dueMonth}月数据未报</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="dept-indicators" className="rounded-lg border border-gray-200 bg-white shadow-sm">
        <h2 id="dept-indicators" className="px-4 pt-3 text-base font-semibold">
          本单位指标
        </h2>
        <IndicatorTable views={data.indicators} period={period} departments={[]} showDepartmentFilter={false} />
      </section>
    </div>
  );
}
