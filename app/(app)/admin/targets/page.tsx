import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { Forbidden } from '@/components/ui/forbidden';
import { parseYearSearch, type SearchPageProps } from '@/lib/validation/period';
import { requirePagePermission } from '@/lib/session/page-guard';
import { currentPeriod } from '@/lib/domain/period';
import { listTargets } from '@/lib/services/admin/targets';
import { listDecompositions } from '@/lib/services/units/targets';
import { targetsQuery } from './queries';
import { TargetsView } from './targets-view';
import { UnitDecomposition } from './unit-decomposition';

export const metadata: Metadata = { title: '目标管理' };
export const dynamic = 'force-dynamic';

export default async function AdminTargetsPage({ searchParams }: SearchPageProps) {
  const { user, allowed } = await requirePagePermission('target.manage');
  if (!allowed) return <Forbidden what="「目标管理」" />;
  const thisYear = currentPeriod(new Date()).year;
  const { year, error } = parseYearSearch(await searchParams, thisYear);
  const decompositions = await listDecompositions(user, year);
  return (
    <Prefetched queries={[{ ...targetsQuery(year), queryFn: () => listTargets(user, { year }) }]}>
      <TargetsView year={year} thisYear={thisYear} notice={error} />
      <div className="mt-6">
        <UnitDecomposition data={decompositions} />
      </div>
    </Prefetched>
  );
}
