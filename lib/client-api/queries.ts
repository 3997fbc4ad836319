/** Query keys and fetchers shared by the server prefetch and the client (React Query). */
import { queryOptions } from '@tanstack/react-query';
import type { Overview, OverviewRanking } from '@/lib/services/dashboards/dashboard';
import type { ApprovalQueue, EntrySheet, OverdueList } from '@/lib/services/reporting/entry-sheet';
import { periodSearch } from '@/lib/domain/period';
import { fetchJson } from './client';

export interface PeriodParams {
  year?: number;
  month?: number;
}

export { periodSearch };

/** The period as the tail of a query key. */
export const periodKey = (params: PeriodParams) => [params.year ?? null, params.month ?? null] as const;

export const overviewQuery = (params: PeriodParams) =>
  queryOptions({
    queryKey: ['overview', ...periodKey(params)],
    queryFn: () => fetchJson<Overview>(`/api/overview${periodSearch(params)}`),
  });

/** The overview's whole ranking, asked for when the reader unfolds it. */
export const overviewRankingQuery = (params: PeriodParams) =>
  queryOptions({
    queryKey: ['overview-ranking', ...periodKey(params)],
    queryFn: () => fetchJson<OverviewRanking>(`/api/overview/ranking${periodSearch(params)}`),
  });

export const entryQuery = (params: PeriodParams) =>
  queryOptions({
    queryKey: ['entry', ...periodKey(params)],
    queryFn: () => fetchJson<EntrySheet>(`/api/entry${periodSearch(params)}`),
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
