import type { Metadata } from 'next';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { departmentsQuery } from '@/lib/client-api/dashboard-queries';
import { listDepartmentStanding } from '@/lib/services/dashboards/department';
import { parsePeriodSearch, type SearchPageProps } from '@/lib/validation/period';
import { DepartmentsView } from './departments-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '责任单位' };

const FORBIDDEN = {
  message: '全部责任单位一览仅对领导、系统管理员和审计员开放；请通过导航中的“本单位”查看本单位指标。',
};

export default async function DepartmentsPage({ searchParams }: SearchPageProps) {
  return permissionPage('department.view-all', FORBIDDEN, async (user) => {
    const period = parsePeriodSearch(await searchParams);
    const params = { year: period.year, month: period.month };
    return {
      queries: [{ ...departmentsQuery(params), queryFn: () => listDepartmentStanding(user, params) }],
      view: <DepartmentsView params={params} notice={period.error} />,
    };
  });
}
