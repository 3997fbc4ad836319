/**
 * An audit window as the walks in ./audit.ts bring it: one JSON text of packed rows (json_build_array per event,
 * in the order below), or lines of COPY's text format with the same columns in the same order.
 * Kept apart from the queries, importing only types and the pure ../copy-text, so that a worker thread
 * (lib/services/audit/window-worker.ts) can read windows without loading the database layer.
 */
import type { StoredAuditEvent } from '@/lib/domain/audit-verify';
import { copyText, writeAt } from '../copy-text';

type PackedAuditRow = [
  number,
  string,
  number | null,
  string | null,
  string | null,
  string,
  string,
  string | null,
  number | null,
  number | null,
  unknown,
  unknown,
  string | null,
  string | null,
  string,
  string,
];

/**
 * A packed row as an object; before/after as the walk brought them (values, or JSON text). Positions follow
 * json_build_array in walkAuditWindows (and PackedAuditRow); read by index, once per event of a walk.
 */
function unpackAuditRow(r: PackedAuditRow): StoredAuditEvent {
  return {
    id: r[0],
    occurredAt: new Date(r[1]),
    actorId: r[2],
    actorUsername: r[3],
    actorRole: r[4],
    action: r[5],
    entityType: r[6],
    entityId: r[7],
    departmentId: r[8],
    indicatorId: r[9],
    before: r[10],
    after: r[11],
    reason: r[12],
    clientAddress: r[13],
    prevHash: r[14],
    hash: r[15],
  };
}

/** One window's events, in id order. */
export function parsePackedAuditRows(text: string): StoredAuditEvent[] {
  // Built by walkAuditWindows's statement from the table's typed columns: the shape is PackedAuditRow's.
  return (JSON.parse(text) as PackedAuditRow[]).map(unpackAuditRow);
}

/**
 * Where each of the walk's columns sits in a COPY line (PackedAuditRow's order): for the worker threads' byte-level
 * readers (lib/services/audit/verify-copy.ts, lib/services/exports/audit-csv.ts).
 */
export const AUDIT_COPY_COLUMNS = {
  Id: 0,
  OccurredAt: 1,
  ActorId: 2,
  Username: 3,
  Role: 4,
  Action: 5,
  EntityType: 6,
  EntityId: 7,
  DepartmentId: 8,
  IndicatorId: 9,
  Before: 10,
  After: 11,
  Reason: 12,
  ClientAddress: 13,
  PrevHash: 14,
  Hash: 15,
  Width: 16,
} as const;

const copyNumber = (raw: string | null) => (raw === null ? null : Number(raw));
const copyJson = (raw: string | null): unknown => (raw === null ? null : JSON.parse(raw));

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * One window of COPY text (complete lines, UTF-8), in the walk's column order, read as events: the plain reading that
 * the worker threads' byte-level writers (lib/services/audit/verify-copy.ts, ../../lib/services/exports/audit-csv.ts)
 * are tested against, event for event; occurred_at arrives as its JSON
 * text (to_json), so that both walks hand the same string to Date. before/after as values (`json`: the chain hashes
 * them) or as the database's JSON text (`text`: an export writes them as they are).
 */
export function parseCopyAuditRows(bytes: Uint8Array, changes: 'json' | 'text' = 'json'): StoredAuditEvent[] {
  const change = changes === 'json' ? copyJson : (raw: string | null) => raw;
  const lines = decoder.decode(bytes).split('\n');
  if (lines.pop() !== '') throw new Error('COPY 输出的最后一行不完整');
  return lines.map((line) => {
    const f = line.split('\t').map(copyText);
    if (f.length !== 16) throw new Error(`COPY 输出的一行有 ${f.length} 列，应为 16 列`);
    const occurredAt = copyJson(f[1] ?? null);
    return unpackAuditRow([
      Number(f[0]),
      typeof occurredAt === 'string' ? occurredAt : '',
      copyNumber(f[2] ?? null),
      f[3] ?? null,
      f[4] ?? null,
      f[5] ?? '',
      f[6] ?? '',
      f[7] ?? null,
      copyNumber(f[8] ?? null),
      copyNumber(f[9] ?? null),
      change(f[10] ?? null),
      change(f[11] ?? null),
      f[12] ?? null,
      f[13] ?? null,
      f[14] ?? '',
      f[15] ?? '',
    ]);
  });
}

/** Buffers kept for reuse by one walk: about as many as its windows in flight. */
const KEPT_WINDOW_BUFFERS = 32;

/**
 * The buffers of one walk's COPY windows, given back when a thread is done with a window (the thread moves it back
 * with its answer: lib/services/audit/window-threads.ts), so that a walk reuses a few dozen buffers instead of
 * making one per window. A window's buffer counts towards V8's next collection of the whole heap (one per 64 MB of
 * new buffers): a fresh one per window made the audit export of a million events on PostgreSQL collect the server's
 * heap about 35 times.
 */
export class WindowBuffers {
  private readonly free: ArrayBuffer[] = [];

  /** A buffer of `size` bytes for a window, reused when one kept is large enough: at least `capacity` when new. */
  take(size: number, capacity: number): Uint8Array<ArrayBuffer> {
    const kept = this.free.pop();
    const buffer = kept && kept.byteLength >= size ? kept : new ArrayBuffer(Math.max(size, capacity));
    return new Uint8Array(buffer, 0, size);
  }

  /** A window whose bytes nobody reads any more. */
  give(window: Uint8Array): void {
    if (this.free.length < KEPT_WINDOW_BUFFERS && window.buffer instanceof ArrayBuffer) this.free.push(window.buffer);
  }
}

/**
 * COPY's output, cut at line ends into windows of at most `windowBytes` (or one line, when a line is longer), whatever
 * the chunks it arrived in — a stream's chunks, or PGlite's whole output of a range at once. Each window is a view of
 * a buffer of its own (from `buffers`): handed to a worker thread, it is moved, not copied. A chunk is read before the
 * next is asked for and never kept (both engines' chunks are written over, db/copy.ts): a chunk long enough is cut
 * where it lies, and what is left of it, or a short chunk, is copied into one buffer kept for the walk.
 */
export async function* cutCopyWindows(
  stream: AsyncIterable<Uint8Array>,
  windowBytes: number,
  buffers: WindowBuffers = new WindowBuffers(),
): AsyncGenerator<Uint8Array> {
  let pending = new Uint8Array(windowBytes * 2);
  let size = 0;
  const keep = (bytes: Uint8Array) => {
    pending = writeAt(pending, size, bytes);
    size += bytes.length;
  };
  // A copy in a buffer of its own.
  const own = (bytes: Uint8Array, start: number, end = bytes.length) => {
    const window = buffers.take(end - start, windowBytes);
    window.set(bytes.subarray(start, end));
    return window;
  };
  /** Windows cut from the front of `text` (a chunk, or what is kept); the rest (an unfinished window) is kept. */
  const cut = (text: Uint8Array, kept: boolean, final: boolean): Uint8Array[] => {
    const windows: Uint8Array[] = [];
    let start = 0;
    while (text.length - start >= windowBytes) {
      let end = text.lastIndexOf(10, start + windowBytes - 1) + 1;
      if (end <= start) end = text.indexOf(10, start + windowBytes) + 1; // one line longer than a window
      if (end <= start) break; // … that has not ended yet
      windows.push(own(text, start, end));
      start = end;
    }
    if (final && start < text.length) {
      if (text[text.length - 1] !== 10) throw new Error('审计日志的 COPY 输出以不完整的一行结束');
      windows.push(own(text, start));
      start = text.length;
    }
    if (kept) {
      pending.copyWithin(0, start, text.length);
      size = text.length - start;
    } else keep(text.subarray(start));
    return windows;
  };
  for await (const chunk of stream) {
    if (size === 0 && chunk.length >= windowBytes) {
      yield* cut(chunk, false, false);
      continue;
    }
    keep(chunk);
    if (size >= windowBytes) yield* cut(pending.subarray(0, size), true, false);
  }
  if (size > 0) yield* cut(pending.subarray(0, size), true, true);
}
