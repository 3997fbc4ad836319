/** The scoring admin page's query (server prefetch and client) and its writes. */
import { fetchJson } from '@/lib/client-api/client';
import type { SchemeBody } from '@/lib/domain/scoring';
import type { ScoringAdminView } from '@/lib/services/scoring/scoring';
import { adminYearQuery, json } from '../_shared/queries';

export const scoringQuery = (year: number) => adminYearQuery<ScoringAdminView>('scoring', year);

export const scoringApi = {
  save: (input: SchemeBody & { year: number; reason?: string }) =>
    fetchJson<{ year: number; version: number; status: string; newVersion: boolean }>(
      '/api/admin/scoring',
      json('PUT', input),
    ),
  publish: (input: { year: number; version: number }) =>
    fetchJson<{ year: number; version: number; subjects: number; departments: number; units: number }>(
      '/api/admin/scoring/publish',
      json('POST', input),
    ),
};
