import { Prefetched } from '@/components/query/prefetched';
import { can } from '@/lib/domain/permissions';
import { periodPageInput } from '@/app/(app)/_page/server-page';
import { overviewQuery } from '@/lib/client-api/queries';
import { getOverview } from '@/lib/services/dashboards/dashboard';
import { getPlanStrip } from '@/lib/services/plans/plan';
import { sharedRenderOf } from '@/lib/server-http/shared-render';
import { headers } from 'next/headers';
import type { SearchPageProps } from '@/lib/validation/period';
import { OverviewView } from './overview-view';

export const dynamic = 'force-dynamic';

export default async function OverviewPage({ searchParams }: SearchPageProps) {
  const { user, query: params, notice } = await periodPageInput(searchParams);
  // Rendered once for every reader of this scope (lib/server-http/overview-cache): its data stamped with a stand-in.
  const shared = sharedRenderOf(await headers());
  // Read at once. A failed overview read is left to the browser, which asks again and shows the error — except in
  // the shared rendering, which must not keep a page without its data: it fails and is not kept.
  const [strip, data] = await Promise.all([
    getPlanStrip(user),
    getOverview(user, params).catch((error: unknown) => {
      if (shared) throw error;
      return null;
    }),
  ]);
  return (
    <Prefetched queries={[data && { queryKey: overviewQuery(params).queryKey, data }]} stamp={shared?.stamp}>
      <OverviewView
        params={params}
        notice={notice}
        canViewDepartments={can(user, 'department.view-all')}
        planStrip={strip}
      />
    </Prefetched>
  );
}
