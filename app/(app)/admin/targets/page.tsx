import type { Metadata } from 'next';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { parseYearSearch, type SearchPageProps } from '@/lib/validation/period';
import { currentPeriod } from '@/lib/domain/period';
import { listTargets } from '@/lib/services/admin/targets';
import { listDecompositions } from '@/lib/services/units/targets';
import { targetsQuery } from './queries';
import { TargetsView } from './targets-view';
import { UnitDecomposition } from './unit-decomposition';

export const metadata: Metadata = { title: '目标管理' };
export const dynamic = 'force-dynamic';

export default async function AdminTargetsPage({ searchParams }: SearchPageProps) {
  return permissionPage('target.manage', { what: '「目标管理」' }, async (user) => {
    const thisYear = currentPeriod(new Date()).year;
    const { year, error } = parseYearSearch(await searchParams, thisYear);
    const decompositions = await listDecompositions(user, year);
    return {
      queries: [{ ...targetsQuery(year), queryFn: () => listTargets(user, { year }) }],
      view: (
        <>
          <TargetsView year={year} thisYear={thisYear} notice={error} />
          <div className="mt-6">
            <UnitDecomposition data={decompositions} />
          </div>
        </>
      ),
    };
  });
}
