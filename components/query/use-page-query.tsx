'use client';
import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { ErrorState, PageSkeleton } from '@/components/kpi/states';

/**
 * The one query a page view is built on: its data once there, or else what the page shows instead — the
 * page-shaped skeleton (`skeleton` sizes it) while it loads, the error with a retry when it failed.
 */
export function usePageQuery<TQueryFnData, TData, TQueryKey extends QueryKey>(
  options: UseQueryOptions<TQueryFnData, Error, TData, TQueryKey>,
  skeleton?: { tiles?: number; blocks?: number },
): { data: TData; fallback?: undefined } | { data?: undefined; fallback: ReactElement } {
  const { data, error, isPending, refetch } = useQuery(options);
  if (isPending) return { fallback: <PageSkeleton {...skeleton} /> };
  if (error || !data) {
    return { fallback: <ErrorState message={error?.message ?? '未知错误'} onRetry={() => void refetch()} /> };
  }
  return { data };
}
