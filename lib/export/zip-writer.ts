/**
 * A streaming ZIP writer for files that are already compressed or small (PDF, JPEG, DOCX are compressed
 * already): entries are stored (method 0), each written as soon as it is added, with its CRC-32 and sizes in
 * the local header (no data descriptors), names in UTF-8 (flag bit 11). ZIP32 only: the caller keeps the whole
 * archive under 4 GB and 65,535 entries.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3), as ZIP stores it. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = (CRC_TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time (local fields; we write Asia/Shanghai wall time, as the rest of the export does). */
function dosDateTime(at: Date): { date: number; time: number } {
  const shanghai = new Date(at.getTime() + 8 * 3600_000);
  const year = Math.max(1980, shanghai.getUTCFullYear());
  return {
    date: ((year - 1980) << 9) | ((shanghai.getUTCMonth() + 1) << 5) | shanghai.getUTCDate(),
    time: (shanghai.getUTCHours() << 11) | (shanghai.getUTCMinutes() << 5) | Math.floor(shanghai.getUTCSeconds() / 2),
  };
}

export const ZIP32_MAX_BYTES = 0xffffffff;
const UTF8_FLAG = 0x0800;

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
  date: number;
  time: number;
}

export class StoredZipWriter {
  private offset = 0;
  private readonly entries: Written[] = [];

  constructor(private readonly sink: (chunk: Buffer) => Promise<void>) {}

  private async emit(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (this.offset > ZIP32_MAX_BYTES) throw new Error('zip archive over 4 GB');
    await this.sink(chunk);
  }

  async addFile(name: string, data: Uint8Array, modified: Date): Promise<void> {
    if (this.entries.length >= 0xffff) throw new Error('zip archive over 65535 entries');
    const nameBytes = Buffer.from(name, 'utf8');
    const { date, time } = dosDateTime(modified);
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(UTF8_FLAG, 6);
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.byteLength, 18);
    header.writeUInt32LE(data.byteLength, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    const offset = this.offset;
    await this.emit(Buffer.concat([header, nameBytes]));
    await this.emit(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    this.entries.push({ name: nameBytes, crc, size: data.byteLength, offset, date, time });
  }

  /** Writes the central directory and the end record; returns the archive's size. */
  async finish(): Promise<number> {
    const start = this.offset;
    for (const e of this.entries) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(0x0314, 4); // made by: Unix, spec 2.0
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(UTF8_FLAG, 8);
      central.writeUInt16LE(0, 10);
      central.writeUInt16LE(e.time, 12);
      central.writeUInt16LE(e.date, 14);
      central.writeUInt32LE(e.crc, 16);
      central.writeUInt32LE(e.size, 20);
      central.writeUInt32LE(e.size, 24);
      central.writeUInt16LE(e.name.length, 28);
      central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
      central.writeUInt32LE(e.offset, 42);
      await this.emit(Buffer.concat([central, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
    return this.offset;
  }
}
