import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Forbidden } from '@/components/ui/forbidden';
import { requirePagePermission } from '@/lib/session/page-guard';
import { currentPeriod } from '@/lib/domain/period';
import { listTargets } from '@/lib/services/admin/targets';
import { listDecompositions } from '@/lib/services/units/targets';
import { targetsQuery } from './queries';
import { TargetsView } from './targets-view';
import { UnitDecomposition } from './unit-decomposition';

export const metadata: Metadata = { title: '目标管理' };
export const dynamic = 'force-dynamic';

export default async function AdminTargetsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, allowed } = await requirePagePermission('target.manage');
  if (!allowed) return <Forbidden what="「目标管理」" />;
  const raw = (await searchParams).year;
  const text = Array.isArray(raw) ? raw[0] : raw;
  const thisYear = currentPeriod(new Date()).year;
  const isValid = text !== undefined && /^\d{4}$/.test(text) && Number(text) >= 2000 && Number(text) <= 2100;
  const year = isValid ? Number(text) : thisYear;
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ ...targetsQuery(year), queryFn: () => listTargets(user, { year }) });
  const decompositions = await listDecompositions(user, year);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TargetsView
        year={year}
        thisYear={thisYear}
        notice={text !== undefined && !isValid ? `「年份」${text.slice(0, 20)} 无效，已显示 ${thisYear} 年` : undefined}
      />
      <div className="mt-6">
        <UnitDecomposition data={decompositions} />
      </div>
    </HydrationBoundary>
  );
}
