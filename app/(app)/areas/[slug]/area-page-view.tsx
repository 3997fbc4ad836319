'use client';
import { periodCrumbs, periodSearch } from '@/components/kpi/types';
import { usePageQuery } from '@/components/query/use-page-query';
import Link from '@/components/ui/link';
import { IndicatorTable } from '@/components/kpi/indicator-table';
import { StatusCounts } from '@/components/kpi/status-counts';
import { areaQuery } from '@/lib/client-api/dashboard-queries';
import type { PeriodParams } from '@/lib/client-api/queries';
import { AreaProgress } from '@/components/kpi/area-progress';
import { PeriodPageHeader } from '@/components/kpi/period-page-header';

export function AreaPageView({ slug, params, notice }: { slug: string; params: PeriodParams; notice?: string }) {
  const { data, fallback } = usePageQuery(areaQuery(slug, params), { tiles: 0, blocks: 2 });
  if (!data) return fallback;
  const { period, area, summary } = data;
  const search = periodSearch(period);
  return (
    <div className="space-y-5">
      <PeriodPageHeader
        crumbs={periodCrumbs(period)}
        title={
          <>
            <span className="mr-2 text-red-700">{area.id}</span>
            {area.name}
          </>
        }
        data={data}
        notice={notice}
        path={`/areas/${area.slug}`}
      >
        <nav aria-label="七个主抓手" className="no-print -mx-1 flex gap-1 overflow-x-auto pb-1 text-sm">
          {data.areas.map((a) => (
            <Link
              key={a.slug}
              href={`/areas/${a.slug}${search}`}
              aria-current={a.slug === area.slug ? 'page' : undefined}
              className={`rounded px-2 py-1 whitespace-nowrap ${a.slug === area.slug ? 'bg-red-800 text-white' : 'bg-white text-gray-700 ring-1 ring-gray-200 hover:bg-red-50'}`}
            >
              {a.id} {a.shortName}
            </Link>
          ))}
        </nav>
      </PeriodPageHeader>

      <section
        aria-label="本领域概况"
        className="grid gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-sm md:grid-cols-[1fr_auto]"
      >
        <div>
          <p className="text-sm text-gray-600">
            共 <strong className="text-gray-900 tabular-nums">{summary.total}</strong> 项指标
          </p>
          <AreaProgress
            className="mt-2 max-w-md"
            progress={summary.progress}
            counts={summary.counts}
            counted={`${summary.progress.counted} 项可计算完成率的指标平均，单项以 100% 封顶；增速类、越低越好类不计入`}
          />
        </div>
        <StatusCounts counts={summary.counts} label={`${area.name}状态分布`} />
      </section>

      <section aria-labelledby="indicators-title" className="rounded-lg border border-gray-200 bg-white shadow-sm">
        <h2 id="indicators-title" className="px-4 pt-3 text-base font-semibold">
          指标明细
        </h2>
        <IndicatorTable views={data.indicators} period={period} departments={data.departments} />
      </section>
      <p className="hidden text-xs text-gray-500 print:block">
        数据期：{period.year}年{period.month}月{data.isSample ? '（示例数据，非真实统计数据）' : ''}；来源：抓手 ·
        长治市目标进度平台。
      </p>
    </div>
  );
}
