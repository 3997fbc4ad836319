'use client';
import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { ErrorState, PageSkeleton } from '@/components/kpi/states';

/** What a view shows until its query has data: while it loads, and when it failed (the message and a retry). */
export type QueryFallbacks = { loading: ReactElement; failed: (message: string, retry: () => void) => ReactElement };

/** A query's data once there, or else the view's fallback for now (loading or failed). */
export function useQueryView<TQueryFnData, TData, TQueryKey extends QueryKey>(
  options: UseQueryOptions<TQueryFnData, Error, TData, TQueryKey>,
  fallbacks: QueryFallbacks,
): { data: TData; fallback?: undefined } | { data?: undefined; fallback: ReactElement } {
  const { data, error, isPending, refetch } = useQuery(options);
  if (isPending) return { fallback: fallbacks.loading };
  if (error || !data) return { fallback: fallbacks.failed(error?.message ?? '未知错误', () => void refetch()) };
  return { data };
}

/**
 * The one query a page view is built on: its data once there, or else what the page shows instead — the
 * page-shaped skeleton (`skeleton` sizes it) while it loads, the error with a retry when it failed.
 */
export function usePageQuery<TQueryFnData, TData, TQueryKey extends QueryKey>(
  options: UseQueryOptions<TQueryFnData, Error, TData, TQueryKey>,
  skeleton?: { tiles?: number; blocks?: number },
) {
  return useQueryView(options, {
    loading: <PageSkeleton {...skeleton} />,
    failed: (message, retry) => <ErrorState message={message} onRetry={retry} />,
  });
}
