import { Prefetched } from '@/components/query/prefetched';
import { can } from '@/lib/domain/permissions';
import { requirePageUser } from '@/lib/session/page-guard';
import { overviewQuery } from '@/lib/client-api/queries';
import { getOverview } from '@/lib/services/dashboards/dashboard';
import { getPlanStrip } from '@/lib/services/plans/plan';
import { parsePeriodSearch, type SearchPageProps } from '@/lib/validation/period';
import { OverviewView } from './overview-view';

export const dynamic = 'force-dynamic';

export default async function OverviewPage({ searchParams }: SearchPageProps) {
  const user = await requirePageUser();
  const period = parsePeriodSearch(await searchParams);
  const params = { year: period.year, month: period.month };
  // Read at once. A failed overview read is left to the browser, which asks again and shows the error.
  const [strip, data] = await Promise.all([getPlanStrip(user), getOverview(user, params).catch(() => null)]);
  return (
    <Prefetched queries={[data && { queryKey: overviewQuery(params).queryKey, data }]}>
      <OverviewView
        params={params}
        notice={period.error}
        canViewDepartments={can(user, 'department.view-all')}
        planStrip={strip}
      />
    </Prefetched>
  );
}
