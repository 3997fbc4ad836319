/**
 * The audit export's CSV written from COPY text as bytes: the same bytes, event for event, as csvRecord(auditCells())
 * of the events parseCopyAuditRows reads from that text (the writer of JSON windows and XLSX rows).
 */
import { describe, expect, it } from 'vitest';
import { parseCopyAuditRows } from '@/db/queries/audit-packed';
import type { AuditExportRow } from '@/db/queries/audit';
import { AUDIT_ACTIONS } from '@/lib/domain/audit-actions';
import { createRandom } from '@/lib/domain/random';
import { csvRecord } from '@/lib/export/csv';
import { awkwardText, copyLine } from '@/tests/helpers/pure/copy-text';
import { auditCsvRecords } from './audit-csv';
import { auditCells } from './tables';

const encode = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

function reference(window: Uint8Array): string {
  const events = parseCopyAuditRows(window, 'text') as AuditExportRow[];
  return events.map((event) => csvRecord(auditCells(event))).join('');
}

const written = (window: Uint8Array) => {
  const { records, rows } = auditCsvRecords(window);
  return { text: Buffer.from(records).toString('utf8'), rows };
};

const HASH = 'b'.repeat(64);

describe('auditCsvRecords', () => {
  it('writes one event as auditCells and csvRecord do', () => {
    const window = encode(
      copyLine([
        '7',
        '"2026-03-05T01:02:03.456+00:00"',
        '3',
        '=tb,zhang',
        'official',
        'actual.submit',
        'actual',
        '42',
        null,
        '9',
        null,
        '{"note": "第一行\\n第二行 \\"引号\\"", "value": "-1.50"}',
        '退回：\n数值有误\r\n\t附件',
        '10.0.0.1',
        '0'.repeat(64),
        HASH,
      ]),
    );
    expect(written(window)).toEqual({ text: reference(window), rows: 1 });
    expect(written(window).text).toContain('2026-03-05 09:02:03');
    expect(written(window).text).toContain('"\'=tb,zhang"');
  });

  it('writes random events exactly as the reference does, window by window', () => {
    const random = createRandom(23);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
    const maybe = (text: string | null) => (random() < 0.15 ? null : text);
    const actions = [...Object.keys(AUDIT_ACTIONS), 'legacy.unknown', '=cmd', '', '审核'];
    const roles = ['official', 'leader', 'auditor', 'admin', 'system', 'unknown', '', '=x'];
    const entityTypes = ['actual', 'target', 'user', 'indicator', 'other', '', '+1'];
    const times = [
      () => new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 4e10)).toISOString(),
      () => '2026-03-05T01:02:03.456789+08:00',
      () => '1985-06-01T12:00:00+00:00', // before 1991: the time zone database, not the fixed offset
      () => '2026-12-31T16:00:00+00:00',
      () => pick(['2024-02-29T23:59:59.1+00:00', '2025-02-29T00:00:00+00:00', '2025-06-30T18:30:00.12+05:30']),
      () => pick(['1899-12-31T20:29:08-03:30:52', '0050-01-01T00:00:00+00:00', '2025-13-01T00:00:00Z', 'garbage']),
      () => pick(['2025-01-01T24:00:00+00:00', '2025-01-01T00:00:00.1234567+00:00', '2025-01-01T00:00:00.+00:00']),
    ];
    const integer = () => pick([String(Math.floor(random() * 1e6)), '0', '007', '-3', null, '99999999999999999']);
    let compared = 0;
    for (let round = 0; round < 300; round += 1) {
      let text = '';
      const events = 1 + Math.floor(random() * 6);
      for (let n = 0; n < events; n += 1) {
        text += copyLine([
          String(1 + Math.floor(random() * 1e9)),
          JSON.stringify(random() < 0.8 ? (times[0] as () => string)() : pick(times)()),
          maybe(String(Math.floor(random() * 100))),
          maybe(awkwardText(random)),
          maybe(pick(roles)),
          pick(actions),
          pick(entityTypes),
          maybe(awkwardText(random, 3)),
          integer(),
          integer(),
          maybe(JSON.stringify({ value: awkwardText(random), note: awkwardText(random) })),
          maybe(pick(['-1', '"=x"', '[1, 2]', 'null', JSON.stringify(awkwardText(random))])),
          maybe(awkwardText(random)),
          maybe(pick(['10.0.0.1', '::1', awkwardText(random, 2)])),
          '0'.repeat(64),
          HASH,
        ]);
      }
      const window = encode(text);
      let expected: string;
      try {
        expected = reference(window);
      } catch (error) {
        // A time new Date cannot read: both writers refuse the window.
        expect(() => written(window)).toThrow((error as Error).message);
        continue;
      }
      expect(written(window)).toEqual({ text: expected, rows: events });
      compared += 1;
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('refuses a window whose last line is cut short, as the reference does', () => {
    const window = encode(copyLine(Array.from({ length: 16 }, () => '1')).slice(0, -1));
    expect(() => auditCsvRecords(window)).toThrow('最后一行不完整');
    expect(() => reference(window)).toThrow('最后一行不完整');
  });
});
