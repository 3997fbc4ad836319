/** The targets page's query (server prefetch and client) and its write. */
import { fetchJson } from '@/lib/client-api/client';
import type { TargetList, WriteTargetResult } from '@/lib/services/admin/targets';
import { adminYearQuery } from '../_shared/queries';

export const targetsQuery = (year: number) => adminYearQuery<TargetList>('targets', year);

export const saveTarget = (input: Record<string, unknown>) =>
  fetchJson<WriteTargetResult>('/api/admin/targets', { method: 'PUT', body: JSON.stringify(input) });
