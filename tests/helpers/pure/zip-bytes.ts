/**
 * ZIP bytes for tests of the containers the app inspects (evidence files, XLSX uploads): deflated parts whose
 * headers may claim another uncompressed size than the truth, enough to build hostile containers. Pure (no I/O),
 * so the lib/domain tests may import it too (tests/helpers/pure: see eslint.config.mjs).
 */
import { deflateRawSync } from 'node:zlib';

export type ZipEntry = { name: string; data: Buffer; claimedSize?: number };

/** A little-endian record of `size` bytes with each [offset, bits, value] field written in. */
function record(size: number, fields: [offset: number, bits: 16 | 32, value: number][]): Buffer {
  const bytes = Buffer.alloc(size);
  for (const [offset, bits, value] of fields) {
    if (bits === 16) bytes.writeUInt16LE(value, offset);
    else bytes.writeUInt32LE(value, offset);
  }
  return bytes;
}

const DEFLATE = 8;

/** A ZIP of deflated parts; an entry's `claimedSize` is what its headers say it inflates to (default: the truth). */
export function buildZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.claimedSize ?? e.data.length;
    const local = record(30, [
      [0, 32, 0x04034b50],
      [8, 16, DEFLATE],
      [18, 32, body.length],
      [22, 32, size],
      [26, 16, name.length],
    ]);
    const central = record(46, [
      [0, 32, 0x02014b50],
      [10, 16, DEFLATE],
      [20, 32, body.length],
      [24, 32, size],
      [28, 16, name.length],
      [42, 32, offset],
    ]);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = record(22, [
    [0, 32, 0x06054b50],
    [8, 16, entries.length],
    [10, 16, entries.length],
    [12, 32, directory.length],
    [16, 32, offset],
  ]);
  return Buffer.concat([...locals, directory, end]);
}
