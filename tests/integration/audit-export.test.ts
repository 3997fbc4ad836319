/**
 * Exports on both engines: CSV and XLSX read back (Chinese intact, a formula-like cell stays text, figures are
 * numbers), the export's audit event holds the file's SHA-256 and row count, and bad requests are 4xx before
 * any byte is streamed; a failure midway errors the stream instead of ending it.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listAuditPage } from '@/db/queries/audit';
import { seedReport } from '@/db/seed/report';
import { startExport } from '@/lib/services/exports/run';
import {
  checkAuditLogExport,
  exportAuditLog,
  exportIndicatorBundle,
  exportRecords,
} from '@/lib/services/exports/exports';
import { append, auditor, leader } from '@/scripts/lib/audit-fixtures';
import { readCsv, readWebStream, readXlsx } from '@/tests/helpers/export-read';
import { forEachEngine } from '@/tests/helpers/test-db';
import { rejection } from './fixtures/refusals';

const RANGE = { from: '2020-01-01', to: '2020-01-31' };
const HYPERLINK = '=HYPERLINK("http://x","y")';

forEachEngine('exports', (ctx) => {
  beforeAll(async () => {
    await seedReport(ctx.db);
    for (let i = 0; i < 5; i += 1) {
      await append(ctx.db, {
        reason: i === 0 ? HYPERLINK : `第${i}次修改：长治市七个主抓手`,
        after: { value: String(i), 说明: '情况说明，含逗号' },
        at: new Date(Date.UTC(2020, 0, 10, 1, i)),
      });
    }
  });
  afterEach(() => {
    delete process.env.EXPORT_MAX_ROWS;
  });

  async function lastExportEvent() {
    const [event] = await listAuditPage(ctx.db, { actor: auditor, filter: { action: 'export.*' }, limit: 1 });
    return event;
  }

  it('CSV of the audit log: BOM, Chinese intact, =HYPERLINK opens as text, hash and count in the export event', async () => {
    const download = await exportAuditLog(auditor, { ...RANGE, format: 'csv' }, { db: ctx.db });
    expect(download.fileName).toMatch(/^审计日志_20200101-20200131_\d{8}-\d{6}\.csv$/);
    expect(download.contentType).toBe('text/csv; charset=utf-8');
    const bytes = await readWebStream(download.stream);
    const result = await download.done;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = await readCsv(bytes);
    expect(rows[0]?.[0]).toBe('事件编号');
    expect(rows).toHaveLength(1 + 5);
    const reasons = rows.slice(1).map((r) => r[10]);
    expect(reasons).toContain(`'${HYPERLINK}`);
    expect(reasons).toContain('第1次修改：长治市七个主抓手');
    expect(rows[1]?.[4]).toBe('提交数据');
    expect(rows[1]?.[13]).toContain('情况说明，含逗号');
    expect(result.rowCount).toBe(5);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const event = await lastExportEvent();
    expect(event).toMatchObject({ action: 'export.audit', actorUsername: 'shenji' });
    expect(event?.after).toMatchObject({
      complete: true,
      rowCount: 5,
      sha256: result.sha256,
      bytes: bytes.byteLength,
      format: 'csv',
    });
  });

  it('XLSX of the audit log: typed cells and a second sheet with filters, time, exporter, row count and chain head', async () => {
    const download = await exportAuditLog(auditor, { ...RANGE, format: 'xlsx', action: 'actual.*' }, { db: ctx.db });
    const bytes = await readWebStream(download.stream);
    const result = await download.done;
    const [data, info] = await readXlsx(bytes);
    expect(data?.name).toBe('审计日志');
    expect(data?.rows).toHaveLength(1 + 5);
    expect(data?.rows[1]?.[0]?.value).toEqual(expect.any(Number));
    expect(data?.rows.map((r) => r[10]?.value)).toContain(HYPERLINK);
    const infoRows = new Map(info?.rows.map((r) => [String(r[0]?.value), r[1]?.value]));
    expect(info?.name).toBe('导出信息');
    expect(infoRows.get('数据行数')).toBe(5);
    expect(infoRows.get('导出人')).toBe('shenji（审计员）');
    expect(infoRows.get('操作')).toBe('actual.*');
    expect(String(infoRows.get('开始时间'))).toContain('2020-01-01 00:00:00');
    expect(String(infoRows.get('审计链末尾哈希'))).toMatch(/^[0-9a-f]{64}$/);
    expect((await lastExportEvent())?.after).toMatchObject({ rowCount: 5, sha256: result.sha256, format: 'xlsx' });
  });

  it('records (leaders may): figures as numbers with unit, qualifier, status, target', async () => {
    const download = await exportRecords(leader, { format: 'csv', year: '2025' }, { db: ctx.db });
    const bytes = await readWebStream(download.stream);
    const result = await download.done;
    const rows = await readCsv(bytes);
    const header = rows[0] ?? [];
    expect(header.slice(0, 3)).toEqual(['指标编码', '指标名称', '口径']);
    const col = (name: string) => header.indexOf(name);
    const investment = rows.find((r) => r[0] === 'INV-INVESTMENT');
    expect(investment?.[col('实际值')]).toBe('1027');
    expect(investment?.[col('单位')]).toBe('亿元');
    expect(investment?.[col('年份')]).toBe('2025');
    expect(investment?.[col('审核状态')]).toMatch(/已审核|已提交/);
    expect(rows.find((r) => r[0] === 'HL-GDP-GROWTH')?.[col('限定词')]).toBe('左右');
    expect(result.rowCount).toBe(rows.length - 1);
    expect(await lastExportEvent()).toMatchObject({ action: 'export.records', actorUsername: 'lingdao' });
  });

  it('the audit bundle of one indicator: every part in one file (XLSX sheets; CSV sections of equal width)', async () => {
    const download = await exportIndicatorBundle(auditor, 'INV-INVESTMENT', { format: 'xlsx' }, { db: ctx.db });
    const sheets = await readXlsx(await readWebStream(download.stream));
    await download.done;
    expect(sheets.map((s) => s.name)).toEqual(['指标', '目标', '数据', '历史记录', '批示', '佐证材料', '导出信息']);
    expect(sheets[0]?.rows[1]?.[0]?.value).toBe('INV-INVESTMENT');
    expect(sheets[2]?.rows.length).toBeGreaterThan(1);
    const csv = await exportIndicatorBundle(auditor, 'INV-INVESTMENT', { format: 'csv' }, { db: ctx.db });
    const rows = await readCsv(await readWebStream(csv.stream));
    await csv.done;
    expect(rows[0]?.[0]).toBe('【指标】');
    expect(rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(['【目标】', '【数据】', '【历史记录】', '【批示】', '【佐证材料】']),
    );
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(await lastExportEvent()).toMatchObject({ action: 'export.indicator' });
    expect((await rejection(exportIndicatorBundle(auditor, 'NO-SUCH', {}, { db: ctx.db }))).status).toBe(404);
  });

  it('refuses bad requests with a 4xx before streaming anything', async () => {
    const oneEnd = await rejection(exportAuditLog(auditor, { from: '2020-01-01', format: 'csv' }, { db: ctx.db }));
    expect(oneEnd).toMatchObject({ status: 400 });
    expect(oneEnd.fieldErrors?.to).toEqual(['导出须指定「结束时间」']);
    // Any span is allowed (the whole 十四五); a date outside 2000–2100 is refused for what it is.
    const early = await rejection(exportAuditLog(auditor, { from: '1999-12-31', to: '2020-01-31' }, { db: ctx.db }));
    expect(early.fieldErrors?.from?.[0]).toContain('2000–2100');
    const inverted = await rejection(exportAuditLog(auditor, { from: '2020-02-01', to: '2020-01-01' }, { db: ctx.db }));
    expect(inverted.status).toBe(400);
    expect(
      (await rejection(exportAuditLog(auditor, { ...RANGE, format: 'pdf' }, { db: ctx.db }))).fieldErrors?.format,
    ).toBeDefined();
    expect((await rejection(exportAuditLog(auditor, { ...RANGE, action: 'x.y' }, { db: ctx.db }))).status).toBe(400);
    process.env.EXPORT_MAX_ROWS = '3';
    const before = (await lastExportEvent())?.id;
    const tooMany = await rejection(exportAuditLog(auditor, { ...RANGE, format: 'csv' }, { db: ctx.db }));
    expect(tooMany).toMatchObject({ status: 413, details: { rowCount: 5, maxRows: 3 } });
    expect(tooMany.message).toContain('超过上限 3 行');
    expect((await rejection(checkAuditLogExport(auditor, RANGE, { db: ctx.db }))).status).toBe(413);
    expect((await lastExportEvent())?.id).toBe(before);
  });

  it('permissions: leaders may not export the audit log or a bundle', async () => {
    expect((await rejection(exportAuditLog(leader, RANGE, { db: ctx.db }))).status).toBe(403);
    expect((await rejection(exportIndicatorBundle(leader, 'INV-INVESTMENT', {}, { db: ctx.db }))).status).toBe(403);
  });

  it('a failure midway errors the stream (never a complete-looking file) and is recorded as incomplete', async () => {
    const download = startExport({
      actor: auditor,
      db: ctx.db,
      format: 'csv',
      action: 'export.audit',
      baseName: '失败测试',
      filters: {},
      filterLines: [],
      title: '失败测试',
      chainHead: null,
      now: new Date(),
      async produce(writer) {
        await writer.startTable('数据', [{ header: '列' }]);
        await writer.writeRows([['第一行']]);
        throw new Error('database went away');
      },
    });
    await expect(readWebStream(download.stream)).rejects.toThrow('database went away');
    await expect(download.done).rejects.toThrow('database went away');
    expect((await lastExportEvent())?.after).toMatchObject({
      complete: false,
      fileName: '失败测试.csv',
      error: '导出失败',
    });
  });
});

describe('export size limit setting', () => {
  it('EXPORT_MAX_ROWS falls back to 2,000,000 when unset or invalid', async () => {
    const { exportMaxRows } = await import('@/lib/services/exports/run');
    expect(exportMaxRows(undefined)).toBe(2_000_000);
    expect(exportMaxRows('lots')).toBe(2_000_000);
    expect(exportMaxRows('500')).toBe(500);
  });
});
