'use client';
import { periodCrumbs } from '@/components/kpi/types';
import { usePageQuery } from '@/components/query/use-page-query';
import { RankingTable } from '@/components/kpi/ranking-table';
import { foldRankRows } from '@/lib/domain/ranking';
import { departmentsQuery } from '@/lib/client-api/dashboard-queries';
import type { PeriodParams } from '@/lib/client-api/queries';
import { PeriodPageHeader } from '@/components/kpi/period-page-header';

export function DepartmentsView({ params, notice }: { params: PeriodParams; notice?: string }) {
  const { data, fallback } = usePageQuery(departmentsQuery(params), { tiles: 0, blocks: 1 });
  if (!data) return fallback;
  const { period } = data;
  return (
    <div className="space-y-5">
      <PeriodPageHeader
        crumbs={periodCrumbs(period)}
        title="责任单位"
        data={data}
        notice={notice}
        path="/departments"
      />
      <section className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <RankingTable
          ranking={foldRankRows(data.departments)}
          formula={data.rankingFormula}
          period={period}
          linkDepartments
        />
      </section>
    </div>
  );
}
