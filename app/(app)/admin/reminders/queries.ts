/** The reminders page's queries (server prefetch and client) and its writes. */
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client-api/client';
import type { OutboxItem, RemindersView } from '@/lib/services/reminders/admin';
import type { ReminderSettingsView } from '@/lib/services/reminders/settings';

export const remindersQuery = (status: string | null) =>
  queryOptions({
    queryKey: ['admin', 'reminders', status ?? 'all'],
    queryFn: () => fetchJson<RemindersView>(`/api/admin/reminders${status ? `?status=${status}` : ''}`),
  });

export const reminderSettingsQuery = () =>
  queryOptions({
    queryKey: ['admin', 'reminder-settings'],
    queryFn: () => fetchJson<ReminderSettingsView>('/api/admin/reminders/settings'),
  });

export interface ReminderSettingsInput {
  email: { host: string; port: number; secure: boolean; username: string; password?: string; from: string } | null;
  webhook: { url?: string } | null;
  beforeDays: number[];
  reviewerAfterDays: number;
  adminAfterDays: number;
  version: string;
}

export const remindersApi = {
  retry: (id: number) => fetchJson<OutboxItem>(`/api/admin/reminders/${id}/retry`, { method: 'POST', body: '{}' }),
  saveSettings: (input: ReminderSettingsInput) =>
    fetchJson<ReminderSettingsView>('/api/admin/reminders/settings', { method: 'PUT', body: JSON.stringify(input) }),
};
