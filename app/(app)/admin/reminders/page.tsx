import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Forbidden } from '@/components/ui/forbidden';
import { requirePagePermission } from '@/lib/session/page-guard';
import { getRemindersView } from '@/lib/services/reminders/admin';
import { remindersQuery } from './queries';
import { RemindersView } from './reminders-view';

export const metadata: Metadata = { title: '催报提醒' };
export const dynamic = 'force-dynamic';

const STATUSES = ['queued', 'sending', 'sent', 'failed'];

export default async function AdminRemindersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, allowed } = await requirePagePermission('reminder.manage');
  if (!allowed) return <Forbidden what="「催报提醒」" />;
  const raw = (await searchParams).status;
  const text = Array.isArray(raw) ? raw[0] : raw;
  const status = text && STATUSES.includes(text) ? text : null;
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    ...remindersQuery(status),
    queryFn: () => getRemindersView(user, { status: status ?? undefined }),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RemindersView status={status} />
    </HydrationBoundary>
  );
}
