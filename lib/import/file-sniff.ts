/**
 * What an uploaded file is, from its bytes (never from its name or the browser's MIME type), and its text
 * when it is a CSV: UTF-8 with or without BOM, UTF-16 with a BOM, else GB18030 (what Excel on a Chinese
 * Windows saves as "CSV").
 */

export type FileKind = 'xlsx-zip' | 'xls' | 'text' | 'binary';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Sniffs the first bytes: a ZIP container (XLSX candidate), an old binary .xls, text, or some other binary. */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx-zip';
  if (startsWith(bytes, OLE2_MAGIC)) return 'xls';
  return decodeText(bytes) === null ? 'binary' : 'text';
}

/** Control characters that never occur in a CSV a person saved (tab, CR and LF excepted). */
const BINARY_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

function decodeStrict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The text of a CSV upload, or null when the bytes are not text (NUL and other control characters, or
 * undecodable in UTF-8, UTF-16 with BOM and GB18030). The BOM is removed.
 */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string | null;
  if (startsWith(bytes, [0xff, 0xfe])) text = decodeStrict(bytes, 'utf-16le');
  else if (startsWith(bytes, [0xfe, 0xff])) text = decodeStrict(bytes, 'utf-16be');
  else text = decodeStrict(bytes, 'utf-8') ?? decodeStrict(bytes, 'gb18030');
  if (text === null) return null;
  // TextDecoder drops the BOM itself; a second one (BOM typed twice) is dropped too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (BINARY_CHARS.test(text)) return null;
  return text;
}
