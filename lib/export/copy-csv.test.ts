/** COPY text to CSV bytes, field by field: exactly the bytes csvField writes for the field's text. */
import { describe, expect, it } from 'vitest';
import { copyText, CopyLine, cutCopyLine } from '@/db/copy-text';
import { createRandom } from '@/lib/domain/random';
import { awkwardText, copyField, copyLine } from '@/tests/helpers/pure/copy-text';
import { ByteSink, cachedField, writeIntegerField, writeTextField } from './copy-csv';
import { csvField } from './csv';

/** Each field of one line written by `write`, joined by commas, as text. */
function written(fields: (string | null)[], write: (sink: ByteSink, src: Buffer, line: CopyLine, i: number) => void) {
  const src = Buffer.from(copyLine(fields), 'utf8');
  const line = new CopyLine(fields.length);
  expect(cutCopyLine(src, 0, line)).toBe(src.length);
  const sink = new ByteSink(8);
  fields.forEach((_, i) => {
    if (i > 0) sink.byte(0x2c);
    write(sink, src, line, i);
  });
  return Buffer.from(sink.take()).toString('utf8');
}

const asText = (sink: ByteSink, src: Buffer, line: CopyLine, i: number) =>
  writeTextField(sink, src, line.starts[i] ?? 0, line.ends[i] ?? 0);
const asInteger = (sink: ByteSink, src: Buffer, line: CopyLine, i: number) =>
  writeIntegerField(sink, src, line.starts[i] ?? 0, line.ends[i] ?? 0);

describe('writeTextField', () => {
  it.each([
    ['plain', 'abc'],
    ['empty', ''],
    ['null', null],
    ['a formula', '=SUM(A1)'],
    ['a formula after blanks', ' \u3000=1'],
    ['a blank before text', ' 说明'],
    ['a full-width sign', '＝1'],
    ['a small sign', '﹫x'],
    ['a tab first', '\tx'],
    ['a line break first', '\nx'],
    ['a vertical tab first', '\v=1'],
    ['quotes and commas', '说"明",是'],
    ['an escaped line break inside', '第一行\r\n第二行'],
    ['a backslash', 'a\\b'],
    ['JSON text', '{"note": "=1", "value": "-3"}'],
    ['a sign in the middle', '全角＝不在开头'],
    ['an emoji first', '😀=1'],
    ['a byte-order mark first', '\ufeff@x'],
  ])('%s', (_, text) => {
    expect(written([text], asText)).toBe(csvField(text));
  });

  it('writes random awkward texts exactly as csvField does', () => {
    const random = createRandom(11);
    for (let round = 0; round < 3000; round += 1) {
      const fields = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        random() < 0.1 ? null : awkwardText(random),
      );
      expect(written(fields, asText)).toBe(fields.map((f) => csvField(f)).join(','));
    }
  });
});

describe('writeIntegerField', () => {
  it.each(['0', '7', '42', '123456789012345', '1234567890123456789', '007', '-5', '', null, '1e3', ' 1'])(
    '%j as csvField writes Number of it',
    (text) => {
      expect(written([text], asInteger)).toBe(csvField(text === null ? null : Number(text)));
    },
  );
});

describe('cachedField', () => {
  it('writes the cell for each raw value, escapes undone, and the same bytes again from the cache', () => {
    const seen: (string | null)[] = [];
    const label = cachedField((text) => {
      seen.push(text);
      return text === null ? null : `标签:${text}`;
    }, 2);
    const write = (sink: ByteSink, src: Buffer, line: CopyLine, i: number) =>
      label(sink, src, line.starts[i] ?? 0, line.ends[i] ?? 0);
    expect(written(['a', 'a\tb', null, 'a', 'c', 'c'], write)).toBe('标签:a,标签:a\tb,,标签:a,标签:c,标签:c');
    // Two values kept (the limit); the third is computed each time.
    expect(seen).toEqual(['a', 'a\tb', null, 'c', 'c']);
  });
});

describe('cutCopyLine', () => {
  it('finds each field, and where the next line starts', () => {
    const src = Buffer.from(copyLine(['a,b', 'x\ty', '']) + copyLine(['1', '2', '3']), 'utf8');
    const line = new CopyLine(3);
    const next = cutCopyLine(src, 0, line);
    expect([0, 1, 2].map((i) => copyText(src.toString('utf8', line.starts[i], line.ends[i])))).toEqual([
      'a,b',
      'x\ty',
      '',
    ]);
    expect(cutCopyLine(src, next, line)).toBe(src.length);
    expect(src.toString('utf8', line.starts[2], line.ends[2])).toBe('3');
  });

  it('refuses a line with another number of fields, or cut short', () => {
    const line = new CopyLine(3);
    expect(() => cutCopyLine(Buffer.from('1\t2\n'), 0, line)).toThrow('有 2 列，应为 3 列');
    expect(() => cutCopyLine(Buffer.from('1\t2\t3\t4\n'), 0, line)).toThrow('有 4 列，应为 3 列');
    expect(() => cutCopyLine(Buffer.from('1\t2\t3\t4\t5\n1\t2\n'), 0, line)).toThrow('有 5 列，应为 3 列');
    expect(() => cutCopyLine(Buffer.from('1\t2\n3\t4\t5\n'), 0, line)).toThrow('有 2 列，应为 3 列');
    expect(() => cutCopyLine(Buffer.from('1\t2\t3'), 0, line)).toThrow('最后一行不完整');
    expect(() => cutCopyLine(Buffer.from(`1\t2\t${copyField('x\\')}`), 0, line)).toThrow('最后一行不完整');
  });

  it('refuses an escape COPY never writes', () => {
    const src = Buffer.from('a\\x41\n');
    const line = new CopyLine(1);
    cutCopyLine(src, 0, line);
    const sink = new ByteSink(8);
    expect(() => writeTextField(sink, src, line.starts[0] ?? 0, line.ends[0] ?? 0)).toThrow('未知的转义');
  });
});
