'use client';
/**
 * The overview's department ranking: the first and last departments come with the page; the ones between are asked
 * for (GET /api/overview/ranking) only when the reader unfolds them, so the page does not carry them twice — as
 * markup and as its data — for every reader who never looks.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Link from '@/components/ui/link';
import { RankingTable } from '@/components/kpi/ranking-table';
import { overviewRankingQuery } from '@/lib/client-api/queries';
import { foldRankRows } from '@/lib/domain/ranking';
import type { Overview } from '@/lib/services/dashboards/dashboard';

export function OverviewRanking({
  data,
  canViewDepartments,
}: {
  data: Pick<Overview, 'period' | 'ranking' | 'rankingFormula'>;
  canViewDepartments: boolean;
}) {
  const { period } = data;
  const [unfolded, setUnfolded] = useState(false);
  const all = useQuery({ ...overviewRankingQuery(period), enabled: unfolded });
  const ranking = all.data ? foldRankRows(all.data.rows) : data.ranking;
  return (
    <section aria-labelledby="ranking-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="ranking-title" className="text-base font-semibold">
          责任单位排名
        </h2>
        {canViewDepartments ? (
          <Link
            href={`/departments?year=${period.year}&month=${period.month}`}
            className="text-sm text-red-800 hover:underline"
          >
            全部单位 →
          </Link>
        ) : null}
      </div>
      <div className="mt-2">
        <RankingTable
          ranking={ranking}
          formula={data.rankingFormula}
          period={period}
          linkDepartments={canViewDepartments}
          unfold={{
            onUnfold: () => (unfolded ? void all.refetch() : setUnfolded(true)),
            pending: unfolded && all.isFetching,
            error: all.error ? all.error.message : null,
          }}
        />
      </div>
    </section>
  );
}
