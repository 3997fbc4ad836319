import type { Metadata } from 'next';
import { Prefetched } from '@/components/query/prefetched';
import { Forbidden } from '@/components/ui/forbidden';
import { parseYearSearch, type SearchPageProps } from '@/lib/validation/period';
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

export default async function AdminSettingsPage({ searchParams }: SearchPageProps) {
  const { user, allowed } = await requirePagePermission('period.lock');
  if (!allowed) return <Forbidden what="「设置」" />;
  const thisYear = currentPeriod(new Date()).year;
  const { year } = parseYearSearch(await searchParams, thisYear);
  const reminders = can(user, 'reminder.manage');
  return (
    <Prefetched
      queries={[
        { ...settingsQuery(year), queryFn: () => getSettingsView(user, { year }) },
        reminders && { ...reminderSettingsQuery(), queryFn: () => getReminderSettingsView(user) },
      ]}
    >
      <div className="space-y-6">
        <h1 className="text-xl font-bold">设置</h1>
        {can(user, 'target.manage') ? <SettingsForm year={year} /> : null}
        <PeriodLocks year={year} thisYear={thisYear} />
        {reminders ? <ReminderSettingsForm /> : null}
      </div>
    </Prefetched>
  );
}
