import { dehydrate, HydrationBoundary, QueryClient, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/**
 * One query a page hands to the browser: fetched here by its queryFn, already in hand as `data`, or — for a list
 * the browser pages through (an infinite query) — its first page, fetched here by `firstPage`.
 */
export type PagePrefetch =
  | { queryKey: QueryKey; data: unknown }
  | { queryKey: QueryKey; queryFn: () => Promise<unknown> }
  | { queryKey: QueryKey; initialPageParam: unknown; firstPage: () => Promise<unknown> }
  | null
  | false;

/**
 * The server half of a page: runs its queries at once (the same services the API routes call), then renders the
 * client view with the results already in its query cache, so the first paint has the data and the browser does
 * not ask again. A `null`/`false` entry is a query this reader does not get.
 */
export async function Prefetched({
  queries,
  children,
  stamp,
}: {
  queries: readonly PagePrefetch[];
  children: ReactNode;
  /** The time to stamp the data with instead of now (a rendering shared between readers, lib/server-http/shared-render). */
  stamp?: number;
}) {
  const queryClient = new QueryClient();
  await Promise.all(
    queries.map((query) => {
      if (!query) return null;
      if ('data' in query) {
        queryClient.setQueryData(query.queryKey, query.data);
        return null;
      }
      if ('firstPage' in query) {
        const { queryKey, initialPageParam, firstPage } = query;
        // Only the first page is fetched here, so there is no next page to work out: the browser's options do that.
        return queryClient.prefetchInfiniteQuery({
          queryKey,
          initialPageParam,
          queryFn: firstPage,
          getNextPageParam: () => undefined,
        });
      }
      return queryClient.prefetchQuery({ queryKey: query.queryKey, queryFn: query.queryFn });
    }),
  );
  const state = dehydrate(queryClient);
  if (stamp !== undefined)
    for (const query of state.queries) {
      query.dehydratedAt = stamp;
      query.state.dataUpdatedAt = stamp;
    }
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}
