import type { Metadata } from 'next';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { searchParam, type SearchPageProps } from '@/lib/validation/period';
import { getRemindersView } from '@/lib/services/reminders/admin';
import { remindersQuery } from './queries';
import { RemindersView } from './reminders-view';

export const metadata: Metadata = { title: '催报提醒' };
export const dynamic = 'force-dynamic';

const STATUSES = ['queued', 'sending', 'sent', 'failed'];

export default async function AdminRemindersPage({ searchParams }: SearchPageProps) {
  return permissionPage('reminder.manage', { what: '「催报提醒」' }, async (user) => {
    const text = searchParam(await searchParams, 'status');
    const status = text && STATUSES.includes(text) ? text : null;
    return {
      queries: [{ ...remindersQuery(status), queryFn: () => getRemindersView(user, { status: status ?? undefined }) }],
      view: <RemindersView status={status} />,
    };
  });
}
