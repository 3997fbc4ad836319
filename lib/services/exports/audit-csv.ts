/**
 * The audit export's CSV records straight from a COPY window (the walk's columns, in PackedAuditRow's order): for
 * each line, the bytes `csvRecord(auditCells(event))` writes for the event `parseCopyAuditRows(window, 'text')`
 * reads from it, without making the event. Made into objects and strings, a million events cost the export's
 * threads most of its time. audit-csv.test.ts compares the two writers on random events.
 */
import * as copyFormat from '../../../db/copy-text';
import { shanghaiTime, shanghaiTimeOfMs } from '../../export/cells';
import * as copyCsv from '../../export/copy-csv';
import { csvField } from '../../export/csv';
import { actionLabel, entityTypeLabel } from '../../domain/audit-actions';
import { roleLabel } from './tables';

// Read once (a transpiled or bundled import is a getter call at every use).
const { CopyLine, cutCopyLine } = copyFormat;
const { ByteSink, cachedField, fieldText, writeIntegerField, writeTextField } = copyCsv;
type ByteSink = copyCsv.ByteSink;

/** The walk's columns (db/queries/audit.ts): where each sits in a COPY line. */
const enum In {
  Id,
  OccurredAt,
  ActorId,
  Username,
  Role,
  Action,
  EntityType,
  EntityId,
  DepartmentId,
  IndicatorId,
  Before,
  After,
  Reason,
  ClientAddress,
  PrevHash,
  Hash,
  Width,
}

const role = cachedField((text) => roleLabel(text));
const action = cachedField((text) => actionLabel(text ?? ''));
const actionCode = cachedField((text) => text ?? '');
const entityType = cachedField((text) => entityTypeLabel(text ?? ''));

const QUOTE = 0x22;
const MINUS = 0x2d;
const PLUS = 0x2b;
const COLON = 0x3a;

/** The number written in `n` ASCII digits at `i`; NaN when one is not a digit. */
function digitsAt(src: Uint8Array, i: number, n: number): number {
  let value = 0;
  for (let k = 0; k < n; k += 1) {
    const d = (src[i + k] as number) - 0x30;
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : (MONTH_DAYS[month - 1] ?? 0);

/**
 * The time of to_json's text for a timestamptz — "2025-01-05T03:04:05.123456+08:00", as new Date reads it
 * (milliseconds, the rest of the fraction cut off) — in ms since 1970; NaN for any other shape or an impossible
 * date, which the caller then gives to new Date itself.
 */
function jsonTimeMs(src: Uint8Array, s: number, e: number): number {
  if (src[s] !== QUOTE || src[e - 1] !== QUOTE || src[s + 5] !== MINUS || src[s + 8] !== MINUS) return Number.NaN;
  if (src[s + 11] !== 0x54 || src[s + 14] !== COLON || src[s + 17] !== COLON) return Number.NaN;
  const year = digitsAt(src, s + 1, 4);
  const month = digitsAt(src, s + 6, 2);
  const day = digitsAt(src, s + 9, 2);
  const hour = digitsAt(src, s + 12, 2);
  const minute = digitsAt(src, s + 15, 2);
  const second = digitsAt(src, s + 18, 2);
  let i = s + 20;
  let ms = 0;
  if (src[i] === 0x2e) {
    let n = 0;
    for (i += 1; i < e - 1 && n < 7; i += 1, n += 1) {
      const d = (src[i] as number) - 0x30;
      if (d < 0 || d > 9) break;
      if (n < 3) ms = ms * 10 + d;
    }
    if (n === 0 || n > 6) return Number.NaN;
    for (; n < 3; n += 1) ms *= 10;
  }
  const sign = src[i] === PLUS ? 1 : src[i] === MINUS ? -1 : 0;
  if (sign === 0 || i + 7 !== e || src[i + 3] !== COLON) return Number.NaN;
  const offset = digitsAt(src, i + 1, 2) * 60 + digitsAt(src, i + 4, 2);
  // Years before 1000 are left to new Date (Date.UTC reads 0–99 as 1900–1999).
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  if (!(hour <= 23 && minute <= 59 && second <= 59 && offset <= 23 * 60 + 59 && offset % 60 <= 59)) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - sign * offset * 60_000;
}

/** occurred_at arrives as its JSON text (to_json), as the JSON walk has it: Beijing time, as auditCells writes it. */
function writeTime(sink: ByteSink, src: Buffer, s: number, e: number): void {
  const ms = jsonTimeMs(src, s, e);
  if (!Number.isNaN(ms)) return sink.text(shanghaiTimeOfMs(ms));
  const text = fieldText(src, s, e);
  const json: unknown = text === null ? null : JSON.parse(text);
  sink.text(csvField(shanghaiTime(new Date(typeof json === 'string' ? json : ''))));
}

const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** One window's records (CRLF-terminated, in the window's order) and how many events they hold. */
export function auditCsvRecords(window: Uint8Array): { records: Uint8Array; rows: number } {
  const src = Buffer.from(window.buffer, window.byteOffset, window.byteLength);
  const sink = new ByteSink(Math.ceil(src.length * 1.25) + 256);
  const line = new CopyLine(In.Width);
  const { starts, ends } = line;
  const text = (i: In) => writeTextField(sink, src, starts[i] as number, ends[i] as number);
  const integer = (i: In) => writeIntegerField(sink, src, starts[i] as number, ends[i] as number);
  const comma = () => sink.byte(COMMA);
  let rows = 0;
  for (let at = 0; at < src.length; rows += 1) {
    at = cutCopyLine(src, at, line);
    // auditCells' order.
    integer(In.Id);
    comma();
    writeTime(sink, src, starts[In.OccurredAt] as number, ends[In.OccurredAt] as number);
    comma();
    text(In.Username);
    comma();
    role(sink, src, starts[In.Role] as number, ends[In.Role] as number);
    comma();
    action(sink, src, starts[In.Action] as number, ends[In.Action] as number);
    comma();
    actionCode(sink, src, starts[In.Action] as number, ends[In.Action] as number);
    comma();
    entityType(sink, src, starts[In.EntityType] as number, ends[In.EntityType] as number);
    comma();
    text(In.EntityId);
    comma();
    integer(In.DepartmentId);
    comma();
    integer(In.IndicatorId);
    comma();
    text(In.Reason);
    comma();
    text(In.ClientAddress);
    comma();
    text(In.Before);
    comma();
    text(In.After);
    comma();
    text(In.PrevHash);
    comma();
    text(In.Hash);
    sink.byte(CR);
    sink.byte(LF);
  }
  return { records: sink.take(), rows };
}
