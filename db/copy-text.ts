/**
 * PostgreSQL's COPY text format as it comes out of COPY … TO: lines of tab-separated fields, \N for null, and a
 * backslash before the letters below for the bytes it escapes. Pure and free of the database layer, so that worker
 * threads (lib/services/audit/window-worker.ts) can read COPY windows without loading it.
 */
export const TAB = 0x09;
export const LF = 0x0a;
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;

/** The bytes COPY's text format writes as a backslash and a letter (it writes no other escape on output). */
export const UNESCAPED = new Int16Array(128).fill(-1);
for (const [letter, code] of Object.entries({ b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 }))
  UNESCAPED[letter.charCodeAt(0)] = code;

/**
 * `bytes` written at `at` in `buffer` — or, when they do not fit, in a copy of its first `at` bytes twice as large
 * (or as large as needed): the buffer that now holds them. For the walks' buffers that grow to a range's size and
 * are then reused (db/copy.ts, ./queries/audit-packed.ts).
 */
export function writeAt(buffer: Uint8Array<ArrayBuffer>, at: number, bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  let target = buffer;
  if (at + bytes.length > buffer.length) {
    target = new Uint8Array(Math.max(buffer.length * 2, at + bytes.length));
    target.set(buffer.subarray(0, at));
  }
  target.set(bytes, at);
  return target;
}

/** One field of COPY text as a string: null for \N, else the text with its escapes undone. */
export function copyText(raw: string): string | null {
  if (raw === '\\N') return null;
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(.)/g, (escape: string, letter: string) => {
    const code = letter.length === 1 ? UNESCAPED[letter.charCodeAt(0)] : undefined;
    if (code === undefined || code < 0) throw new Error(`COPY 输出中有未知的转义 ${escape}`);
    return String.fromCharCode(code);
  });
}

/** Where each field of one COPY line lies, as cutCopyLine finds them: bytes [starts[i], ends[i]). */
export class CopyLine {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  constructor(readonly width: number) {
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
  }
}

/**
 * Cuts the line that starts at `start` into `line.width` fields and answers where the next line starts. A line
 * without its line end, or with another number of fields, is an error: the output was cut short or is not the
 * statement's. Tabs and line ends inside a field are escaped, so the separators are found by the native search.
 */
export function cutCopyLine(src: Uint8Array, start: number, line: CopyLine): number {
  const { starts, ends, width } = line;
  const end = src.indexOf(LF, start);
  if (end < 0) throw new Error('COPY 输出的最后一行不完整');
  let at = start;
  for (let field = 0; field < width - 1; field += 1) {
    const tab = src.indexOf(TAB, at);
    if (tab < 0 || tab > end) throw new Error(`COPY 输出的一行有 ${field + 1} 列，应为 ${width} 列`);
    starts[field] = at;
    ends[field] = tab;
    at = tab + 1;
  }
  const tab = src.indexOf(TAB, at);
  if (tab >= 0 && tab < end) {
    let fields = width + 1;
    for (let i = src.indexOf(TAB, tab + 1); i >= 0 && i < end; i = src.indexOf(TAB, i + 1)) fields += 1;
    throw new Error(`COPY 输出的一行有 ${fields} 列，应为 ${width} 列`);
  }
  starts[width - 1] = at;
  ends[width - 1] = end;
  return end + 1;
}

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
export function jsonTimestampMs(src: Uint8Array, s: number, e: number): number {
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
