/**
 * Writes and bulk work through the running app's HTTP routes, as a browser would call them: a figure submit
 * (PUT /api/actuals: the transaction and its audit append), the audit-log and records exports (streamed to
 * the end), the audit-chain verification and a 5,000-row XLSX import (dry run, then commit).
 */
import { formatPeriod, type Period } from '@/lib/domain/period';
import { bulkRows, xlsxOf } from '@/scripts/lib/bulk-import-fixture';
import { percentile } from './measure-api';

export interface Timed<T> {
  ms: number;
  body: T;
}

/** A request as the app's own page sends it: writes carry the app's Origin (the cross-site check refuses others). */
async function timedJson<T>(url: string, init: RequestInit): Promise<Timed<T>> {
  const start = performance.now();
  const headers = new Headers(init.headers);
  if (!headers.has('origin')) headers.set('origin', new URL(url).origin);
  const res = await fetch(url, { ...init, headers });
  const body = (await res.json()) as T;
  const ms = performance.now() - start;
  if (!res.ok)
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, body };
}

/** One submit per slot, one at a time; every answer must be 200. */
export async function measureSubmits(
  baseUrl: string,
  slots: { cookie: string; indicatorCode: string }[],
  period: Period,
) {
  const samples: number[] = [];
  for (const [i, slot] of slots.entries()) {
    const { ms } = await timedJson(`${baseUrl}/api/actuals`, {
      method: 'PUT',
      headers: { cookie: slot.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        indicatorCode: slot.indicatorCode,
        period: formatPeriod(period),
        value: String(100 + (i % 50)),
        version: null,
        action: 'submit',
        explanation: '基准测试：按进度推进中',
      }),
    });
    samples.push(ms);
  }
  return { count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** Downloads a file to the end without keeping it; the row count comes from the route's ?check=1. */
export async function measureDownload(baseUrl: string, path: string, cookie: string) {
  const check = await timedJson<{ rowCount: number }>(`${baseUrl}${path}&check=1`, { headers: { cookie } });
  const start = performance.now();
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  let bytes = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  return { seconds: (performance.now() - start) / 1000, bytes, rows: check.body.rowCount };
}

export async function measureVerify(baseUrl: string, cookie: string) {
  const { ms, body } = await timedJson<{ ok: boolean; count: number; message: string }>(`${baseUrl}/api/audit/verify`, {
    headers: { cookie },
  });
  if (!body.ok) throw new Error(`audit verify failed: ${body.message}`);
  return { seconds: ms / 1000, count: body.count };
}

/** The fixture's 5,000 rows (500 indicators × 10 months of `year`) as XLSX, dry run then commit. */
export async function measureImport(baseUrl: string, cookie: string, year: number) {
  const file = await xlsxOf(bulkRows(year));
  const run = async (mode: 'dry-run' | 'commit') => {
    const form = new FormData();
    form.set('mode', mode);
    form.set(
      'file',
      new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      '批量导入.xlsx',
    );
    const { ms, body } = await timedJson<{ okCount: number; errorCount: number; committed: boolean }>(
      `${baseUrl}/api/imports/actuals`,
      {
        method: 'POST',
        headers: { cookie },
        body: form,
      },
    );
    if (body.errorCount > 0) throw new Error(`import ${mode}: ${body.errorCount} rows refused`);
    return { seconds: ms / 1000, ok: body.okCount, committed: body.committed };
  };
  const dryRun = await run('dry-run');
  const commit = await run('commit');
  return { rows: bulkRows(year).length, fileBytes: file.byteLength, dryRun, commit };
}
