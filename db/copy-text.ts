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
