/** The settings page's query (server prefetch and client) and its writes. */
import { fetchJson } from '@/lib/client-api/client';
import type { SettingsView } from '@/lib/services/admin/settings';
import { adminYearQuery, json } from '../_shared/queries';

export const settingsQuery = (year: number) => adminYearQuery<SettingsView>('settings', year);

export const settingsApi = {
  save: (input: { progressPoints: number; ratePoints: number; dueDay: number; version: string }) =>
    fetchJson<{ version: string }>('/api/admin/settings', json('PUT', input)),
  lock: (period: string, reason: string) =>
    fetchJson<unknown>('/api/periods/lock', json('POST', { period, ...(reason ? { reason } : {}) })),
  unlock: (period: string, reason: string) =>
    fetchJson<unknown>('/api/periods/lock', json('DELETE', { period, ...(reason ? { reason } : {}) })),
};
