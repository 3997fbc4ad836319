import type { Metadata } from 'next';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { parseYearSearch, type SearchPageProps } from '@/lib/validation/period';
import { can } from '@/lib/domain/permissions';
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
  return permissionPage('period.lock', { what: '「设置」' }, async (user) => {
    const thisYear = currentPeriod(new Date()).year;
    const { year } = parseYearSearch(await searchParams, thisYear);
    const reminders = can(user, 'reminder.manage');
    return {
      queries: [
        { ...settingsQuery(year), queryFn: () => getSettingsView(user, { year }) },
        reminders && { ...reminderSettingsQuery(), queryFn: () => getReminderSettingsView(user) },
      ],
      view: (
        <div className="space-y-6">
          <h1 className="text-xl font-semibold">设置</h1>
          {can(user, 'target.manage') ? <SettingsForm year={year} /> : null}
          <PeriodLocks year={year} thisYear={thisYear} />
          {reminders ? <ReminderSettingsForm /> : null}
        </div>
      ),
    };
  });
}
