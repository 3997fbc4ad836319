import { describe, expect, it } from 'vitest';
import { buildZip } from '@/tests/helpers/pure/zip-bytes';
import { inspectXlsxZip } from './zip-inspect';

const WORKBOOK = { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') };

describe('inspecting an XLSX container before reading it', () => {
  it('accepts a small workbook', async () => {
    const result = await inspectXlsxZip(
      buildZip([WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') }]),
    );
    expect(result).toEqual({ ok: true, entries: ['xl/workbook.xml', 'xl/worksheets/sheet1.xml'] });
  });

  it('refuses a ZIP without a workbook (a .docx, an archive) and bytes that are not a ZIP', async () => {
    expect(await inspectXlsxZip(buildZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]))).toEqual({
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
    const file = buildZip([WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: bomb, claimedSize: 1_000 }]);
    expect(file.length).toBeLessThan(200_000);
    expect(await inspectXlsxZip(file)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('refuses corrupt deflate data as not a ZIP', async () => {
    const file = buildZip([WORKBOOK, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('x'.repeat(100)) }]);
    const corrupt = Buffer.from(file);
    corrupt.fill(0xff, 60, 80);
    expect((await inspectXlsxZip(corrupt)).ok).toBe(false);
  });
});
