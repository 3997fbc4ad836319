import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { crc32, StoredZipWriter } from './zip-writer';

async function build(files: [string, string][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const zip = new StoredZipWriter(async (chunk) => {
    chunks.push(chunk);
  });
  for (const [name, text] of files) await zip.addFile(name, Buffer.from(text), new Date('2026-04-10T04:00:00Z'));
  await zip.finish();
  return Buffer.concat(chunks);
}

describe('the stored ZIP writer', () => {
  it('computes the CRC-32 ZIP uses (the check value of "123456789")', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes an archive another reader (JSZip, checking CRCs) reads back byte for byte, Chinese names included', async () => {
    const bytes = await build([
      ['manifest.json', '{"a":1}'],
      ['files/1_投资台账.pdf', '%PDF-1.7 佐证'],
    ]);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['manifest.json', 'files/1_投资台账.pdf']);
    expect(await zip.file('files/1_投资台账.pdf')?.async('string')).toBe('%PDF-1.7 佐证');
    expect(await zip.file('manifest.json')?.async('string')).toBe('{"a":1}');
  });

  it('is refused by the CRC check when a byte of a file is changed (the test can fail)', async () => {
    const bytes = await build([['a.txt', 'hello']]);
    bytes[30 + 'a.txt'.length] = 'j'.charCodeAt(0);
    await expect(JSZip.loadAsync(bytes, { checkCRC32: true })).rejects.toThrow(/crc/i);
  });
});
