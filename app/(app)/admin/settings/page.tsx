import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Forbidden } from '@/components/ui/forbidden';
import { can } from '@/lib/domain/permissions';
import { requirePagePermission } from '@/lib/session/page-guard';
import { currentPeriod } from '@/lib/domain/period';
import { getReminderSettingsView } from '@/lib/services/reminders/settings';
import { getSettingsView } from '@/lib/services/admin/settings';
import { reminderSettingsQuery } from '../reminders/queries';
import { settingsQuery } from './queries';
import { SettingsForm } from './settings-form';
import { PeriodLocks } from './period-locks';
import { ReminderSettingsForm } from './reminder-settings-form';

export const metadata: Metadata = { title: '设置' };
export const dynamic = 'force-dynamic';

export default async function AdminSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, allowed } = await requirePagePermission('period.lock');
  if (!allowed) return <Forbidden what="「设置」" />;
  const raw = (await searchParams).year;
  const text = Array.isArray(raw) ? raw[0] : raw;
  const thisYear = currentPeriod(new Date()).year;
  const year = text && /^\d{4}$/.test(text) && Number(text) >= 2000 && Number(text) <= 2100 ? Number(text) : thisYear;
  const queryClient = new QueryClient();
  const reminders = can(user, 'reminder.manage');
  await Promise.all([
    queryClient.prefetchQuery({ ...settingsQuery(year), queryFn: () => getSettingsView(user, { year }) }),
    reminders
      ? queryClient.prefetchQuery({ ...reminderSettingsQuery(), queryFn: () => getReminderSettingsView(user) })
      : null,
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <h1 className="text-xl font-bold">设置</h1>
        {can(user, 'target.manage') ? <SettingsForm year={year} /> : null}
        <PeriodLocks year={year} thisYear={thisYear} />
        {reminders ? <ReminderSettingsForm /> : null}
      </div>
    </HydrationBoundary>
  );
}
