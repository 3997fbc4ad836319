import type { Metadata } from 'next';
import { adminDepartmentsQuery, adminUsersQuery } from '@/lib/client-api/admin';
import { requirePagePermission } from '@/lib/session/page-guard';
import { listDepartments } from '@/lib/services/admin/departments';
import { listUsers, toUserListItem } from '@/lib/services/admin/users';
import { listUnits } from '@/lib/services/units/units';
import { Prefetched } from '@/components/query/prefetched';
import { Forbidden } from '@/components/ui/forbidden';
import { UsersView } from './users-view';

export const metadata: Metadata = { title: '用户管理' };
export const dynamic = 'force-dynamic';

export default async function AdminUsersPage() {
  const { user, allowed } = await requirePagePermission('user.manage');
  if (!allowed) return <Forbidden what="「用户管理」" />;
  return (
    <Prefetched
      queries={[
        { ...adminUsersQuery(), queryFn: async () => (await listUsers(user)).map(toUserListItem) },
        { ...adminDepartmentsQuery(), queryFn: () => listDepartments(user) },
      ]}
    >
      <UsersView currentUserId={user.id} units={await listUnits(user)} />
    </Prefetched>
  );
}
