/**
 * COPY's text format straight to CSV bytes, for exports of millions of rows (the audit log's): a field is copied
 * byte for byte with its escapes undone, quoted and neutralised by csvField's rules, without becoming a string.
 * Where those rules must look at the text (a field that starts with a blank, or with a character beyond ASCII that
 * is a blank or a sign), the field is decoded and written by csvField itself; the start characters are sorted by
 * csvField's own pattern, so the rules live in ./csv.ts alone. copy-csv.test.ts checks, on random fields, that the
 * bytes are csvField's.
 */
import * as copyFormat from '../../db/copy-text';
import { csvField, neutraliseText } from './csv';
import type { ExportValue } from './cells';

// Read once: a bundled or transpiled import is a property read through a getter at every use, which the byte loops
// below paid per byte.
const { BACKSLASH, copyText, LF, QUOTE, UNESCAPED } = copyFormat;
/** Below this many bytes, bytes are copied one by one: cheaper than a typed array's set, which checks its arguments. */
const SHORT_FIELD = 128;

const APOSTROPHE = 0x27;

/** How a text's first character bears on neutralising: never, always, or depending on what follows (a blank). */
const enum Start {
  Plain = 0,
  Formula = 1,
  Blank = 2,
}

function startOf(char: string): Start {
  if (neutraliseText(`${char}x`) !== `${char}x`) return Start.Formula; // a sign, or a tab or line break
  return neutraliseText(`${char}=`) !== `${char}=` ? Start.Blank : Start.Plain;
}

const ASCII_START = Array.from({ length: 128 }, (_, code) => startOf(String.fromCharCode(code)));
const wideStarts = new Map<number, Start>();
function wideStart(codePoint: number): Start {
  let start = wideStarts.get(codePoint);
  if (start === undefined) {
    start = startOf(String.fromCodePoint(codePoint));
    wideStarts.set(codePoint, start);
  }
  return start;
}

/** The code point of the UTF-8 sequence at `i` (a lead byte ≥ 0x80; PostgreSQL's output is valid UTF-8). */
function codePointAt(src: Uint8Array, i: number): number {
  const lead = src[i] as number;
  const b1 = (src[i + 1] as number) & 0x3f;
  if (lead < 0xe0) return ((lead & 0x1f) << 6) | b1;
  const b2 = (src[i + 2] as number) & 0x3f;
  if (lead < 0xf0) return ((lead & 0x0f) << 12) | (b1 << 6) | b2;
  return ((lead & 0x07) << 18) | (b1 << 12) | (b2 << 6) | ((src[i + 3] as number) & 0x3f);
}

/** Output bytes, grown as needed; `take` hands them over as a buffer of their own. */
export class ByteSink {
  buf: Buffer;
  pos = 0;
  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafeSlow(Math.max(capacity, 64));
  }
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  byte(b: number): void {
    this.reserve(1);
    this.buf[this.pos++] = b;
  }
  text(text: string): void {
    this.reserve(text.length * 3);
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }
  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    if (bytes.length >= SHORT_FIELD) this.buf.set(bytes, this.pos);
    else for (let i = 0; i < bytes.length; i += 1) this.buf[this.pos + i] = bytes[i] as number;
    this.pos += bytes.length;
  }
  /** The bytes written, in a buffer of their own (a worker thread can move it). */
  take(): Uint8Array {
    return this.pos === this.buf.length ? this.buf : new Uint8Array(this.buf.buffer, 0, this.pos);
  }
}

const isNull = (src: Uint8Array, s: number, e: number) => e - s === 2 && src[s] === BACKSLASH && src[s + 1] === 0x4e;

/** The field's text, decoded (null for \N). */
export function fieldText(src: Buffer, s: number, e: number): string | null {
  return copyText(src.toString('utf8', s, e));
}

const COMMA = 0x2c;
const CR = 0x0d;

/**
 * A text field of COPY text as csvField writes that text: neutralised, quoted, its quotes doubled — in one pass. It is
 * written unquoted until a quote, a comma or an escaped line break shows that it needs quotes; the bytes written so
 * far then move one place on for the opening quote (in JSON text, the first quote is its second byte).
 */
export function writeTextField(sink: ByteSink, src: Buffer, s: number, e: number): void {
  if (s === e || isNull(src, s, e)) return;
  const first = src[s] as number;
  let start: Start;
  if (first === BACKSLASH) {
    const code = UNESCAPED[src[s + 1] as number] ?? -1;
    start = code < 0 ? Start.Plain : (ASCII_START[code] as Start);
  } else start = first < 0x80 ? (ASCII_START[first] as Start) : wideStart(codePointAt(src, s));
  if (start === Start.Blank) {
    sink.text(csvField(fieldText(src, s, e)));
    return;
  }
  sink.reserve(2 * (e - s) + 3);
  const buf = sink.buf;
  const open = sink.pos;
  let pos = open;
  let quoted = false;
  if (start === Start.Formula) buf[pos++] = APOSTROPHE;
  for (let i = s; i < e; i += 1) {
    let b = src[i] as number;
    if (b > BACKSLASH || (b > COMMA && b < BACKSLASH) || (b > QUOTE && b < COMMA)) {
      buf[pos++] = b;
      continue;
    }
    if (b === BACKSLASH) {
      i += 1;
      b = UNESCAPED[src[i] as number] ?? -1;
      if (b < 0) throw new Error(`COPY 输出中有未知的转义 \\${String.fromCharCode(src[i] as number)}`);
    }
    if (!quoted && (b === QUOTE || b === COMMA || b === LF || b === CR)) {
      for (let k = pos; k > open; k -= 1) buf[k] = buf[k - 1] as number;
      buf[open] = QUOTE;
      pos += 1;
      quoted = true;
    }
    if (b === QUOTE) buf[pos++] = QUOTE;
    buf[pos++] = b;
  }
  if (quoted) buf[pos++] = QUOTE;
  sink.pos = pos;
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** An integer field as csvField writes Number(text): plain digits are copied; anything else goes through Number. */
export function writeIntegerField(sink: ByteSink, src: Buffer, s: number, e: number): void {
  const length = e - s;
  let plain = length > 0 && length <= 15 && (length === 1 || src[s] !== DIGIT_0);
  for (let i = s; plain && i < e; i += 1) plain = (src[i] as number) >= DIGIT_0 && (src[i] as number) <= DIGIT_9;
  if (plain) {
    sink.reserve(length);
    const buf = sink.buf;
    for (let i = s; i < e; i += 1) buf[sink.pos++] = src[i] as number;
    return;
  }
  const text = fieldText(src, s, e);
  sink.text(csvField(text === null ? null : Number(text)));
}

/**
 * A field with few distinct values (a code, written as its label): `cell` says what to write for its text, and the
 * CSV bytes are kept per raw value — up to `limit` values, then computed each time. Looked up by a hash of the raw
 * bytes and then compared with them: no string is made for a value seen before.
 */
export function cachedField(cell: (text: string | null) => ExportValue, limit = 1000) {
  const kept = new Map<number, { raw: Uint8Array; bytes: Uint8Array }[]>();
  let size = 0;
  return (sink: ByteSink, src: Buffer, s: number, e: number): void => {
    let hash = e - s;
    for (let i = s; i < e; i += 1) hash = (Math.imul(hash, 31) + (src[i] as number)) | 0;
    const bucket = kept.get(hash);
    if (bucket)
      for (const entry of bucket) {
        const { raw } = entry;
        if (raw.length !== e - s) continue;
        let same = true;
        for (let i = 0; same && i < raw.length; i += 1) same = raw[i] === src[s + i];
        if (same) return sink.bytes(entry.bytes);
      }
    const bytes = Buffer.from(csvField(cell(fieldText(src, s, e))), 'utf8');
    if (size < limit) {
      const entry = { raw: Uint8Array.prototype.slice.call(src, s, e), bytes };
      if (bucket) bucket.push(entry);
      else kept.set(hash, [entry]);
      size += 1;
    }
    sink.bytes(bytes);
  };
}
