import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { can } from '@/lib/domain/permissions';
import { requirePageUser } from '@/lib/session/page-guard';
import { overviewQuery } from '@/lib/client-api/queries';
import { getOverview } from '@/lib/services/dashboards/dashboard';
import { getPlanStrip } from '@/lib/services/plans/plan';
import { parsePeriodSearch } from '@/lib/validation/period';
import { OverviewView } from './overview-view';

export const dynamic = 'force-dynamic';

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const period = parsePeriodSearch(await searchParams);
  const params = { year: period.year, month: period.month };
  const queryClient = new QueryClient();
  const [planStrip] = await Promise.all([
    getPlanStrip(user),
    queryClient.prefetchQuery({ ...overviewQuery(params), queryFn: () => getOverview(user, params) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OverviewView
        params={params}
        notice={period.error}
        canViewDepartments={can(user, 'department.view-all')}
        planStrip={planStrip}
      />
    </HydrationBoundary>
  );
}
