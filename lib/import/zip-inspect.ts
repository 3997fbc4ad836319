/**
 * Checks a ZIP container before a spreadsheet reader opens it: it must be an XLSX (holding xl/workbook.xml),
 * and every part must inflate to at most a bounded size. The parts are really inflated (streaming, output
 * counted and discarded), so a "ZIP bomb" with lying size fields is caught too.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_TOTAL_BYTES } from './limits';

export type ZipCheck = { ok: true; entries: string[] } | { ok: false; reason: 'not_zip' | 'not_xlsx' | 'too_large' };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function readEntries(buf: Buffer): Entry[] | null {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i -= 1) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count > MAX_ZIP_ENTRIES || offset + size > buf.length) return null;
  const entries: Entry[] = [];
  let p = offset;
  for (let k = 0; k < count; k += 1) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) return null;
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({ name, method, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(buf: Buffer, entry: Entry): Buffer | null {
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_SIGNATURE) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  return end <= buf.length ? buf.subarray(start, end) : null;
}

/** Inflated size of a deflated part, or null once it passes `limit` (or the data is corrupt). */
function inflatedSize(data: Buffer, limit: number): Promise<number | null> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    let settled = false;
    const finish = (value: number | null) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) finish(null);
    });
    inflate.on('end', () => finish(total));
    inflate.on('error', () => finish(-1));
    inflate.end(data);
  });
}

/** Is this ZIP an XLSX whose parts stay within the size limits? */
export async function inspectXlsxZip(buf: Buffer): Promise<ZipCheck> {
  const entries = readEntries(buf);
  if (!entries) return { ok: false, reason: 'not_zip' };
  const names = entries.map((e) => e.name);
  if (!names.includes('xl/workbook.xml') || !names.some((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    return { ok: false, reason: 'not_xlsx' };
  }
  let total = 0;
  for (const entry of entries) {
    const data = entryData(buf, entry);
    if (!data) return { ok: false, reason: 'not_zip' };
    let size: number | null;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8)
      size = await inflatedSize(data, Math.min(MAX_ZIP_ENTRY_BYTES, MAX_ZIP_TOTAL_BYTES - total));
    else return { ok: false, reason: 'not_xlsx' };
    if (size === -1) return { ok: false, reason: 'not_zip' };
    if (size === null || size > MAX_ZIP_ENTRY_BYTES) return { ok: false, reason: 'too_large' };
    total += size;
    if (total > MAX_ZIP_TOTAL_BYTES) return { ok: false, reason: 'too_large' };
  }
  return { ok: true, entries: names };
}

/**
 * One part of a ZIP as a stream of its (inflated) bytes, or null when the ZIP holds no such part. Call it
 * after inspectXlsxZip has passed the file: the size limits are checked there, not here.
 */
export function openZipPart(buf: Buffer, name: string): Readable | null {
  const entry = readEntries(buf)?.find((e) => e.name === name);
  const data = entry ? entryData(buf, entry) : null;
  if (!entry || !data) return null;
  if (entry.method === 0) return Readable.from([data]);
  const inflate = createInflateRaw();
  inflate.end(data);
  return inflate;
}
