/**
 * The verify's work on a COPY window (the walk's columns, in PackedAuditRow's order), without making events: for each
 * line, the canonical JSON that hashEvent(contentOf(event), event.prevHash) hashes for the event
 * parseCopyAuditRows(window) reads from it, written as UTF-8 bytes straight from the line's, then hashed and
 * checked by the chain's one verifier (lib/domain/audit-verify.ts). Built as objects, strings and Dates, a million
 * events cost the verify's threads most of its time. verify-copy.test.ts compares the two on random events.
 */
import { hash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import * as copyFormat from '../../../db/copy-text';
import * as packed from '../../../db/queries/audit-packed';
import { ByteSink, fieldText } from '../../export/copy-csv';
import { canonicalJson } from '../../domain/audit-chain';
import { isWord, writeFlatJsonb } from './flat-jsonb';
import { batchVerdict, createChainVerifier, type BatchVerdict, type ChainLink } from '../../domain/audit-verify';

// Read once (a transpiled or bundled import is a getter call at every use).
const { BACKSLASH, CopyLine, cutCopyLine, jsonTimestampMs, QUOTE, UNESCAPED } = copyFormat;

/** The walk's columns: where each sits in a COPY line (read once, as the imports above). */
const In = packed.AUDIT_COPY_COLUMNS;

/** JSON.stringify's escape of each character below a space, and of the quote and the backslash. */
const JSON_ESCAPES: (Buffer | null)[] = Array.from({ length: 128 }, (_, code) => {
  const escaped = JSON.stringify(String.fromCharCode(code)).slice(1, -1);
  return escaped.length > 1 ? Buffer.from(escaped, 'latin1') : null;
});

const isNull = (src: Uint8Array, s: number, e: number) => e - s === 2 && src[s] === BACKSLASH && src[s + 1] === 0x4e;

/** Bytes of ASCII text (a key, a literal). */
const ascii = (text: string) => Buffer.from(text, 'latin1');
const NULL = ascii('null');
const EMPTY = ascii('""');
const UTC = ascii('+00:00"');
const DOT = 0x2e;

function writeAscii(sink: ByteSink, bytes: Uint8Array): void {
  sink.reserve(bytes.length);
  const buf = sink.buf;
  for (let i = 0; i < bytes.length; i += 1) buf[sink.pos++] = bytes[i] as number;
}

/**
 * A text field as JSON.stringify writes its text (COPY's escapes undone, JSON's written); \N as `null`, or as `""`
 * where the reader takes a missing text as empty (action, entity type, prev_hash).
 */
function writeJsonText(sink: ByteSink, src: Uint8Array, s: number, e: number, nullText: Uint8Array): void {
  if (isNull(src, s, e)) return writeAscii(sink, nullText);
  sink.reserve(6 * (e - s) + 2);
  const buf = sink.buf;
  let pos = sink.pos;
  buf[pos++] = QUOTE;
  for (let i = s; i < e; i += 1) {
    let b = src[i] as number;
    if (b === BACKSLASH) {
      i += 1;
      b = UNESCAPED[src[i] as number] ?? -1;
      if (b < 0) throw new Error(`COPY 输出中有未知的转义 \\${String.fromCharCode(src[i] as number)}`);
    }
    const escape = b < 0x80 ? JSON_ESCAPES[b] : null;
    if (escape) for (let k = 0; k < escape.length; k += 1) buf[pos++] = escape[k] as number;
    else buf[pos++] = b;
  }
  buf[pos++] = QUOTE;
  sink.pos = pos;
}

/** jsonb's text (before/after) as canonicalJson writes its value; \N as null. */
function writeJsonValue(sink: ByteSink, src: Buffer, s: number, e: number): void {
  if (s < e && !isNull(src, s, e) && writeFlatJsonb(sink, src, s, e)) return;
  const text = fieldText(src, s, e);
  if (text === null) return writeAscii(sink, NULL);
  sink.text(canonicalJson(JSON.parse(text)));
}

/**
 * occurred_at's JSON text (to_json) as contentOf writes it: the ISO time, in UTC, with milliseconds. False for a
 * time new Date cannot read: contentOf throws on it, when it gets to it.
 */
function writeTime(sink: ByteSink, src: Buffer, s: number, e: number): boolean {
  let ms = jsonTimestampMs(src, s, e);
  if (!Number.isNaN(ms) && isWord(src, e - 7, e, UTC)) {
    // A readable time in UTC (the walk's session writes them so): its own digits, the fraction cut or padded to
    // milliseconds, as toISOString writes them.
    sink.reserve(26);
    const buf = sink.buf;
    let pos = sink.pos;
    for (let i = s; i < s + 20; i += 1) buf[pos++] = src[i] as number;
    buf[pos++] = DOT;
    let i = src[s + 20] === DOT ? s + 21 : e;
    for (let n = 0; n < 3; n += 1) buf[pos++] = i < e - 7 ? (src[i++] as number) : DIGIT_0;
    buf[pos++] = 0x5a; // Z
    buf[pos++] = QUOTE;
    sink.pos = pos;
    return true;
  }
  if (Number.isNaN(ms)) {
    const text = fieldText(src, s, e);
    const json: unknown = text === null ? null : JSON.parse(text);
    ms = new Date(typeof json === 'string' ? json : '').getTime();
    if (Number.isNaN(ms)) return false;
  }
  sink.text(JSON.stringify(new Date(ms).toISOString()));
  return true;
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** The id field as Number reads it. */
function idOf(src: Buffer, s: number, e: number): number {
  let id = 0;
  if (e - s > 0 && e - s <= 15) {
    for (let i = s; i < e; i += 1) {
      const d = src[i] as number;
      if (d < DIGIT_0 || d > DIGIT_9) return Number(fieldText(src, s, e));
      id = id * 10 + d - DIGIT_0;
    }
    return id;
  }
  return Number(fieldText(src, s, e));
}

/** A number field as canonicalJson writes Number(text) (JSON's null for \N): plain digits are copied. */
function writeNumber(sink: ByteSink, src: Buffer, s: number, e: number): void {
  if (isNull(src, s, e)) return writeAscii(sink, NULL);
  const length = e - s;
  let plain = length > 0 && length <= 15 && (length === 1 || src[s] !== DIGIT_0);
  for (let i = s; plain && i < e; i += 1) plain = (src[i] as number) >= DIGIT_0 && (src[i] as number) <= DIGIT_9;
  if (!plain) return sink.text(canonicalJson(Number(fieldText(src, s, e))));
  sink.reserve(length);
  const buf = sink.buf;
  for (let i = s; i < e; i += 1) buf[sink.pos++] = src[i] as number;
}

/** How a hashed field is written (ChainedEventContent's types, as contentOf reads them). */
const enum As {
  Text,
  /** A text the reader takes as empty when it is missing (action, entity type, prev_hash). */
  TextOrEmpty,
  Number,
  Json,
  Time,
}

/**
 * The hashed keys in canonical order (audit-chain.ts's HASHED_KEYS, prevHash among them), each with the bytes before
 * its value, how its value is written and the column it is read from.
 */
const HASHED_FIELDS: readonly [Uint8Array, As, number][] = [
  [ascii('{"action":'), As.TextOrEmpty, In.Action],
  [ascii(',"actorId":'), As.Number, In.ActorId],
  [ascii(',"actorRole":'), As.Text, In.Role],
  [ascii(',"actorUsername":'), As.Text, In.Username],
  [ascii(',"after":'), As.Json, In.After],
  [ascii(',"before":'), As.Json, In.Before],
  [ascii(',"clientAddress":'), As.Text, In.ClientAddress],
  [ascii(',"departmentId":'), As.Number, In.DepartmentId],
  [ascii(',"entityId":'), As.Text, In.EntityId],
  [ascii(',"entityType":'), As.TextOrEmpty, In.EntityType],
  [ascii(',"indicatorId":'), As.Number, In.IndicatorId],
  [ascii(',"occurredAt":'), As.Time, In.OccurredAt],
  [ascii(',"prevHash":'), As.TextOrEmpty, In.PrevHash],
  [ascii(',"reason":'), As.Text, In.Reason],
];
const END = ascii('}');

/**
 * The canonical JSON of the line's event and its prev_hash (`line` cut by cutCopyLine), in the sink; false when its
 * time cannot be read.
 */
function writeCanonicalEvent(sink: ByteSink, src: Buffer, line: InstanceType<typeof CopyLine>): boolean {
  const { starts, ends } = line;
  let timed = true;
  for (const [key, as, column] of HASHED_FIELDS) {
    writeAscii(sink, key);
    const s = starts[column] as number;
    const e = ends[column] as number;
    if (as === As.Text) writeJsonText(sink, src, s, e, NULL);
    else if (as === As.TextOrEmpty) writeJsonText(sink, src, s, e, EMPTY);
    else if (as === As.Number) writeNumber(sink, src, s, e);
    else if (as === As.Json) writeJsonValue(sink, src, s, e);
    else timed = writeTime(sink, src, s, e);
  }
  writeAscii(sink, END);
  return timed;
}

const sink = new ByteSink(64 * 1024);

/** The window's verdict: exactly verifyBatch(parseCopyAuditRows(window)). */
export function verifyCopyWindow(window: Uint8Array): BatchVerdict {
  const src = Buffer.from(window.buffer, window.byteOffset, window.byteLength);
  // parseCopyAuditRows decodes the window as UTF-8 and refuses it when it is not.
  if (!isUtf8(src)) throw new TypeError('The encoded data was not valid for encoding utf-8');
  const line = new CopyLine(In.Width);
  const { starts, ends } = line;
  let verifier: ReturnType<typeof createChainVerifier> | null = null;
  let first: ChainLink | undefined;
  let last: ChainLink | undefined;
  let digest = '';
  // As contentOf: a time new Date cannot read fails the hash when the hash is asked for (its link holds).
  const recompute = () => {
    if (digest === '') throw new RangeError('Invalid time value');
    return digest;
  };
  for (let at = 0; at < src.length;) {
    at = cutCopyLine(src, at, line);
    // Every line is written, as parseCopyAuditRows reads every line (its JSON fields) before any is hashed.
    sink.pos = 0;
    digest = writeCanonicalEvent(sink, src, line) ? hash('sha256', sink.buf.subarray(0, sink.pos), 'hex') : '';
    last = {
      id: idOf(src, starts[In.Id] as number, ends[In.Id] as number),
      prevHash: fieldText(src, starts[In.PrevHash] as number, ends[In.PrevHash] as number) ?? '',
      hash: fieldText(src, starts[In.Hash] as number, ends[In.Hash] as number) ?? '',
    };
    if (!verifier) {
      first = last;
      verifier = createChainVerifier(first.prevHash);
    }
    verifier.link(last, recompute);
  }
  return batchVerdict(verifier?.state ?? createChainVerifier().state, first, last);
}
