import type { Metadata } from 'next';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { adminDepartmentsQuery } from '@/lib/client-api/admin';
import { listDepartments } from '@/lib/services/admin/departments';
import { DepartmentsView } from './departments-view';

export const metadata: Metadata = { title: '单位管理' };
export const dynamic = 'force-dynamic';

export default async function AdminDepartmentsPage() {
  return permissionPage('department.manage', { what: '「单位管理」' }, (user) => ({
    queries: [{ ...adminDepartmentsQuery(), queryFn: () => listDepartments(user) }],
    view: <DepartmentsView />,
  }));
}
