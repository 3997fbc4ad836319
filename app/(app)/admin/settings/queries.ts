/** The settings page's query (server prefetch and client) and its writes. */
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client-api/client';
import type { SettingsView } from '@/lib/services/admin/settings';

export const settingsQuery = (year: number) =>
  queryOptions({
    queryKey: ['admin', 'settings', year],
    queryFn: () => fetchJson<SettingsView>(`/api/admin/settings?year=${year}`),
  });

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const settingsApi = {
  save: (input: { progressPoints: number; ratePoints: number; dueDay: number; version: string }) =>
    fetchJson<{ version: string }>('/api/admin/settings', json('PUT', input)),
  lock: (period: string, reason: string) =>
    fetchJson<unknown>('/api/periods/lock', json('POST', { period, ...(reason ? { reason } : {}) })),
  unlock: (period: string, reason: string) =>
    fetchJson<unknown>('/api/periods/lock', json('DELETE', { period, ...(reason ? { reason } : {}) })),
};
