import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, writeExport } from '@/tests/helpers/export-read';
import { figureCell, type ExportValue } from './cells';
import type { ExportInfo } from './table-writer';
import { sheetName } from './xlsx';

describe('XLSX export read back with exceljs', () => {
  it('keeps Chinese text, types figures as numbers, never turns text into a formula, adds the information sheet', async () => {
    const written: ExportValue[][] = [
      ['提交数据', figureCell('-4.500000'), '=HYPERLINK("http://x","y")'],
      ['审核通过', 1027, '长治市 七个主抓手'],
    ];
    const exportInfo: ExportInfo = [
      ['行数', 2],
      ['导出人', '审计员'],
    ];
    const { bytes } = await writeExport('xlsx', '审计日志', ['操作', '数值', '说明'], written, exportInfo);
    const sheets = await readXlsx(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['审计日志', '导出信息']);
    const [data, info] = sheets;
    expect(data?.rows.map((r) => r.map((c) => c.value))).toEqual([
      ['操作', '数值', '说明'],
      ['提交数据', -4.5, '=HYPERLINK("http://x","y")'],
      ['审核通过', 1027, '长治市 七个主抓手'],
    ]);
    expect(data?.rows[1]?.[1]?.type).toBe(ExcelJS.ValueType.Number);
    expect(data?.rows[1]?.[2]?.type).toBe(ExcelJS.ValueType.String);
    expect(info?.rows.map((r) => r.map((c) => c.value))).toEqual([
      ['项目', '内容'],
      ['行数', 2],
      ['导出人', '审计员'],
    ]);
  });

  it('the output hash is the SHA-256 of exactly the bytes the reader got', async () => {
    const { createHash } = await import('node:crypto');
    const { bytes, digest, byteCount } = await writeExport('xlsx', '数据', ['a'], [['x'], ['y']]);
    expect(digest).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(byteCount).toBe(bytes.byteLength);
  });

  it('makes valid sheet names', () => {
    expect(sheetName('a/b:c?d*e[f]')).toBe('a_b_c_d_e_f_');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });
});
