/** The audit page's queries (shared by the server prefetch and the client) and its requests. */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AuditEventDetail, AuditPage, VerifyReport } from '@/lib/services/audit/audit-log';
import { ApiError, fetchJson } from './client';

/** The list filters as they appear in the page URL and the API query string (blank = not filtered). */
export type AuditFilterParams = Partial<
  Record<'from' | 'to' | 'username' | 'role' | 'action' | 'entityType' | 'departmentId' | 'indicatorId', string>
>;

export const AUDIT_FILTER_KEYS = [
  'from',
  'to',
  'username',
  'role',
  'action',
  'entityType',
  'departmentId',
  'indicatorId',
] as const;

export function auditSearch(filters: AuditFilterParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) q.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) q.set(key, value);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const AUDIT_PAGE_SIZE = 50;

/** A refusal (bad filter, tampered cursor, no permission) does not change on retry. */
const retryUnlessRefused = (failures: number, error: Error) =>
  failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

export const auditListQuery = (filters: AuditFilterParams) =>
  infiniteQueryOptions({
    queryKey: ['audit', 'list', auditSearch(filters)],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      fetchJson<AuditPage>(
        `/api/audit${auditSearch(filters, { limit: String(AUDIT_PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) })}`,
      ),
    getNextPageParam: (last: AuditPage) => last.nextCursor,
    retry: retryUnlessRefused,
  });

export const auditEventQuery = (id: number) =>
  queryOptions({
    queryKey: ['audit', 'event', id],
    queryFn: () => fetchJson<AuditEventDetail>(`/api/audit/${id}`),
    retry: retryUnlessRefused,
  });

/** Walking the chain reads every event: done on demand, never refetched on focus. */
export const auditVerifyQuery = () =>
  queryOptions({
    queryKey: ['audit', 'verify'],
    queryFn: () => fetchJson<VerifyReport>('/api/audit/verify'),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });

export const auditApi = {
  verifyAgainst: (checkpoint: unknown) =>
    fetchJson<VerifyReport>('/api/audit/verify', { method: 'POST', body: JSON.stringify(checkpoint) }),
  /** Asks the server whether an export would be accepted (size, filters) before the browser downloads it. */
  checkExport: (url: string) =>
    fetchJson<{ rowCount: number; maxRows: number; fileName: string }>(`${url}${url.includes('?') ? '&' : '?'}check=1`),
  /** Downloads a small file through fetch, so that a refusal shows as a message instead of a saved error page. */
  async downloadSmall(url: string, fallbackName: string): Promise<void> {
    let response: Response;
    try {
      response = await fetch(url);
    } catch {
      throw new ApiError(0, '无法连接服务器，请检查网络后重试');
    }
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => null);
      const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : null;
      const message = typeof error === 'object' && error !== null && 'message' in error ? error.message : null;
      throw new ApiError(response.status, typeof message === 'string' ? message : `请求失败（${response.status}）`);
    }
    const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1];
    const href = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = href;
    link.download = name ? decodeURIComponent(name) : fallbackName;
    link.click();
    URL.revokeObjectURL(href);
  },
};
