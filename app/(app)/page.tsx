import { Prefetched } from '@/components/query/prefetched';
import { can } from '@/lib/domain/permissions';
import { periodPageInput } from '@/app/(app)/_page/server-page';
import { overviewQuery } from '@/lib/client-api/queries';
import { getOverview } from '@/lib/services/dashboards/dashboard';
import { getPlanStrip } from '@/lib/services/plans/plan';
import type { SearchPageProps } from '@/lib/validation/period';
import { OverviewView } from './overview-view';

export const dynamic = 'force-dynamic';

export default async function OverviewPage({ searchParams }: SearchPageProps) {
  const { user, query: params, notice } = await periodPageInput(searchParams);
  // Read at once. A failed overview read is left to the browser, which asks again and shows the error.
  const [strip, data] = await Promise.all([getPlanStrip(user), getOverview(user, params).catch(() => null)]);
  return (
    <Prefetched queries={[data && { queryKey: overviewQuery(params).queryKey, data }]}>
      <OverviewView
        params={params}
        notice={notice}
        canViewDepartments={can(user, 'department.view-all')}
        planStrip={strip}
      />
    </Prefetched>
  );
}
