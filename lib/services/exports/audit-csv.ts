/**
 * The audit export's CSV records straight from a COPY window (the walk's columns, in PackedAuditRow's order): for
 * each line, the bytes `csvRecord(auditCells(event))` writes for the event `parseCopyAuditRows(window, 'text')`
 * reads from it, without making the event. Made into objects and strings, a million events cost the export's
 * threads most of its time. audit-csv.test.ts compares the two writers on random events.
 */
import * as copyFormat from '../../../db/copy-text';
import * as packed from '../../../db/queries/audit-packed';
import { shanghaiTime, shanghaiTimeOfMs } from '../../export/cells';
import * as copyCsv from '../../export/copy-csv';
import { csvField } from '../../export/csv';
import { actionLabel, entityTypeLabel } from '../../domain/audit-actions';
import { roleLabel } from './tables';

// Read once (a transpiled or bundled import is a getter call at every use).
const { CopyLine, cutCopyLine, jsonTimestampMs } = copyFormat;
const { ByteSink, cachedField, fieldText, writeIntegerField, writeTextField } = copyCsv;
type ByteSink = copyCsv.ByteSink;

/** The walk's columns: where each sits in a COPY line (read once, as the imports above). */
const In = packed.AUDIT_COPY_COLUMNS;

const role = cachedField((text) => roleLabel(text));
const action = cachedField((text) => actionLabel(text ?? ''));
const actionCode = cachedField((text) => text ?? '');
const entityType = cachedField((text) => entityTypeLabel(text ?? ''));

/** occurred_at arrives as its JSON text (to_json), as the JSON walk has it: Beijing time, as auditCells writes it. */
function writeTime(sink: ByteSink, src: Buffer, s: number, e: number): void {
  const ms = jsonTimestampMs(src, s, e);
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
  const text = (i: number) => writeTextField(sink, src, starts[i] as number, ends[i] as number);
  const integer = (i: number) => writeIntegerField(sink, src, starts[i] as number, ends[i] as number);
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
