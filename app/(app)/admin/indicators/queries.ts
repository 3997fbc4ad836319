/** The indicator catalog's query (server prefetch and client) and its writes. */
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client-api/client';
import type { CatalogPage } from '@/lib/services/admin/catalog';
import type { IndicatorView } from '@/lib/services/dashboards/catalog';
import { json } from '../_shared/queries';

export const catalogQuery = () =>
  queryOptions({ queryKey: ['admin', 'catalog'], queryFn: () => fetchJson<CatalogPage>('/api/admin/indicators') });

const path = (code: string) => `/api/admin/indicators/${encodeURIComponent(code)}`;

export const catalogApi = {
  create: (input: Record<string, unknown>) => fetchJson<IndicatorView>('/api/admin/indicators', json('POST', input)),
  update: (code: string, input: Record<string, unknown>) => fetchJson<IndicatorView>(path(code), json('PATCH', input)),
  setRetired: (code: string, input: { action: 'retire' | 'unretire'; version: number; reason?: string }) =>
    fetchJson<IndicatorView>(path(code), json('POST', input)),
  remove: (code: string, version: number) => fetchJson<{ code: string }>(path(code), json('DELETE', { version })),
};
