import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectXlsxZip } from './zip-inspect';

/** A minimal ZIP writer (deflate or stored), enough to build hostile containers. */
function zip(entries: { name: string; data: Buffer; store?: boolean; claimedSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.store ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.claimedSize ?? e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.claimedSize ?? e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const WORKBOOK = { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') };

describe('inspecting an XLSX container before reading it', () => {
  it('accepts a small workbook', async () => {
    const result = await inspectXlsxZip(
      zip([WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') }]),
    );
    expect(result).toEqual({ ok: true, entries: ['xl/workbook.xml', 'xl/worksheets/sheet1.xml'] });
  });

  it('refuses a ZIP without a workbook (a .docx, an archive) and bytes that are not a ZIP', async () => {
    expect(await inspectXlsxZip(zip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]))).toEqual({
      ok: false,
      reason: 'not_xlsx',
    });
    expect(await inspectXlsxZip(Buffer.from('PK\u0003\u0004 not really a zip'))).toEqual({
      ok: false,
      reason: 'not_zip',
    });
  });

  it('refuses a ZIP bomb even when its size fields lie, after inflating only up to the limit', async () => {
    const bomb = Buffer.alloc(80 * 1024 * 1024); // 80 MB of zeros deflates to ~80 kB
    const file = zip([WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: bomb, claimedSize: 1_000 }]);
    expect(file.length).toBeLessThan(200_000);
    expect(await inspectXlsxZip(file)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('refuses corrupt deflate data as not a ZIP', async () => {
    const file = zip([WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('x'.repeat(100)) }]);
    const corrupt = Buffer.from(file);
    corrupt.fill(0xff, 60, 80);
    expect((await inspectXlsxZip(corrupt)).ok).toBe(false);
  });
});
