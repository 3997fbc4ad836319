import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { requirePagePermission } from '@/lib/session/page-guard';
import { departmentsQuery } from '@/lib/client-api/dashboard-queries';
import { listDepartmentStanding } from '@/lib/services/dashboards/department';
import { parsePeriodSearch } from '@/lib/validation/period';
import { DepartmentsView } from './departments-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '责任单位' };

export default async function DepartmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, allowed } = await requirePagePermission('department.view-all');
  if (!allowed) {
    return (
      <div role="alert" className="rounded-lg border border-gray-200 bg-white p-6">
        <h1 className="text-lg font-semibold">无权限</h1>
        <p className="mt-2 text-sm text-gray-600">
          全部责任单位一览仅对领导、系统管理员和审计员开放；请通过导航中的“本单位”查看本单位指标。
        </p>
      </div>
    );
  }
  const period = parsePeriodSearch(await searchParams);
  const params = { year: period.year, month: period.month };
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ ...departmentsQuery(params), queryFn: () => listDepartmentStanding(user, params) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DepartmentsView params={params} notice={period.error} />
    </HydrationBoundary>
  );
}
