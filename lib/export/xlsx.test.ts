import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWebStream, readXlsx } from '@/tests/helpers/export-read';
import { figureCell } from './cells';
import { ExportOutput } from './output';
import { createTableWriter } from './table-writer';
import { sheetName } from './xlsx';

describe('XLSX export read back with exceljs', () => {
  it('keeps Chinese text, types figures as numbers, never turns text into a formula, adds the information sheet', async () => {
    const output = new ExportOutput();
    const writer = createTableWriter('xlsx', output);
    const done = (async () => {
      await writer.startTable('审计日志', [{ header: '操作' }, { header: '数值' }, { header: '说明' }]);
      await writer.writeRows([
        ['提交数据', figureCell('-4.500000'), '=HYPERLINK("http://x","y")'],
        ['审核通过', 1027, '长治市 七个主抓手'],
      ]);
      await writer.finish([
        ['行数', 2],
        ['导出人', '审计员'],
      ]);
      output.end();
    })();
    const bytes = await readWebStream(output.toWebStream());
    await done;
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
    const output = new ExportOutput();
    const writer = createTableWriter('xlsx', output);
    const done = (async () => {
      await writer.startTable('数据', [{ header: 'a' }]);
      await writer.writeRows([['x'], ['y']]);
      await writer.finish([]);
      const digest = output.digest();
      output.end();
      return digest;
    })();
    const bytes = await readWebStream(output.toWebStream());
    expect(await done).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(output.bytes).toBe(bytes.byteLength);
  });

  it('makes valid sheet names', () => {
    expect(sheetName('a/b:c?d*e[f]')).toBe('a_b_c_d_e_f_');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
  });
});
