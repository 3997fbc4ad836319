/**
 * The monthly 通报 for the sample year, on both engines: generated as Word and PDF through the real renderers (the
 * system's Chromium prints the PDF), the .docx read back (its word/document.xml), the PDF's first page turned into
 * a PNG by pdftoppm; stored with its hashes and an audit event in the same transaction; served again byte for byte.
 * Roles without the permission are refused, bad input stores nothing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { backupDatabase, restoreDatabase } from '@/db/backup';
import { openDatabase, queryRows, sql, type Db } from '@/db/client';
import { actuals, auditEvents, indicators } from '@/db/schema';
import { seedReport } from '@/db/seed/report';
import { SAMPLE_YEAR, seedSampleYear } from '@/db/seed/sample';
import { WORK_AREAS } from '@/lib/domain/types';
import { printHtmlToPdf } from '@/lib/export/pdf-print';
import { generateBulletin, getBulletinDownload, listBulletins } from '@/lib/services/bulletins/bulletins';
import { admin, auditor, leader, official } from '@/scripts/lib/audit-fixtures';
import { firstPagePng } from '@/scripts/lib/pdf-page';
import { forEachEngine } from '@/tests/helpers/test-db';

// The sample year runs through November when "now" is early December 2026.
const NOW = new Date('2026-12-04T02:00:00Z');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function docxXml(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-docx-'));
  try {
    const file = path.join(dir, 'b.docx');
    writeFileSync(file, bytes);
    return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every table cell of the document, in order (each cell's runs joined). */
function cellTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

async function counts(db: Db) {
  const [row] = await queryRows<{ bulletins: number; files: number; events: number }>(
    db,
    sql`select (select count(*)::int from bulletins) as bulletins, (select count(*)::int from bulletin_files) as files,
      (select count(*)::int from audit_events where action = 'bulletin.generate') as events`,
  );
  return row;
}

forEachEngine('monthly bulletin', (ctx) => {
  let id = 0;
  let docx: Uint8Array = new Uint8Array();
  let pdf: Uint8Array = new Uint8Array();

  beforeAll(async () => {
    await seedReport(ctx.db);
    await seedSampleYear(ctx.db, NOW);
    ({ id } = await generateBulletin(leader, { year: SAMPLE_YEAR, month: 11 }, { db: ctx.db, now: NOW }));
    docx = (await getBulletinDownload(leader, String(id), 'docx', { db: ctx.db })).content;
    pdf = (await getBulletinDownload(leader, String(id), 'pdf', { db: ctx.db })).content;
  });

  it('the .docx reads back with the title, every area heading and the table cells', () => {
    const xml = docxXml(docx);
    expect(xml).toContain('长治市七个主抓手目标任务进展情况通报（2026年11月）');
    for (const [index, area] of WORK_AREAS.entries()) expect(xml).toContain(`${'一二三四五六七'[index]}、${area.name}`);
    expect(xml).toContain('八、滞后指标');
    expect(xml).toContain('九、逾期未报指标');
    expect(xml).toContain('十、责任单位排名');
    expect(xml).toContain('在序时进度内（绿灯）的指标数 ÷ 已有数据或已逾期的指标数');
    expect(xml).toContain('示例数据');
    const cells = cellTexts(xml);
    for (const header of ['指标', '年度目标', '本期实绩', '序时进度', '完成情况', '状态', '责任单位'])
      expect(cells).toContain(header);
    // A row of the first area: the indicator, its target in its unit, its actual to November.
    const row = cells.indexOf('全年实施项目');
    expect(row, 'a row of 抓招商、上项目').toBeGreaterThanOrEqual(0);
    expect(cells[row + 1]).toMatch(/^\d+个$/);
    expect(cells[row + 2]).toMatch(/^\d+个（1–11月累计）$/);
    expect(
      cells.some((c) => /亿元（1–11月累计）$/.test(c)),
      'an actual in 亿元 to November',
    ).toBe(true);
    expect(
      cells.some((c) => /^\d+(\.\d)?%$/.test(c)),
      'a completion percentage',
    ).toBe(true);
    expect(
      cells.some((c) => ['正常', '预警', '滞后', '逾期未报'].includes(c)),
      'a status',
    ).toBe(true);
    // A4 landscape: the page is wider than tall.
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(xml);
    expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2]));
    // Fonts named as offices name them.
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:eastAsia="黑体"');
  });

  it('the PDF is a PDF and pdftoppm renders its first page', () => {
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bulletin-pdf-'));
    try {
      writeFileSync(path.join(dir, 'b.pdf'), pdf);
      const png = firstPagePng(pdf, 50);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.byteLength).toBeGreaterThan(5000);
      // The title's characters are in the PDF's text (pdftotext reads them back through the embedded fonts).
      const text = execFileSync('pdftotext', ['-l', '1', path.join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, '')).toContain('长治市七个主抓手目标任务进展情况通报（2026年11月）');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores both files with their SHA-256 and records who made them in the audit log, hashes agreeing', async () => {
    const list = await listBulletins(auditor, { db: ctx.db });
    const listed = list.bulletins.find((b) => b.id === id);
    expect(listed).toMatchObject({ year: 2026, month: 11, createdBy: 'lingdao', isSample: true });
    expect(listed?.files.map((f) => f.format)).toEqual(['docx', 'pdf']);
    expect(listed?.files[0]).toMatchObject({
      sha256: sha256(docx),
      size: docx.byteLength,
      url: `/api/bulletins/${id}/docx`,
    });
    expect(listed?.files[1]).toMatchObject({
      sha256: sha256(pdf),
      size: pdf.byteLength,
      url: `/api/bulletins/${id}/pdf`,
    });
    const [event] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'bulletin.generate'));
    expect(event).toMatchObject({
      actorUsername: 'lingdao',
      actorRole: 'leader',
      entityType: 'bulletin',
      entityId: String(id),
    });
    const files = (event?.after as { files: { format: string; sha256: string }[] }).files;
    expect(files).toEqual([
      expect.objectContaining({ format: 'docx', sha256: sha256(docx) }),
      expect.objectContaining({ format: 'pdf', sha256: sha256(pdf) }),
    ]);
  });

  it('downloads again byte-identical (stored bytes, never regenerated), for the admin and the auditor too', async () => {
    for (const actor of [leader, admin, auditor]) {
      const again = await getBulletinDownload(actor, String(id), 'docx', { db: ctx.db });
      expect(Buffer.from(again.content).equals(Buffer.from(docx))).toBe(true);
      const pdfAgain = await getBulletinDownload(actor, String(id), 'pdf', { db: ctx.db });
      expect(sha256(pdfAgain.content)).toBe(sha256(pdf));
      expect(pdfAgain.fileName).toBe('长治市七个主抓手目标任务进展情况通报_2026年11月.pdf');
    }
  });

  it('refuses an official everywhere (403) and answers an unknown bulletin with 404', async () => {
    const before = await counts(ctx.db);
    await expect(generateBulletin(official, { year: 2026, month: 11 }, { db: ctx.db, now: NOW })).rejects.toMatchObject(
      { status: 403 },
    );
    await expect(listBulletins(official, { db: ctx.db })).rejects.toMatchObject({ status: 403 });
    await expect(getBulletinDownload(official, String(id), 'docx', { db: ctx.db })).rejects.toMatchObject({
      status: 403,
    });
    await expect(getBulletinDownload(leader, '999999', 'docx', { db: ctx.db })).rejects.toMatchObject({
      status: 404,
      message: '未找到该通报文件',
    });
    await expect(getBulletinDownload(leader, 'abc', 'pdf', { db: ctx.db })).rejects.toMatchObject({ status: 404 });
    expect(await counts(ctx.db)).toEqual(before);
  });

  it('bad input: a clear Chinese message naming the field, and nothing stored', async () => {
    const before = await counts(ctx.db);
    const refuse = (input: unknown) =>
      generateBulletin(leader, input, {
        db: ctx.db,
        now: NOW,
        printPdf: () => Promise.reject(new Error('must not print')),
      });
    await expect(refuse({ year: 2026, month: 13 })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { month: ['「月份」应为 1 到 12 之间的整数'] },
    });
    await expect(refuse({ month: 11 })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { year: ['请填写「年份」'] },
    });
    await expect(refuse({ year: '二〇二六', month: 11 })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { year: ['「年份」应为 2000 到 2100 之间的整数'] },
    });
    await expect(refuse({ year: 2027, month: 1 })).rejects.toMatchObject({
      status: 400,
      message: '「月份」不能晚于本月（2026年12月）：尚无该期数据',
    });
    expect(await counts(ctx.db)).toEqual(before);
  });

  it("a lagging figure's 情况说明 is printed beside it; a draft's is not (drafts are their department's own)", async () => {
    const ids = async (name: string) =>
      (await ctx.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.name, name))).map((r) => r.id);
    await ctx.db
      .update(actuals)
      .set({ explanation: '签约项目落地慢，已逐一约谈' })
      .where(and(inArray(actuals.indicatorId, await ids('签约项目')), eq(actuals.year, 2026)));
    await ctx.db
      .update(actuals)
      .set({ status: 'draft', explanation: '草稿里的说明不应出现' })
      .where(
        and(
          inArray(actuals.indicatorId, await ids('实施重点制造业项目')),
          eq(actuals.year, 2026),
          eq(actuals.month, 11),
        ),
      );
    const { id: next } = await generateBulletin(
      leader,
      { year: 2026, month: 11 },
      { db: ctx.db, now: NOW, printPdf: async () => pdf },
    );
    const xml = docxXml((await getBulletinDownload(leader, String(next), 'docx', { db: ctx.db })).content);
    const cells = cellTexts(xml);
    const row = cells.lastIndexOf('签约项目');
    expect(cells[row + 1]).toBe('市商务局');
    expect(cells[row + 3]).toBe('签约项目落地慢，已逐一约谈；备注：示例数据（非真实统计数据）');
    expect(xml).not.toContain('草稿里的说明不应出现');
  });

  it('no Chromium: 503 with a Chinese message naming CHROMIUM_PATH, nothing stored', async () => {
    const before = await counts(ctx.db);
    const printPdf = (html: string) => printHtmlToPdf(html, { executable: '/nonexistent/chromium' });
    await expect(
      generateBulletin(leader, { year: 2026, month: 10 }, { db: ctx.db, now: NOW, printPdf }),
    ).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining('CHROMIUM_PATH'),
    });
    expect(await counts(ctx.db)).toEqual(before);
  });

  it('a failed print stores nothing and records no event', async () => {
    const before = await counts(ctx.db);
    await expect(
      generateBulletin(
        leader,
        { year: 2026, month: 10 },
        { db: ctx.db, now: NOW, printPdf: () => Promise.reject(new Error('chromium crashed')) },
      ),
    ).rejects.toThrow('chromium crashed');
    expect(await counts(ctx.db)).toEqual(before);
  });

  it('a backup restores the stored files byte for byte (bytea through the JSON lines)', async () => {
    const chunks: Buffer[] = [];
    const sink = new PassThrough();
    sink.on('data', (c: Buffer) => chunks.push(c));
    const backedUp = await backupDatabase(ctx.db, sink);
    expect(backedUp.bulletin_files).toBe((await counts(ctx.db))?.files);
    expect(backedUp.bulletin_files).toBeGreaterThanOrEqual(2);
    const restored = await openDatabase({ dir: 'memory://' });
    try {
      await restoreDatabase(restored.db, Readable.from([Buffer.concat(chunks)]));
      const again = await getBulletinDownload(leader, String(id), 'pdf', { db: restored.db });
      expect(sha256(again.content)).toBe(sha256(pdf));
      expect(sha256((await getBulletinDownload(leader, String(id), 'docx', { db: restored.db })).content)).toBe(
        sha256(docx),
      );
    } finally {
      await restored.close();
    }
  });
});
