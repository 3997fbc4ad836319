/** The targets page's query (server prefetch and client) and its write. */
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client-api/client';
import type { TargetList, WriteTargetResult } from '@/lib/services/admin/targets';

export const targetsQuery = (year: number) =>
  queryOptions({
    queryKey: ['admin', 'targets', year],
    queryFn: () => fetchJson<TargetList>(`/api/admin/targets?year=${year}`),
  });

export const saveTarget = (input: Record<string, unknown>) =>
  fetchJson<WriteTargetResult>('/api/admin/targets', { method: 'PUT', body: JSON.stringify(input) });
