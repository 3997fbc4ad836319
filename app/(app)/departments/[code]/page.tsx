import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/session/page-guard';
import { departmentQuery } from '@/lib/client-api/dashboard-queries';
import { isAppError } from '@/lib/errors';
import { getDepartmentView } from '@/lib/services/dashboards/department';
import { parsePeriodSearch } from '@/lib/validation/period';
import { DepartmentView } from './department-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '责任单位' };

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DepartmentPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const { code } = await params;
  const period = parsePeriodSearch(await searchParams);
  const query = { year: period.year, month: period.month };
  const result = await getDepartmentView(user, code, query).then(
    (data) => ({ data, forbidden: false as const }),
    (error: unknown) => {
      if (isAppError(error) && error.code === 'not_found') notFound();
      if (isAppError(error) && error.code === 'forbidden') return { data: null, forbidden: true as const };
      throw error;
    },
  );
  if (result.forbidden || !result.data) {
    return (
      <div role="alert" className="rounded-lg border border-gray-200 bg-white p-6">
        <h1 className="text-lg font-semibold">无权限</h1>
        <p className="mt-2 text-sm text-gray-600">只能查看本单位的指标。</p>
      </div>
    );
  }
  const queryClient = new QueryClient();
  queryClient.setQueryData(departmentQuery(code, query).queryKey, result.data);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DepartmentView code={code} params={query} notice={period.error} />
    </HydrationBoundary>
  );
}
