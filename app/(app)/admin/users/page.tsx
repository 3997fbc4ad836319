import type { Metadata } from 'next';
import { adminDepartmentsQuery, adminUsersQuery } from '@/lib/client-api/admin';
import { listDepartments } from '@/lib/services/admin/departments';
import { listUsers, toUserListItem } from '@/lib/services/admin/users';
import { listUnits } from '@/lib/services/units/units';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { UsersView } from './users-view';

export const metadata: Metadata = { title: '用户管理' };
export const dynamic = 'force-dynamic';

export default async function AdminUsersPage() {
  return permissionPage('user.manage', { what: '「用户管理」' }, async (user) => ({
    queries: [
      { ...adminUsersQuery(), queryFn: async () => (await listUsers(user)).map(toUserListItem) },
      { ...adminDepartmentsQuery(), queryFn: () => listDepartments(user) },
    ],
    view: <UsersView currentUserId={user.id} units={await listUnits(user)} />,
  }));
}
