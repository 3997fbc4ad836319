/** The 通报 page's query (shared by the server prefetch and the client) and its write. */
import { queryOptions } from '@tanstack/react-query';
import type { BulletinList } from '@/lib/services/bulletins/bulletins';
import { fetchJson } from './client';

export const bulletinsQuery = () =>
  queryOptions({ queryKey: ['bulletins'], queryFn: () => fetchJson<BulletinList>('/api/bulletins') });

export const bulletinsApi = {
  generate: (period: { year: number; month: number }) =>
    fetchJson<{ id: number }>('/api/bulletins', { method: 'POST', body: JSON.stringify(period) }),
};
