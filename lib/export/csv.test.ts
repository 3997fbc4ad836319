import { describe, expect, it } from 'vitest';
import { readCsv, writeExport } from '@/tests/helpers/export-read';
import { figureCell, type ExportValue } from './cells';
import { CSV_BOM, csvField, csvRecord, neutraliseText } from './csv';

describe('csvField', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n']) {
      expect(neutraliseText(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    expect(neutraliseText('正常文本 = 1')).toBe('正常文本 = 1');
  });

  // Full-width signs and signs after leading blanks: the pen test got through with these.
  it.each([
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
    '﹦1',
    ' =1+1',
    '  +cmd',
    '\u3000=HYPERLINK("http://x")',
    '\u00a0@SUM(A1)',
    ' \t-1',
  ])('neutralises %j', (text) => {
    expect(neutraliseText(text)).toBe(`'${text}`);
  });

  it('leaves a blank before text and a sign further on, and neutralises before quoting', () => {
    expect(neutraliseText(' 说明')).toBe(' 说明');
    expect(neutraliseText('全角＝不在开头')).toBe('全角＝不在开头');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('quotes per RFC 4180: commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('第一行\r\n第二行')).toBe('"第一行\r\n第二行"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
  });

  it('writes figures as numbers, negative ones included, never neutralised or quoted', () => {
    expect(csvField(figureCell('-3.500000'))).toBe('-3.5');
    expect(csvField(figureCell('900.000000'))).toBe('900');
    expect(csvField(figureCell('0.000000'))).toBe('0');
    expect(csvField(-12)).toBe('-12');
    expect(csvField(Number.NaN)).toBe('');
    // Text that looks like a negative number is still text, so it is neutralised.
    expect(csvField('-3.5')).toBe("'-3.5");
  });

  it('ends records with CRLF', () => {
    expect(csvRecord(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('CSV export read back with a CSV parser', () => {
  it('keeps Chinese text and opens a formula-like cell as text', async () => {
    const written: ExportValue[][] = [
      ['城镇新增就业', figureCell('4.800000'), '=HYPERLINK("http://x","y")'],
      ['粮食产量（亿斤）', figureCell('-25.3'), '多行\n说明，含逗号与"引号"'],
    ];
    const { bytes } = await writeExport('csv', '数据', ['指标', '数值', '说明'], written);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').startsWith(CSV_BOM)).toBe(true);
    const rows = await readCsv(bytes);
    expect(rows).toEqual([
      ['指标', '数值', '说明'],
      ['城镇新增就业', '4.8', `'=HYPERLINK("http://x","y")`],
      ['粮食产量（亿斤）', '-25.3', '多行\n说明，含逗号与"引号"'],
    ]);
  });
});
