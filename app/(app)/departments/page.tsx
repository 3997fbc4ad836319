import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { Forbidden } from '@/components/ui/forbidden';
import { requirePagePermission } from '@/lib/session/page-guard';
import { departmentsQuery } from '@/lib/client-api/dashboard-queries';
import { listDepartmentStanding } from '@/lib/services/dashboards/department';
import { parsePeriodSearch, type SearchPageProps } from '@/lib/validation/period';
import { DepartmentsView } from './departments-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '责任单位' };

export default async function DepartmentsPage({ searchParams }: SearchPageProps) {
  const { user, allowed } = await requirePagePermission('department.view-all');
  if (!allowed) {
    return (
      <Forbidden message="全部责任单位一览仅对领导、系统管理员和审计员开放；请通过导航中的“本单位”查看本单位指标。" />
    );
  }
  const period = parsePeriodSearch(await searchParams);
  const params = { year: period.year, month: period.month };
  return (
    <Prefetched queries={[{ ...departmentsQuery(params), queryFn: () => listDepartmentStanding(user, params) }]}>
      <DepartmentsView params={params} notice={period.error} />
    </Prefetched>
  );
}
