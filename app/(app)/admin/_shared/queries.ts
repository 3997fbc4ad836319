/** What the admin pages' queries and writes share. */
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/lib/client-api/client';

/** An admin page that shows one year (/api/admin/{page}?year=): its query, the same for server prefetch and client. */
export const adminYearQuery = <T>(page: string, year: number) =>
  queryOptions({
    queryKey: ['admin', page, year],
    queryFn: () => fetchJson<T>(`/api/admin/${page}?year=${year}`),
  });

/** A write's request: its method and its JSON body. */
export const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
