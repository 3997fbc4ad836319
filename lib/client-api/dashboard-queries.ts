/** Query keys and fetchers of the dashboards, shared by the server prefetch and the client (React Query). */
import { queryOptions } from '@tanstack/react-query';
import type { AreaView } from '@/lib/services/dashboards/area';
import type { DepartmentStanding, DepartmentView } from '@/lib/services/dashboards/department';
import type { IndicatorDetail } from '@/lib/services/dashboards/indicator';
import type { ReviewView } from '@/lib/services/dashboards/review';
import type { ScreenView } from '@/lib/services/dashboards/screen';
import { fetchJson } from './client';
import { periodKey, periodSearch, type PeriodParams } from './queries';

/** How often the cockpit polls, and after how long without a successful answer it warns. */
export const SCREEN_REFRESH_MS = 30_000;
export const SCREEN_STALE_MS = 90_000;

export const areaQuery = (slug: string, params: PeriodParams) =>
  queryOptions({
    queryKey: ['area', slug, ...periodKey(params)],
    queryFn: () => fetchJson<AreaView>(`/api/areas/${encodeURIComponent(slug)}${periodSearch(params)}`),
  });

export const indicatorQuery = (code: string, params: PeriodParams) =>
  queryOptions({
    queryKey: ['indicator', code, ...periodKey(params)],
    queryFn: () => fetchJson<IndicatorDetail>(`/api/indicators/${encodeURIComponent(code)}${periodSearch(params)}`),
  });

export const reviewQuery = () =>
  queryOptions({ queryKey: ['review'], queryFn: () => fetchJson<ReviewView>('/api/review') });

export const screenQuery = () =>
  queryOptions({
    queryKey: ['screen'],
    queryFn: () => fetchJson<ScreenView>('/api/screen'),
    refetchInterval: SCREEN_REFRESH_MS,
    refetchIntervalInBackground: true,
  });

export const departmentQuery = (code: string, params: PeriodParams) =>
  queryOptions({
    queryKey: ['department', code, ...periodKey(params)],
    queryFn: () => fetchJson<DepartmentView>(`/api/departments/${encodeURIComponent(code)}${periodSearch(params)}`),
  });

export const departmentsQuery = (params: PeriodParams) =>
  queryOptions({
    queryKey: ['departments', ...periodKey(params)],
    queryFn: () => fetchJson<DepartmentStanding>(`/api/departments${periodSearch(params)}`),
  });
