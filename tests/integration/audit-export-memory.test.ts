/**
 * Exports stream: memory stays flat whatever the row count, and a reader that stops reading stops the export
 * (nothing piles up in memory). The row count here is sized for the test run (AUDIT_MEMORY_ROWS, default
 * 200,000 on PGlite); the 1,000,000-row figure is recorded by `npx tsx scripts/bench/audit-export.ts`.
 */
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { sql } from '@/db/client';
import { listAuditPage } from '@/db/queries/audit';
import { ExportCancelledError } from '@/lib/export/output';
import { exportAuditLog } from '@/lib/services/exports/exports';
import { auditor, insertSyntheticEvents } from '@/scripts/lib/audit-fixtures';
import { sampleRss } from '@/scripts/lib/rss-sampler';
import { forEachEngine } from '@/tests/helpers/test-db';

const ROWS = Number(process.env.AUDIT_MEMORY_ROWS ?? 200_000);
const MB = 1024 * 1024;
const RANGE = { from: '2025-01-01', to: '2025-12-31' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

forEachEngine('export memory', (ctx) => {
  beforeAll(async () => {
    for (let done = 0; done < ROWS; done += 100_000)
      await insertSyntheticEvents(ctx.db, Math.min(100_000, ROWS - done), done);
    await ctx.db.execute(sql`analyze audit_events`);
  }, 600_000);

  it(`exports ${ROWS} events as CSV with the process's memory growth under 300 MB`, async () => {
    const rss = sampleRss();
    let peak = rss.baseline;
    const started = performance.now();
    try {
      const download = await exportAuditLog(auditor, { ...RANGE, format: 'csv' }, { db: ctx.db });
      const hash = createHash('sha256');
      const reader = download.stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        hash.update(value);
      }
      const result = await download.done;
      expect(result.rowCount).toBe(ROWS);
      expect(result.sha256).toBe(hash.digest('hex'));
    } finally {
      peak = rss.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const { baseline } = rss;
    const growth = (peak - baseline) / MB;
    console.log(
      `[audit-export-memory] ${ctx.engine}: ${ROWS} rows CSV in ${seconds.toFixed(1)} s; RSS ${Math.round(baseline / MB)} → peak ${Math.round(peak / MB)} MB (growth ${Math.round(growth)} MB)`,
    );
    expect(growth).toBeLessThan(300);
  }, 600_000);

  for (const format of ['csv', 'xlsx'] as const) {
    it(`a reader that stops reading stops the ${format.toUpperCase()} export; it resumes and completes`, async () => {
      // One day of the synthetic events (86,399 rows): enough to fill every buffer many times over.
      const download = await exportAuditLog(auditor, { from: '2025-01-01', to: '2025-01-01', format }, { db: ctx.db });
      const reader = download.stream.getReader();
      const first = await reader.read();
      // Wait for the rows to start (the CSV's are written by worker threads, which take a moment to start under the
      // test runner), then for the buffers between the writer and the (idle) reader to fill and the export to stand still.
      for (let i = 0; i < 300 && download.bytesWritten() <= (first.value?.byteLength ?? 0); i += 1) await sleep(100);
      let previous = -1;
      let stalledAt = download.bytesWritten();
      for (let i = 0; i < 50 && stalledAt !== previous; i += 1) {
        await sleep(300);
        previous = stalledAt;
        stalledAt = download.bytesWritten();
      }
      await sleep(600);
      expect(download.bytesWritten()).toBe(stalledAt);
      let total = first.value?.byteLength ?? 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
      }
      const result = await download.done;
      console.log(`[audit-export-memory] ${ctx.engine} ${format}: stalled at ${stalledAt} of ${result.bytes} bytes`);
      expect(result.rowCount).toBe(Math.min(ROWS, 86_399)); // events are numbered from 00:00:01
      expect(total).toBe(result.bytes);
      // What is held while the reader waits is a few buffers, not the file.
      expect(stalledAt).toBeLessThan(result.bytes / 3);
    }, 600_000);
  }

  for (const format of ['csv', 'xlsx'] as const) {
    it(`a cancelled ${format.toUpperCase()} download stops the export and is recorded as incomplete`, async () => {
      const download = await exportAuditLog(auditor, { from: '2025-01-01', to: '2025-01-01', format }, { db: ctx.db });
      const reader = download.stream.getReader();
      await reader.read();
      await reader.cancel();
      await expect(download.done).rejects.toBeInstanceOf(ExportCancelledError);
      const [event] = await listAuditPage(ctx.db, { actor: auditor, filter: { action: 'export.audit' }, limit: 1 });
      expect(event?.after).toMatchObject({ complete: false, error: '下载被中止', format });
    }, 120_000);
  }
});
