/**
 * The verify's work on COPY text without making events: the same verdict, window for window, as verifyBatch over
 * the events parseCopyAuditRows reads from that text (the chain's one definition, lib/domain/audit-chain.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseCopyAuditRows } from '@/db/queries/audit-packed';
import { GENESIS_HASH, hashEvent } from '@/lib/domain/audit-chain';
import { contentOf, verifyBatch } from '@/lib/domain/audit-verify';
import { AUDIT_ACTIONS } from '@/lib/domain/audit-actions';
import { createRandom } from '@/lib/domain/random';
import { awkwardText, copyLine } from '@/tests/helpers/pure/copy-text';
import { verifyCopyWindow } from './verify-copy';

const encode = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const reference = (window: Uint8Array) => verifyBatch(parseCopyAuditRows(window));

type Fields = (string | null)[];
const PREV = 14;
const HASH = 15;

/** The fields of consecutive events with their true links and hashes (as the reference computes them). */
function chained(events: Fields[], start = GENESIS_HASH): Fields[] {
  let prev = start;
  return events.map((fields) => {
    const linked = [...fields];
    linked[PREV] = prev;
    linked[HASH] = '0'.repeat(64);
    const [row] = parseCopyAuditRows(encode(copyLine(linked)));
    if (!row) throw new Error('no row');
    linked[HASH] = hashEvent(contentOf(row), prev);
    prev = linked[HASH];
    return linked;
  });
}

const window = (events: Fields[]) => encode(events.map(copyLine).join(''));

function event(overrides: Partial<Record<number, string | null>> = {}): Fields {
  const fields: Fields = [
    '7',
    '"2026-03-05T01:02:03.456+00:00"',
    '3',
    'tb-zhang',
    'official',
    'actual.submit',
    'actual',
    '42',
    '5',
    '9',
    null,
    '{"value": "-1.50", "note": "第一行\\n第二行 \\"引号\\"", "n": 1.50, "a": [1e2, {"z": 1, "b": null}]}',
    null,
    '10.0.0.1',
    '',
    '',
  ];
  for (const [i, value] of Object.entries(overrides)) fields[Number(i)] = value ?? null;
  return fields;
}

describe('verifyCopyWindow', () => {
  it('finds an intact chain intact, and the links and hashes the reference finds', () => {
    const events = chained([event(), event({ 0: '8', 12: '退回：\n数值有误\r\n\t附件' }), event({ 0: '9', 10: '[]' })]);
    const intact = window(events);
    expect(verifyCopyWindow(intact)).toEqual(reference(intact));
    expect(verifyCopyWindow(intact)).toMatchObject({ count: 3, breakCount: 0, firstBreak: null });

    const altered = events.map((fields) => [...fields]);
    (altered[1] as Fields)[3] = 'tb-li';
    expect(verifyCopyWindow(window(altered))).toEqual(reference(window(altered)));
    expect(verifyCopyWindow(window(altered)).firstBreak).toMatchObject({ id: 8, kind: 'hash_mismatch' });

    const removed = [events[0] as Fields, events[2] as Fields];
    expect(verifyCopyWindow(window(removed))).toEqual(reference(window(removed)));
    expect(verifyCopyWindow(window(removed)).firstBreak).toMatchObject({ id: 9, kind: 'broken_link' });
  });

  it('gives the reference verdict on random events, window by window', () => {
    const random = createRandom(41);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
    const maybe = (text: string | null) => (random() < 0.15 ? null : text);
    const actions = [...Object.keys(AUDIT_ACTIONS), 'legacy.unknown', '=cmd', '', '审核'];
    const times = [
      () => new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 4e10)).toISOString(),
      () => '2026-03-05T01:02:03.456789+08:00',
      () => '1985-06-01T12:00:00+00:00',
      () => pick(['2024-02-29T23:59:59.1+00:00', '2025-02-29T00:00:00+00:00', '2025-06-30T18:30:00.12+05:30']),
      () => pick(['1899-12-31T20:29:08-03:30:52', '0050-01-01T00:00:00+00:00', '2025-13-01T00:00:00Z', 'garbage']),
      () => pick(['2025-01-01T24:00:00+00:00', '2025-01-01T00:00:00.1234567+00:00', '2025-01-01T00:00:00.+00:00']),
    ];
    const integer = () => pick([String(Math.floor(random() * 1e6)), '0', '007', '-3', '', '1e3', '99999999999999999']);
    const json = () =>
      random() < 0.05
        ? // Not JSON: both refuse the window.
          pick(['{"a": 01}', '{"a": 1,}', '{"a": tru}', '{"a": "x" "b": 1}'])
        : pick([
            JSON.stringify({ value: awkwardText(random), note: awkwardText(random), n: random() * 100 }),
            '{"b": 1.50, "a": [1e2, -0, 0.1, {"y": null, "x": "\\u0000\\u001f"}], "中": true}',
            JSON.stringify(awkwardText(random)),
            '-1',
            '1E+21',
            'null',
            '[]',
            '{}',
            // jsonb's own shape (keys by length, then bytes; a space after each colon and comma), and near misses.
            '{"note": null, "value": "8.3", "period": "2019-09", "status": "submitted", "version": 2, "qualifier": "exact"}',
            '{"": 0, "A": false, "a": "x", "b": 1, "ab": true, "_z": "值", "Ab": 10}',
            '{ "b" : 1 ,"a":2 }',
            '{"a": 1, "a": 2}',
            '{"中": 1, "a": 2}',
            '{"＝": 1, "😀": 2}',
            '{"b": 12345678901234567, "a": -1, "c": 1.0, "d": 0}',
            '"文本"',
            '0',
            '{"__proto__": 1, "b": null}',
          ]);
    let compared = 0;
    let broken = 0;
    for (let round = 0; round < 300; round += 1) {
      const events: Fields[] = [];
      for (let n = 1 + Math.floor(random() * 6); n > 0; n -= 1) {
        events.push([
          random() < 0.95 ? String(1 + Math.floor(random() * 1e9)) : pick(['007', '', '12345678901234567']),
          JSON.stringify(random() < 0.8 ? (times[0] as () => string)() : pick(times)()),
          maybe(integer()),
          maybe(awkwardText(random)),
          maybe(pick(['official', 'leader', 'auditor', '', '=x'])),
          random() < 0.98 ? pick(actions) : null,
          random() < 0.98 ? pick(['actual', 'target', 'user', '', '+1']) : null,
          maybe(awkwardText(random, 3)),
          maybe(integer()),
          maybe(integer()),
          maybe(json()),
          maybe(json()),
          maybe(awkwardText(random)),
          maybe(pick(['10.0.0.1', '::1', awkwardText(random, 2)])),
          '',
          '',
        ]);
      }
      let fields: Fields[];
      try {
        fields = chained(events, random() < 0.5 ? GENESIS_HASH : 'a'.repeat(64));
      } catch {
        // A time new Date cannot read: no true hash to write.
        fields = events.map((f) => [...f.slice(0, PREV), GENESIS_HASH, 'c'.repeat(64)]);
      }
      // Some events altered after they were hashed, some links broken, some removed.
      for (const f of fields) {
        const r = random();
        if (r < 0.05) f[3] = `${f[3] ?? ''}x`;
        else if (r < 0.08) f[PREV] = 'd'.repeat(64);
        else if (r < 0.1) f[HASH] = 'e'.repeat(64);
      }
      const text = window(random() < 0.1 ? fields.filter(() => random() < 0.7) : fields);
      let expected: ReturnType<typeof reference>;
      try {
        expected = reference(text);
      } catch {
        // An unreadable time or field: both refuse the window.
        expect(() => verifyCopyWindow(text)).toThrow();
        continue;
      }
      expect(verifyCopyWindow(text)).toEqual(expected);
      compared += 1;
      if (expected.breakCount > 0) broken += 1;
    }
    expect(compared).toBeGreaterThan(200);
    expect(broken).toBeGreaterThan(30);
    expect(compared - broken).toBeGreaterThan(30);
  });

  it('refuses what the reference refuses: a line cut short, another number of columns, bytes that are not UTF-8', () => {
    const cut = encode(copyLine(event()).slice(0, -1));
    expect(() => verifyCopyWindow(cut)).toThrow('最后一行不完整');
    expect(() => reference(cut)).toThrow('最后一行不完整');
    const narrow = encode(copyLine(event().slice(0, 15)));
    expect(() => verifyCopyWindow(narrow)).toThrow('15 列，应为 16 列');
    expect(() => reference(narrow)).toThrow('15 列，应为 16 列');
    const invalid = window([event()]);
    invalid[invalid.indexOf(0x74)] = 0xff;
    expect(() => verifyCopyWindow(invalid)).toThrow();
    expect(() => reference(invalid)).toThrow();
  });

  it('answers an empty window as the reference does', () => {
    expect(verifyCopyWindow(new Uint8Array(0))).toEqual(reference(new Uint8Array(0)));
  });
});
