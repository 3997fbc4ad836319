/**
 * ZIP bytes for tests of the containers the app inspects (evidence files, XLSX uploads): deflated parts whose
 * headers may claim another uncompressed size than the truth, enough to build hostile containers. Pure (no I/O),
 * so the lib/domain tests may import it too (tests/helpers/pure: see eslint.config.mjs).
 */
import { deflateRawSync } from 'node:zlib';

export type ZipEntry = { name: string; data: Buffer; claimedSize?: number };

type Field = [offset: number, bits: 16 | 32, value: number];

/** A little-endian record of `size` bytes with each [offset, bits, value] field written in. */
function record(size: number, fields: Field[]): Buffer {
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
    // The local header and the central directory entry hold the same four fields, two bytes further on in the latter.
    const sharedFields = (at: number): Field[] => [
      [at, 16, DEFLATE],
      [at + 10, 32, body.length],
      [at + 14, 32, size],
      [at + 18, 16, name.length],
    ];
    const local = record(30, [[0, 32, 0x04034b50], ...sharedFields(8)]);
    const central = record(46, [[0, 32, 0x02014b50], ...sharedFields(10), [42, 32, offset]]);
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
