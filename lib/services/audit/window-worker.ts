/**
 * A worker thread beside a walk over the audit log (./window-threads.ts): it takes one window (the walk's JSON
 * text, or COPY text), parses it and does the window's task — `verify`: recompute every event's hash
 * and check the links inside the window, answering with its verdict (from COPY text straight to the hashed bytes,
 * ./verify-copy.ts); `audit-csv`: write its events as the audit
 * export's CSV records, answering with their UTF-8 bytes (from COPY text straight to bytes, ../exports/audit-csv.ts). Imports stay relative and free of the database layer:
 * the thread loads only what it runs.
 */
import { parentPort } from 'node:worker_threads';
import type { AuditExportRow, AuditWindow } from '../../../db/queries/audit';
import { parsePackedAuditRows } from '../../../db/queries/audit-packed';
import { verifyBatch } from '../../domain/audit-verify';
import { csvRecord } from '../../export/csv';
import { auditCells } from '../exports/tables';
import { auditCsvRecords } from '../exports/audit-csv';
import { verifyCopyWindow } from './verify-copy';

/** What a thread is asked: a task and one window, whose buffer (COPY text) is moved to the thread. */
export interface WindowJob {
  task: 'verify' | 'audit-csv';
  window: AuditWindow;
}

/** The audit export's CSV records of one window, and how many events they hold. */
export interface CsvRecords {
  records: Uint8Array;
  rows: number;
}

/** What a thread answers: the task's answer, and a COPY window's buffer moved back for the walk to reuse. */
export interface WindowAnswer<T> {
  answer: T;
  window: Uint8Array | null;
}

/** Posts an answer with the window it was made from; `moved` holds buffers of the answer's own to move too. */
function reply<T>(answer: T, window: AuditWindow, moved: ArrayBuffer[] = []): void {
  const bytes = typeof window === 'string' ? null : window;
  const message: WindowAnswer<T> = { answer, window: bytes };
  port?.postMessage(message, bytes ? [...moved, bytes.buffer as ArrayBuffer] : moved);
}

const port = parentPort;
if (!port) throw new Error('window-worker.ts runs as a worker thread');
port.on('message', ({ task, window }: WindowJob) => {
  if (task === 'verify') {
    // COPY text: hashed from its bytes, without making events (./verify-copy.ts).
    reply(typeof window === 'string' ? verifyBatch(parsePackedAuditRows(window)) : verifyCopyWindow(window), window);
    return;
  }
  if (typeof window !== 'string') {
    // COPY text: written as bytes, field by field, without making events (./exports/audit-csv.ts).
    const answer: CsvRecords = auditCsvRecords(window);
    reply(answer, window, [answer.records.buffer as ArrayBuffer]);
    return;
  }
  // A JSON window holds before/after as the walk selected them: text, for an export.
  const events = parsePackedAuditRows(window) as AuditExportRow[];
  let text = '';
  for (const event of events) text += csvRecord(auditCells(event));
  // Buffer's encoder: ten times TextEncoder's speed on these texts. A short text's bytes sit in Buffer's shared
  // pool; only bytes with a buffer of their own may be moved to the other thread.
  const bytes = Buffer.from(text, 'utf8');
  const records = bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
  reply<CsvRecords>({ records, rows: events.length }, window, [records.buffer as ArrayBuffer]);
});
