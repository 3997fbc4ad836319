/**
 * The audit log's CSV is written by worker threads (on PostgreSQL from one COPY, whose filters go in as literals
 * quoted by the server): byte for byte the file this thread writes from the same rows (auditCells, csvRecord), for
 * awkward texts and for every filter, on both engines. A download stopped early leaves no COPY running.
 */
import { expect, it } from 'vitest';
import { queryRows, sql } from '@/db/client';
import { getChainHead, iterateAuditExportRows, type AuditQueryFilter } from '@/db/queries/audit';
import { auditCells, AUDIT_COLUMNS } from '@/lib/services/exports/tables';
import { CSV_BOM, csvRecord } from '@/lib/export/csv';
import { exportAuditLog } from '@/lib/services/exports/exports';
import { append, auditor, official } from '@/scripts/lib/audit-fixtures';
import { readWebStream } from '@/tests/helpers/export-read';
import { forEachEngine } from '@/tests/helpers/test-db';

const AWKWARD = [
  'a\tb',
  '第一行\n第二行',
  'CR\r\nLF',
  'C:\\dir\\file',
  '"引号" \'单引号\', 逗号',
  '表情 🚩',
  '',
  '\\N',
  '=1+1',
  '＋86 全角',
];
/** A username with a quote, a backslash and a percent sign: each must arrive in the COPY's text as a literal. */
const ODD_USER = { ...official, username: "o'brien\\%_x" };
const DAY = Date.UTC(2021, 1, 3, 2);

/** The file as this thread writes it from the JSON walk's rows (the export before its threads). */
async function expectedCsv(db: Parameters<typeof getChainHead>[0], filter: AuditQueryFilter) {
  const throughId = (await getChainHead(db))?.id ?? null;
  let text = CSV_BOM + csvRecord(AUDIT_COLUMNS.map((c) => c.header));
  let rows = 0;
  for await (const batch of iterateAuditExportRows(db, { actor: auditor, filter, throughId, batchSize: 3 })) {
    for (const row of batch) text += csvRecord(auditCells(row));
    rows += batch.length;
  }
  return { bytes: Buffer.from(text, 'utf8'), rows };
}

forEachEngine('audit export on worker threads', (ctx) => {
  it('writes the same bytes as the rows written here, whatever the texts and the filters', async () => {
    for (const [i, text] of AWKWARD.entries()) {
      await append(ctx.db, {
        actor: i % 3 ? official : ODD_USER,
        action: i % 2 ? 'actual.submit' : 'target.update',
        departmentId: i % 4 ? 1 : 2,
        entityId: text || i,
        reason: text || null,
        before: i % 2 ? null : { text, n: i, nested: [text, null, -1.5] },
        after: { text, 说明: `第${i}条，含逗号` },
        at: new Date(DAY + i * 60_000),
      });
    }
    // Each filter with the number of the events above it matches (the last: a file with its header only).
    const filters: [Record<string, string>, number][] = [
      [{ from: '2021-02-03', to: '2021-02-03' }, 10],
      [{ from: '2021-02-03', to: '2021-02-03', username: ODD_USER.username }, 4],
      [{ from: '2021-02-01', to: '2021-02-28', action: 'actual.*' }, 5],
      [{ from: '2021-02-01', to: '2021-02-28', action: 'target.update', departmentId: '2' }, 3],
      [{ from: '2021-02-01', to: '2021-02-28', role: 'official', entityType: 'actual' }, 10],
      [{ from: '2021-02-04', to: '2021-02-28' }, 0],
    ];
    for (const [query, count] of filters) {
      const download = await exportAuditLog(auditor, { ...query, format: 'csv' }, { db: ctx.db });
      const bytes = Buffer.from(await readWebStream(download.stream));
      const result = await download.done;
      const { from, to, departmentId, ...rest } = query;
      const expected = await expectedCsv(ctx.db, {
        ...rest,
        from: new Date(`${from}T00:00:00+08:00`),
        to: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000),
        departmentId: departmentId === undefined ? undefined : Number(departmentId),
      });
      expect(expected.rows, JSON.stringify(query)).toBe(count);
      expect(bytes.toString('utf8')).toBe(expected.bytes.toString('utf8'));
      expect(bytes.equals(expected.bytes)).toBe(true);
      expect(result.rowCount).toBe(expected.rows);
    }
    // A username that is a prefix of the odd one matches nothing: the literal is compared whole, not as a pattern.
    const none = await exportAuditLog(
      auditor,
      { from: '2021-02-03', to: '2021-02-03', username: "o'brien", format: 'csv' },
      { db: ctx.db },
    );
    await readWebStream(none.stream);
    expect((await none.done).rowCount).toBe(0);
  });

  it('a download stopped early leaves no COPY running and the pool answering', async () => {
    for (let i = 0; i < 400; i += 1)
      await append(ctx.db, { reason: '填'.repeat(2000), at: new Date(DAY + 86_400_000 + i * 1000) });
    const download = await exportAuditLog(
      auditor,
      { from: '2021-02-04', to: '2021-02-04', format: 'csv' },
      { db: ctx.db },
    );
    const reader = download.stream.getReader();
    await reader.read();
    await reader.cancel();
    await expect(download.done).rejects.toThrow();
    let copies = -1;
    for (let i = 0; i < 50 && copies !== 0; i += 1) {
      const [row] = await queryRows<{ n: number }>(
        ctx.db,
        sql`select count(*)::int as n from pg_stat_activity where query like 'copy (%' and pid <> pg_backend_pid()
              and datname = current_database()`,
      );
      copies = row?.n ?? 0;
      if (copies) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(copies).toBe(0);
  });
});
