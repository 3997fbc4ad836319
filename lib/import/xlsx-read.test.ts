import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { monthValues } from '@/tests/helpers/pure/month-values';
import { rejectionOf } from '@/tests/helpers/pure/rejection';
import { ImportFileError, TOO_MANY_ROWS, NOT_A_SPREADSHEET } from './limits';
import { readUpload } from './read-upload';
import { toImportRecords, type ImportKind } from './sheet-table';
import { buildTemplate, type TemplateRow } from './template';

/** A workbook written with the streaming writer (how the tests build large files without holding them). */
async function streamedXlsx(rows: (string | number)[][], sheetName = '实绩'): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet(sheetName);
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

const failure = (promise: Promise<unknown>) => rejectionOf(promise, ImportFileError);

/** The template of `kind` holding these rows, uploaded again: its format and the records read from it. */
async function readTemplateBack(kind: ImportKind, rows: TemplateRow[]) {
  // The scope and period labels only fill the 说明 sheet the reader passes over.
  const buf = await buildTemplate({ kind, scopeLabel: '全部单位', periodLabel: '2026年', rows });
  const upload = await readUpload(buf);
  return { format: upload.format, records: toImportRecords(kind, upload.rows) };
}

const HEADER = ['指标编码', '指标名称', '单位', '填报期', '数值', '限定词', '备注'];

describe('reading an XLSX upload', () => {
  it('reads the template back: header first, then one record per row', async () => {
    // Every column of a filled row comes back as written.
    const filled = {
      unit: '亿元',
      period: '2026-03',
      value: '1027.5',
      qualifier: '以上',
      note: '快报',
      unitRef: '潞州区',
    };
    const { format, records } = await readTemplateBack('actuals', [
      { code: 'INV-A', name: '固定资产投资', ...filled },
      { code: 'INV-B', name: '新开工项目', unit: '个', period: '2026-03', unitRef: '全市' },
    ]);
    expect(format).toBe('xlsx');
    expect(records).toEqual([
      { row: 2, indicatorCode: 'INV-A', ...filled, phases: [] },
      {
        row: 3,
        indicatorCode: 'INV-B',
        unit: '个',
        period: '2026-03',
        value: '',
        qualifier: '',
        note: '',
        unitRef: '全市',
        phases: [],
      },
    ]);
  });

  it('reads a period Excel turned into a date as its month, and formula results as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('实绩');
    sheet.addRow(HEADER);
    sheet.addRow([
      'INV-A',
      '',
      '亿元',
      new Date(Date.UTC(2026, 2, 1)),
      { formula: '0.1+0.2', result: 0.30000000000000004 },
    ]);
    sheet.getCell('D2').numFmt = 'yyyy-mm';
    const { rows } = await readUpload(Buffer.from(await workbook.xlsx.writeBuffer()));
    const [record] = toImportRecords('actuals', rows);
    expect(record).toMatchObject({ row: 2, period: '2026-03', value: '0.3' });
  });

  it('reads targets with their phasing columns', async () => {
    const {
      records: [record],
    } = await readTemplateBack('targets', [
      {
        code: 'INV-A',
        name: '投资',
        unit: '亿元',
        kindLabel: '累计值',
        period: '2026',
        value: '1100',
        unitRef: '全市',
        phases: monthValues([6, '500'], [12, '1100']),
      },
    ]);
    expect(record).toMatchObject({
      period: '2026',
      value: '1100',
      unitRef: '全市',
      phases: monthValues([6, '500'], [12, '1100']),
    });
  });

  it('reads the first visible sheet, passing over the 说明 sheet and a hidden sheet before it', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['请在「实绩」表填写']);
    const hidden = workbook.addWorksheet('旧数据', { state: 'hidden' });
    hidden.addRow(HEADER);
    hidden.addRow(['OLD', '', '个', '2025-12', 9]);
    const data = workbook.addWorksheet('实绩');
    data.addRow(HEADER);
    data.addRow(['INV-A', '', '亿元', '2026-03', 7]);
    const [record] = toImportRecords(
      'actuals',
      (await readUpload(Buffer.from(await workbook.xlsx.writeBuffer()))).rows,
    );
    expect(record).toMatchObject({ row: 2, indicatorCode: 'INV-A', value: '7' });
  });

  it('keeps every Chinese character of a large sheet intact (characters split between inflated chunks)', async () => {
    const notes = Array.from(
      { length: 3_000 },
      (_, i) => `第${i}行：长治市重点工程项目建设进展顺利，已完成年度投资计划的百分之${i % 100}`,
    );
    const rows = notes.map((note, i) => [`C-${i}`, '', '个', '2026-03', i, '', note]);
    const { rows: read } = await readUpload(await streamedXlsx([HEADER, ...rows]));
    expect(read.slice(1).map((r) => r.cells[6])).toEqual(notes);
  }, 60_000);

  it('reads the same file the same way every time, also many at once', async () => {
    const buf = await streamedXlsx([
      HEADER,
      ['INV-A', '', '亿元', '2026-03', 'Infinity'],
      ['INV-B', '', '个', '2026-03', 5],
    ]);
    const reads = await Promise.all(Array.from({ length: 40 }, () => readUpload(buf)));
    for (const { rows } of reads) expect(rows.map((r) => r.cells[0])).toEqual(['指标编码', 'INV-A', 'INV-B']);
  });

  it('refuses 100,000 rows after counting, without reading the whole file', async () => {
    const rows: (string | number)[][] = [HEADER];
    for (let i = 0; i < 100_000; i += 1) rows.push([`C-${i % 500}`, '', '个', `2026-${(i % 12) + 1}`, i]);
    const buf = await streamedXlsx(rows);
    const error = await failure(readUpload(buf));
    expect(error.message).toBe(TOO_MANY_ROWS);
    expect(error.kind).toBe('too_large');
  }, 120_000);

  it('accepts exactly 10,000 data rows', async () => {
    const rows: (string | number)[][] = [HEADER];
    for (let i = 0; i < 10_000; i += 1) rows.push([`C-${i}`, '', '个', '2026-03', i]);
    const { rows: read } = await readUpload(await streamedXlsx(rows));
    expect(read).toHaveLength(10_001);
  }, 60_000);

  it('refuses a 20 MB cell naming its row and column', async () => {
    const buf = await streamedXlsx([
      HEADER,
      ['INV-A', '', '亿元', '2026-03', 1],
      ['INV-B', 'x'.repeat(20 * 1024 * 1024), '亿元', '2026-03', 2],
    ]);
    const error = await failure(readUpload(buf));
    expect(error.message).toBe('第 3 行 B 列的内容超过 2000 个字符，请检查后重新上传');
  }, 60_000);

  it('refuses a ZIP that is not a workbook, an old .xls, and random bytes', async () => {
    const notXlsx = Buffer.from('504b0304', 'hex');
    expect((await failure(readUpload(Buffer.concat([notXlsx, Buffer.alloc(100)])))).message).toBe(NOT_A_SPREADSHEET);
    const xls = Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(100), 'hex');
    expect((await failure(readUpload(xls))).message).toContain('.xls');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect((await failure(readUpload(png))).message).toBe(NOT_A_SPREADSHEET);
  });

  it('refuses a truncated workbook as not a spreadsheet', async () => {
    const buf = await streamedXlsx([HEADER, ['INV-A', '', '亿元', '2026-03', 1]]);
    const error = await failure(readUpload(buf.subarray(0, Math.floor(buf.length / 2))));
    expect(error.message).toBe(NOT_A_SPREADSHEET);
  });

  it('a file over 10 MB is refused before parsing', async () => {
    const error = await failure(readUpload(new Uint8Array(10 * 1024 * 1024 + 1)));
    expect(error.kind).toBe('too_large');
  });
});
