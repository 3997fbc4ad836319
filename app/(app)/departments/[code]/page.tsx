import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { Forbidden } from '@/components/ui/forbidden';
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/lib/session/page-guard';
import { departmentQuery } from '@/lib/client-api/dashboard-queries';
import { isAppError } from '@/lib/errors';
import { getDepartmentView } from '@/lib/services/dashboards/department';
import { parsePeriodSearch, type SearchPageProps } from '@/lib/validation/period';
import { DepartmentView } from './department-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '责任单位' };

type Props = SearchPageProps & { params: Promise<{ code: string }> };

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
    return <Forbidden message="只能查看本单位的指标。" />;
  }
  return (
    <Prefetched queries={[{ queryKey: departmentQuery(code, query).queryKey, data: result.data }]}>
      <DepartmentView code={code} params={query} notice={period.error} />
    </Prefetched>
  );
}
