/**
 * Benchmark: export N audit events (default 1,000,000) and record the time and the peak memory of the process.
 *
 *   npx tsx scripts/bench/audit-export.ts [--rows 1000000] [--format csv|xlsx] [--pg postgres://postgres@127.0.0.1:5432/postgres]
 *
 * It never touches an existing database (audit rows can never be removed): it uses a fresh embedded database
 * in a temporary folder, or with --pg a throw-away PostgreSQL database created and dropped through that URL.
 * The synthetic events are bulk-inserted (their hashes are placeholders). Prints one JSON line at the end.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, sql, type DbHandle } from '@/db/client';
import { exportAuditLog } from '@/lib/services/exports/exports';
import { listAuditEvents, verifyAuditChain } from '@/lib/services/audit/audit-log';
import { auditor, insertSyntheticEvents } from '@/scripts/lib/audit-fixtures';
import { parseOptions } from '../lib/args';
import { sampleRss } from '../lib/rss-sampler';

const MB = 1024 * 1024;

async function openScratch(pgUrl: string | undefined): Promise<{ handle: DbHandle; cleanup: () => Promise<void> }> {
  if (!pgUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-bench-'));
    const handle = await openDatabase({ dir: path.join(dir, 'data') });
    return {
      handle,
      cleanup: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `zs_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), maxConnections: 4 });
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), { rows: 'string', format: 'string', pg: 'string' });
  const rows = Number(options.rows ?? 1_000_000);
  const format = options.format === 'xlsx' ? 'xlsx' : 'csv';
  const pg = typeof options.pg === 'string' ? options.pg : undefined;
  process.env.AUTH_SECRET ??= 'bench-secret';
  process.env.EXPORT_MAX_ROWS ??= String(Math.max(rows, 2_000_000));

  const { handle, cleanup } = await openScratch(pg);
  try {
    const t0 = performance.now();
    for (let done = 0; done < rows; done += 100_000)
      await insertSyntheticEvents(handle.db, Math.min(100_000, rows - done), done);
    // Fresh statistics, as autovacuum keeps them on a live database (the planner then walks the primary key).
    await handle.db.execute(sql`analyze audit_events`);
    const insertSeconds = (performance.now() - t0) / 1000;

    const listStart = performance.now();
    await listAuditEvents(auditor, { action: 'actual.approve', limit: '50' }, { db: handle.db });
    await listAuditEvents(auditor, { from: '2025-01-05', to: '2025-01-06', limit: '50' }, { db: handle.db });
    const listMs = (performance.now() - listStart) / 2;

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const rss = sampleRss();
    const baseline = rss.baseline;
    const t1 = performance.now();
    const download = await exportAuditLog(auditor, { from: '2025-01-01', to: '2025-12-31', format }, { db: handle.db });
    const reader = download.stream.getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    const result = await download.done;
    const exportSeconds = (performance.now() - t1) / 1000;
    const peak = rss.stop();
    global.gc?.();
    const heapAfterMB = Math.round(process.memoryUsage().heapUsed / MB);

    // The chain walk's speed (these synthetic rows do not form a valid chain: only the time is of interest).
    const t2 = performance.now();
    const walked = await verifyAuditChain(auditor, {}, { db: handle.db });
    const verifySeconds = (performance.now() - t2) / 1000;

    const summary = {
      engine: handle.engine,
      format,
      rows: result.rowCount,
      bytes,
      insertSeconds: Number(insertSeconds.toFixed(1)),
      exportSeconds: Number(exportSeconds.toFixed(1)),
      rowsPerSecond: Math.round(result.rowCount / exportSeconds),
      baselineRssMB: Math.round(baseline / MB),
      peakRssMB: Math.round(peak / MB),
      peakGrowthMB: Math.round((peak - baseline) / MB),
      heapBeforeMB: Math.round(heapBefore / MB),
      heapAfterMB,
      listPageMs: Math.round(listMs),
      verifySeconds: Number(verifySeconds.toFixed(1)),
      verifiedEvents: walked.count,
      sha256: result.sha256,
    };
    console.log(
      `审计日志导出基准：${summary.rows} 行 ${format.toUpperCase()}（${summary.engine}），用时 ${summary.exportSeconds} 秒，进程内存峰值 ${summary.peakRssMB} MB（导出期间增长 ${summary.peakGrowthMB} MB）`,
    );
    console.log(JSON.stringify(summary));
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
