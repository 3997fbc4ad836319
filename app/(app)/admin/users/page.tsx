import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { adminDepartmentsQuery, adminUsersQuery } from '@/lib/client-api/admin';
import { requirePagePermission } from '@/lib/session/page-guard';
import { listDepartments } from '@/lib/services/admin/departments';
import { listUsers, toUserListItem } from '@/lib/services/admin/users';
import { listUnits } from '@/lib/services/units/units';
import { Forbidden } from '@/components/ui/forbidden';
import { UsersView } from './users-view';

export const metadata: Metadata = { title: '用户管理' };
export const dynamic = 'force-dynamic';

export default async function AdminUsersPage() {
  const { user, allowed } = await requirePagePermission('user.manage');
  if (!allowed) return <Forbidden what="「用户管理」" />;
  const queryClient = new QueryClient();
  await Promise.all([
    queryClient.prefetchQuery({
      ...adminUsersQuery(),
      queryFn: async () => (await listUsers(user)).map(toUserListItem),
    }),
    queryClient.prefetchQuery({ ...adminDepartmentsQuery(), queryFn: () => listDepartments(user) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <UsersView currentUserId={user.id} units={await listUnits(user)} />
    </HydrationBoundary>
  );
}
