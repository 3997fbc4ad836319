/**
 * jsonb's text of a flat object (every before/after the app writes: a dozen keys, scalar values) written as
 * canonicalJson(JSON.parse(text)) writes it, straight from its bytes: keys sorted, spaces dropped. For the verify's
 * byte-level reader (./verify-copy.ts), whose tests compare it with JSON.parse and canonicalJson.
 */
import * as copyFormat from '../../../db/copy-text';
import type { ByteSink } from '../../export/copy-csv';

// Read once (a transpiled or bundled import is a getter call at every use).
const { BACKSLASH, QUOTE } = copyFormat;

const ascii = (text: string) => Buffer.from(text, 'latin1');
const NULL = ascii('null');
const SPACE = 0x20;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const MAX_KEYS = 64;
/** Where each key of a flat object lies, and its value; reused. */
const keyStarts = new Int32Array(MAX_KEYS);
const keyEnds = new Int32Array(MAX_KEYS);
const valueStarts = new Int32Array(MAX_KEYS);
const valueEnds = new Int32Array(MAX_KEYS);
const order = new Int32Array(MAX_KEYS);

const TRUE = ascii('true');
const FALSE = ascii('false');
/** Whether bytes [i, j) are exactly `word`. */
export function isWord(src: Uint8Array, i: number, j: number, word: Uint8Array): boolean {
  if (j - i !== word.length) return false;
  for (let k = 0; k < word.length; k += 1) if (src[i + k] !== word[k]) return false;
  return true;
}

const skipSpaces = (src: Uint8Array, i: number, e: number) => {
  while (i < e && src[i] === SPACE) i += 1;
  return i;
};

/** Key a's bytes before key b's (ASCII keys: the order of the default sort, by UTF-16 code units). */
function keyBefore(src: Uint8Array, a: number, b: number): boolean {
  const as = keyStarts[a] as number;
  const bs = keyStarts[b] as number;
  const al = (keyEnds[a] as number) - as;
  const bl = (keyEnds[b] as number) - bs;
  for (let k = 0; k < al && k < bl; k += 1) {
    const d = (src[as + k] as number) - (src[bs + k] as number);
    if (d !== 0) return d < 0;
  }
  return al < bl;
}

/**
 * The end of the scalar JSON value at `i` (a string without escapes, a number, true, false, null), or -1 for any
 * other: an object or array inside, an escape, a number that needs rewriting.
 */
function scalarEnd(src: Uint8Array, i: number, e: number): number {
  const b = src[i] as number;
  if (b === QUOTE) {
    const close = src.indexOf(QUOTE, i + 1);
    return close < 0 || close >= e ? -1 : close + 1;
  }
  let j = i;
  while (j < e) {
    const c = src[j] as number;
    if (c === COMMA || c === CLOSE || c === SPACE) break;
    j += 1;
  }
  if (b === 0x6e || b === 0x74 || b === 0x66)
    return isWord(src, i, j, NULL) || isWord(src, i, j, TRUE) || isWord(src, i, j, FALSE) ? j : -1;
  // A number: plain digits as JSON.stringify writes them are copied; others (1.50, 1e2, -0) are rewritten.
  if (j - i > 15 || (b === 0x30 && j - i > 1)) return -1;
  for (let k = i; k < j; k += 1) if ((src[k] as number) < 0x30 || (src[k] as number) > 0x39) return -1;
  return j > i ? j : -1;
}

/**
 * jsonb's text of a flat object (or a scalar) as canonicalJson(JSON.parse(text)) writes it, straight from its bytes:
 * keys sorted, spaces dropped. False, having written nothing, for anything else (a nested value, an escape — any
 * backslash in the field —, a key beyond ASCII, a repeated key, a number to rewrite): the caller parses it.
 */
export function writeFlatJsonb(sink: ByteSink, src: Buffer, s: number, e: number): boolean {
  for (let k = s; k < e; k += 1) if (src[k] === BACKSLASH) return false;
  if (src[s] !== OPEN) {
    if (scalarEnd(src, s, e) !== e) return false;
    sink.bytes(src.subarray(s, e));
    return true;
  }
  let i = skipSpaces(src, s + 1, e);
  let keys = 0;
  if (src[i] === CLOSE) i += 1;
  else
    for (;;) {
      if (src[i] !== QUOTE || keys === MAX_KEYS) return false;
      const keyEnd = src.indexOf(QUOTE, i + 1);
      if (keyEnd < 0 || keyEnd >= e) return false;
      for (let k = i + 1; k < keyEnd; k += 1) if ((src[k] as number) >= 0x80) return false;
      keyStarts[keys] = i + 1;
      keyEnds[keys] = keyEnd;
      i = skipSpaces(src, keyEnd + 1, e);
      if (src[i] !== COLON) return false;
      i = skipSpaces(src, i + 1, e);
      const valueEnd = scalarEnd(src, i, e);
      if (valueEnd < 0) return false;
      valueStarts[keys] = i;
      valueEnds[keys] = valueEnd;
      keys += 1;
      i = skipSpaces(src, valueEnd, e);
      if (src[i] === CLOSE) {
        i += 1;
        break;
      }
      if (src[i] !== COMMA) return false;
      i = skipSpaces(src, i + 1, e);
    }
  if (skipSpaces(src, i, e) !== e) return false;
  // Insertion sort of the keys (a dozen at most, as the log's values have them).
  for (let k = 0; k < keys; k += 1) {
    let at = k;
    while (at > 0 && keyBefore(src, k, order[at - 1] as number)) {
      order[at] = order[at - 1] as number;
      at -= 1;
    }
    order[at] = k;
  }
  for (let k = 1; k < keys; k += 1) if (!keyBefore(src, order[k - 1] as number, order[k] as number)) return false;
  let size = 2;
  for (let k = 0; k < keys; k += 1)
    size +=
      (keyEnds[k] as number) - (keyStarts[k] as number) + (valueEnds[k] as number) - (valueStarts[k] as number) + 4;
  sink.reserve(size);
  const buf = sink.buf;
  let pos = sink.pos;
  buf[pos++] = OPEN;
  for (let k = 0; k < keys; k += 1) {
    const key = order[k] as number;
    if (k > 0) buf[pos++] = COMMA;
    buf[pos++] = QUOTE;
    for (let b = keyStarts[key] as number; b < (keyEnds[key] as number); b += 1) buf[pos++] = src[b] as number;
    buf[pos++] = QUOTE;
    buf[pos++] = COLON;
    for (let b = valueStarts[key] as number; b < (valueEnds[key] as number); b += 1) buf[pos++] = src[b] as number;
  }
  buf[pos++] = CLOSE;
  sink.pos = pos;
  return true;
}
