'use client';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '@/components/ui/page-header';
import { RankingTable } from '@/components/kpi/ranking-table';
import { SampleBanner } from '@/components/kpi/sample-banner';
import { ErrorState, PageSkeleton } from '@/components/kpi/states';
import { SampleBadge } from '@/components/kpi/status-badge';
import { PeriodSelect } from '@/components/layout/period-select';
import { departmentsQuery } from '@/lib/client-api/dashboard-queries';
import type { PeriodParams } from '@/lib/client-api/queries';
import { Notice } from '@/components/ui/notice';

export function DepartmentsView({ params, notice }: { params: PeriodParams; notice?: string }) {
  const { data, error, isPending, refetch } = useQuery(departmentsQuery(params));
  if (isPending) return <PageSkeleton tiles={0} blocks={1} />;
  if (error || !data) return <ErrorState message={error?.message ?? '未知错误'} onRetry={() => void refetch()} />;
  const { period } = data;
  return (
    <div className="space-y-5">
      <PageHeader
        crumbs={[{ href: `/?year=${period.year}&month=${period.month}`, label: '总览' }]}
        title="责任单位"
        badges={
          <>
            <span className="text-sm text-gray-600">
              {period.year}年{period.month}月
            </span>
            {data.isSample ? <SampleBadge /> : null}
          </>
        }
        controls={<PeriodSelect year={period.year} month={period.month} years={data.years} />}
      />
      {notice ? (
        <Notice tone="warning" role="status">
          {notice}
        </Notice>
      ) : null}
      {data.isSample ? <SampleBanner realYearHref="/departments?year=2025" /> : null}
      <section className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <RankingTable rows={data.departments} formula={data.rankingFormula} period={period} linkDepartments />
      </section>
    </div>
  );
}
