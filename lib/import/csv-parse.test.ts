import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parse';

const ok = (text: string) => {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
  return result.records;
};

describe('parseCsv (RFC 4180)', () => {
  it('splits fields on commas and records on CRLF, LF or a lone CR', () => {
    expect(ok('a,b,c\r\n1,2,3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(ok('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(ok('a\r1\r')).toEqual([['a'], ['1']]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(ok('"1,027","说""明""","第一行\r\n第二行"\r\nx,y,z')).toEqual([
      ['1,027', '说"明"', '第一行\r\n第二行'],
      ['x', 'y', 'z'],
    ]);
  });

  it('keeps empty fields, quoted empty fields and blank lines (so record numbers match the lines)', () => {
    expect(ok(',,\n"",x\n\nlast')).toEqual([['', '', ''], ['', 'x'], [''], ['last']]);
    expect(ok('a,""')).toEqual([['a', '']]);
    expect(ok('a,')).toEqual([['a', '']]);
  });

  it('returns nothing for empty text and no extra record for a final line break', () => {
    expect(ok('')).toEqual([]);
    expect(ok('a\r\n')).toEqual([['a']]);
  });

  it('is lenient like Excel: a quote inside an unquoted field is text, text after a closing quote is appended', () => {
    expect(ok('5"寸,"ab"cd')).toEqual([['5"寸', 'abcd']]);
  });

  it('reports an unterminated quote with its record and column', () => {
    expect(parseCsv('a,b\n1,"2,3\n4')).toEqual({ ok: false, reason: 'unterminated_quote', record: 2, column: 2 });
  });

  it('stops at the first record beyond the limit without reading the rest', () => {
    const text = 'h\n' + '1\n'.repeat(100_000);
    expect(parseCsv(text, { maxRecords: 10_001 })).toEqual({ ok: false, reason: 'too_many_records', record: 10_002 });
  });

  it('refuses a cell longer than the limit, naming its record and column (quoted or not)', () => {
    const long = 'x'.repeat(2_001);
    expect(parseCsv(`a,b\n1,${long}`, { maxCellChars: 2_000 })).toEqual({
      ok: false,
      reason: 'cell_too_long',
      record: 2,
      column: 2,
    });
    expect(parseCsv(`a,b\n"${long}",1`, { maxCellChars: 2_000 })).toEqual({
      ok: false,
      reason: 'cell_too_long',
      record: 2,
      column: 1,
    });
    expect(parseCsv(`a,${'y'.repeat(2_000)}`, { maxCellChars: 2_000 }).ok).toBe(true);
  });

  it('parses a 20 MB cell only as far as the limit', () => {
    const huge = 'z'.repeat(20 * 1024 * 1024);
    const started = Date.now();
    expect(parseCsv(`code,value\nA,${huge}`, { maxCellChars: 2_000 })).toMatchObject({
      ok: false,
      reason: 'cell_too_long',
      record: 2,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
