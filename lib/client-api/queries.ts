/** Query keys and fetchers shared by the server prefetch and the client (React Query). */
import { queryOptions } from '@tanstack/react-query';
import type { Overview } from '@/lib/services/dashboards/dashboard';
import type { ApprovalQueue, EntrySheet, OverdueList } from '@/lib/services/reporting/entry-sheet';
import { fetchJson } from './client';

export interface PeriodParams {
  year?: number;
  month?: number;
}

function search(params: PeriodParams): string {
  const q = new URLSearchParams();
  if (params.year) q.set('year', String(params.year));
  if (params.month) q.set('month', String(params.month));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const overviewQuery = (params: PeriodParams) =>
  queryOptions({
    queryKey: ['overview', params.year ?? null, params.month ?? null],
    queryFn: () => fetchJson<Overview>(`/api/overview${search(params)}`),
  });

export const entryQuery = (params: PeriodParams) =>
  queryOptions({
    queryKey: ['entry', params.year ?? null, params.month ?? null],
    queryFn: () => fetchJson<EntrySheet>(`/api/entry${search(params)}`),
  });

export const approvalsQuery = () =>
  queryOptions({
    queryKey: ['approvals'],
    queryFn: () => fetchJson<{ items: ApprovalQueue }>('/api/approvals'),
  });

export const overdueQuery = () =>
  queryOptions({
    queryKey: ['overdue'],
    queryFn: () => fetchJson<OverdueList>('/api/overdue'),
  });
