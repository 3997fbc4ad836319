import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { adminDepartmentsQuery } from '@/lib/client-api/admin';
import { requirePagePermission } from '@/lib/session/page-guard';
import { listDepartments } from '@/lib/services/admin/departments';
import { Forbidden } from '@/components/ui/forbidden';
import { DepartmentsView } from './departments-view';

export const metadata: Metadata = { title: '单位管理' };
export const dynamic = 'force-dynamic';

export default async function AdminDepartmentsPage() {
  const { user, allowed } = await requirePagePermission('department.manage');
  if (!allowed) return <Forbidden what="「单位管理」" />;
  return (
    <Prefetched queries={[{ ...adminDepartmentsQuery(), queryFn: () => listDepartments(user) }]}>
      <DepartmentsView />
    </Prefetched>
  );
}
