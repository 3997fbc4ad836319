/**
 * Reading the audit log's COPY text (PostgreSQL's text format: tab between fields, \N for null, a backslash before
 * b f n r t v and itself) into the same events the JSON windows give.
 */
import { describe, expect, it } from 'vitest';
import { cutCopyWindows, parseCopyAuditRows, parsePackedAuditRows, WindowBuffers } from './audit-packed';

const line = (fields: string[]) => `${fields.join('\t')}\n`;
const bytes = (text: string) => new TextEncoder().encode(text);
const HASH = 'a'.repeat(64);
const PREV = '0'.repeat(64);

describe('parseCopyAuditRows', () => {
  it('reads each field as the JSON walk does, escapes undone', () => {
    const copy = line([
      '7',
      '"2026-03-05T01:02:03.456+00:00"',
      '3',
      'tb\\\\zhang',
      'official',
      'actual.submit',
      'actual',
      '42',
      '\\N',
      '9',
      '\\N',
      // jsonb's text has JSON's escapes; COPY doubles each backslash.
      '{"note": "第一行\\\\n第二行\\\\ttab \\\\"引号\\\\" \\\\\\\\ 反斜杠", "value": "1.50"}',
      '退回：\\n数值有误\\r\\n\\t附件\\b\\f\\v',
      '10.0.0.1',
      PREV,
      HASH,
    ]);
    const packed = JSON.stringify([
      [
        7,
        '2026-03-05T01:02:03.456+00:00',
        3,
        'tb\\zhang',
        'official',
        'actual.submit',
        'actual',
        '42',
        null,
        9,
        null,
        { note: '第一行\n第二行\ttab "引号" \\ 反斜杠', value: '1.50' },
        '退回：\n数值有误\r\n\t附件\b\f\v',
        '10.0.0.1',
        PREV,
        HASH,
      ],
    ]);
    const [event] = parseCopyAuditRows(bytes(copy));
    expect(event).toEqual(parsePackedAuditRows(packed)[0]);
    expect(event?.after).toEqual({ note: '第一行\n第二行\ttab "引号" \\ 反斜杠', value: '1.50' });
    expect(event?.occurredAt.toISOString()).toBe('2026-03-05T01:02:03.456Z');
  });

  it('keeps an empty text apart from null, and reads several lines in order', () => {
    const fields = (id: number, reason: string) =>
      line([
        String(id),
        '"2026-01-01T00:00:00+00:00"',
        '\\N',
        '\\N',
        '\\N',
        'a',
        'b',
        '\\N',
        '\\N',
        '\\N',
        'null',
        '{}',
        reason,
        '',
        PREV,
        HASH,
      ]);
    const events = parseCopyAuditRows(bytes(fields(1, '') + fields(2, '\\N')));
    expect(events.map((e) => [e.id, e.reason, e.clientAddress, e.before, e.after])).toEqual([
      [1, '', '', null, {}],
      [2, null, '', null, {}],
    ]);
  });

  it('refuses a cut line, a wrong number of fields and an escape PostgreSQL does not write', () => {
    const good = line(['1', '"2026-01-01T00:00:00+00:00"', ...Array<string>(12).fill('\\N'), PREV, HASH]);
    expect(parseCopyAuditRows(bytes(good))).toHaveLength(1);
    expect(() => parseCopyAuditRows(bytes(good.slice(0, -1)))).toThrow('最后一行不完整');
    expect(() => parseCopyAuditRows(bytes('1\t2\n'))).toThrow('有 2 列，应为 16 列');
    expect(() => parseCopyAuditRows(bytes(good.replace('\\N', '\\x41')))).toThrow('未知的转义');
  });
});

describe('cutCopyWindows', () => {
  async function* chunks(data: Uint8Array, sizes: number[]) {
    let at = 0;
    for (let i = 0; at < data.length; i += 1) {
      const size = sizes[i % sizes.length] ?? 1;
      yield data.subarray(at, at + size);
      at += size;
    }
  }
  const collect = async (source: AsyncIterable<Uint8Array>, windowBytes: number) => {
    const windows: Uint8Array[] = [];
    for await (const w of cutCopyWindows(source, windowBytes)) windows.push(w);
    return windows;
  };
  // Lines of different lengths with multi-byte characters, so that chunks split lines and characters.
  const text = Array.from({ length: 40 }, (_, i) => `${i}\t${'长治'.repeat(i % 7)}\t${'x'.repeat(i % 11)}\n`).join('');
  const data = bytes(text);

  it('gives back every byte once, each window whole lines at the start of a buffer of its own', async () => {
    // [data.length]: the whole output in one chunk, as PGlite's COPY hands a range over.
    for (const sizes of [[1], [3, 7], [64], [1000], [5, 1, 250], [data.length]])
      for (const windowBytes of [1, 50, 300, 1 << 20]) {
        const windows = await collect(chunks(data, sizes), windowBytes);
        if (windowBytes > data.length) expect(windows).toHaveLength(1);
        expect(Buffer.concat(windows).toString()).toBe(text);
        expect(new Set(windows.map((w) => w.buffer)).size).toBe(windows.length);
        for (const w of windows) {
          expect(w[w.length - 1]).toBe(10);
          expect(w.byteOffset).toBe(0);
          expect(w.buffer.byteLength).toBeGreaterThanOrEqual(Math.max(w.length, Math.min(windowBytes, 1 << 20)));
          // At most a window's bytes, unless the window is one line longer than that.
          if (w.length > windowBytes) expect(w.indexOf(10)).toBe(w.length - 1);
        }
      }
  });

  it('keeps no chunk once the next is asked for (PGlite writes each over the last)', async () => {
    // One buffer for every chunk, written over (and the old bytes scribbled on) when the next is asked for.
    async function* reused(sizes: number[]) {
      const scratch = new Uint8Array(data.length);
      let at = 0;
      for (let i = 0; at < data.length; i += 1) {
        const size = Math.min(sizes[i % sizes.length] ?? 1, data.length - at);
        scratch.set(data.subarray(at, at + size));
        yield scratch.subarray(0, size);
        scratch.fill(0x21);
        at += size;
      }
    }
    for (const sizes of [[1], [40, 7], [300], [5, 1, 250], [data.length]])
      for (const windowBytes of [1, 50, 300, 1 << 20])
        expect(Buffer.concat(await collect(reused(sizes), windowBytes)).toString()).toBe(text);
  });

  it('reuses the buffers of windows given back, and never one still being read', async () => {
    for (const sizes of [[1], [40, 7], [data.length]])
      for (const windowBytes of [50, 300]) {
        const buffers = new WindowBuffers();
        const held: Uint8Array[] = [];
        const seen = new Set<ArrayBufferLike>();
        let joined = '';
        for await (const w of cutCopyWindows(chunks(data, sizes), windowBytes, buffers)) {
          // No window shares a buffer with the two before it, which are still held (in flight to a thread).
          for (const h of held) expect(w.buffer).not.toBe(h.buffer);
          joined += Buffer.from(w).toString();
          seen.add(w.buffer);
          held.push(w);
          if (held.length > 2) {
            const done = held.shift() as Uint8Array;
            buffers.give(done);
            done.fill(0x21); // a thread is done with it: its old bytes mean nothing
          }
        }
        expect(joined).toBe(text);
        // Cut from small chunks a window at a time: three held at most, and the one being filled. (A whole output
        // at once is cut into all its windows before any comes back.)
        if (sizes.length > 1 || sizes[0] === 1) expect(seen.size).toBeLessThanOrEqual(4);
      }
  });

  it('refuses output that stops inside a line, and gives nothing for nothing', async () => {
    await expect(collect(chunks(data.subarray(0, data.length - 3), [10]), 50)).rejects.toThrow('不完整的一行');
    expect(await collect(chunks(new Uint8Array(0), [1]), 50)).toEqual([]);
  });
});
