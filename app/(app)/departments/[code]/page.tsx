import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { periodPageInput } from '@/app/(app)/_page/server-page';
import { Forbidden } from '@/components/ui/forbidden';
import { orNotFound } from '@/lib/session/page-guard';
import { departmentQuery } from '@/lib/client-api/dashboard-queries';
import { isAppError } from '@/lib/errors';
import { getDepartmentView } from '@/lib/services/dashboards/department';
import type { SearchPageProps } from '@/lib/validation/period';
import { DepartmentView } from './department-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '责任单位' };

type Props = SearchPageProps & { params: Promise<{ code: string }> };

export default async function DepartmentPage({ params, searchParams }: Props) {
  const { user, query, notice } = await periodPageInput(searchParams);
  const { code } = await params;
  const data = await orNotFound(getDepartmentView(user, code, query)).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'forbidden') return null;
    throw error;
  });
  if (!data) {
    return <Forbidden message="只能查看本单位的指标。" />;
  }
  return (
    <Prefetched queries={[{ queryKey: departmentQuery(code, query).queryKey, data }]}>
      <DepartmentView code={code} params={query} notice={notice} />
    </Prefetched>
  );
}
