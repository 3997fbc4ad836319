import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { Forbidden } from '@/components/ui/forbidden';
import { searchParam, type SearchPageProps } from '@/lib/validation/period';
import { requirePagePermission } from '@/lib/session/page-guard';
import { getRemindersView } from '@/lib/services/reminders/admin';
import { remindersQuery } from './queries';
import { RemindersView } from './reminders-view';

export const metadata: Metadata = { title: '催报提醒' };
export const dynamic = 'force-dynamic';

const STATUSES = ['queued', 'sending', 'sent', 'failed'];

export default async function AdminRemindersPage({ searchParams }: SearchPageProps) {
  const { user, allowed } = await requirePagePermission('reminder.manage');
  if (!allowed) return <Forbidden what="「催报提醒」" />;
  const text = searchParam(await searchParams, 'status');
  const status = text && STATUSES.includes(text) ? text : null;
  return (
    <Prefetched
      queries={[
        {
          ...remindersQuery(status),
          queryFn: () => getRemindersView(user, { status: status ?? undefined }),
        },
      ]}
    >
      <RemindersView status={status} />
    </Prefetched>
  );
}
