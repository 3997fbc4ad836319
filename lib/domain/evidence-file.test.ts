import { describe, expect, it } from 'vitest';
import { buildZip } from '@/tests/helpers/pure/zip-bytes';
import {
  checkZipBomb,
  classifyEvidence,
  EVIDENCE_MAX_BYTES,
  formatFileSize,
  isEvidenceEditable,
  officeTypeOf,
  readZipCentralDirectory,
  sanitizeEvidenceName,
  ZIP_MAX_TOTAL_UNCOMPRESSED,
} from './evidence-file';

const TYPES = {
  name: '[Content_Types].xml',
  data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
};
const docx = () => buildZip([TYPES, { name: 'word/document.xml', data: Buffer.from('<w:document>佐证</w:document>') }]);
const xlsx = () =>
  buildZip([
    TYPES,
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') },
  ]);

describe('classifying an evidence file by its bytes', () => {
  it('accepts PDF, JPEG, PNG, DOCX and XLSX with their content types', () => {
    expect(classifyEvidence(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toMatchObject({
      ok: true,
      type: 'pdf',
      contentType: 'application/pdf',
    });
    expect(classifyEvidence(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatchObject({
      ok: true,
      type: 'jpeg',
      contentType: 'image/jpeg',
    });
    expect(classifyEvidence(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toMatchObject({
      ok: true,
      type: 'png',
    });
    expect(classifyEvidence(docx())).toMatchObject({ ok: true, type: 'docx' });
    expect(classifyEvidence(xlsx())).toMatchObject({ ok: true, type: 'xlsx' });
  });

  it('refuses a renamed Windows or Linux executable and a script, whatever its name, with a Chinese message', () => {
    for (const head of [
      [0x4d, 0x5a, 0x90, 0],
      [0x7f, 0x45, 0x4c, 0x46, 2, 1],
      [0x23, 0x21, 0x2f, 0x62],
    ]) {
      const verdict = classifyEvidence(Buffer.from([...head, 0, 0, 0, 0]));
      expect(verdict).toMatchObject({ ok: false, reason: 'executable' });
      if (!verdict.ok) expect(verdict.message).toContain('可执行程序');
    }
  });

  it('refuses unknown bytes (a text file, a GIF), an empty file and one over 20 MB', () => {
    expect(classifyEvidence(Buffer.from('just some text'))).toMatchObject({ ok: false, reason: 'unknown' });
    expect(classifyEvidence(Buffer.from('GIF89a....'))).toMatchObject({ ok: false, reason: 'unknown' });
    expect(classifyEvidence(new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(classifyEvidence(big)).toMatchObject({ ok: false, reason: 'too_large' });
    const atLimit = big.subarray(0, EVIDENCE_MAX_BYTES);
    expect(classifyEvidence(atLimit)).toMatchObject({ ok: true, type: 'pdf' });
  });

  it('refuses a ZIP that is no Office document (a plain archive, [Content_Types].xml without word/ or xl/) and a broken one', () => {
    expect(classifyEvidence(buildZip([{ name: 'setup.exe', data: Buffer.from('MZ') }]))).toMatchObject({
      ok: false,
      reason: 'not_office',
    });
    expect(
      classifyEvidence(buildZip([TYPES, { name: 'ppt/presentation.xml', data: Buffer.from('<p/>') }])),
    ).toMatchObject({ ok: false, reason: 'not_office' });
    expect(classifyEvidence(Buffer.from('PK\u0003\u0004 truncated'))).toMatchObject({ ok: false, reason: 'bad_zip' });
  });

  it('refuses a decompression bomb from its central directory: a highly compressible part, or a huge declared size', () => {
    const zeros = Buffer.alloc(5 * 1024 * 1024); // deflates ≈ 1000:1
    const bomb = classifyEvidence(buildZip([TYPES, { name: 'word/document.xml', data: zeros }]));
    expect(bomb).toMatchObject({ ok: false, reason: 'zip_bomb' });
    if (!bomb.ok) expect(bomb.message).toContain('压缩炸弹');
    const claimed = buildZip([TYPES, { name: 'word/document.xml', data: Buffer.from('x'), claimedSize: 0xfffffff0 }]);
    expect(classifyEvidence(claimed)).toMatchObject({ ok: false, reason: 'zip_bomb' });
  });
});

describe('the ZIP bomb rule on a parsed central directory', () => {
  const part = (uncompressedSize: number, compressedSize: number) => ({
    name: 'xl/a.xml',
    method: 8,
    compressedSize,
    uncompressedSize,
  });
  it('allows a ratio of exactly 100 and refuses 101', () => {
    expect(checkZipBomb([part(100_000, 1_000)], 2_000)).toEqual({ ok: true });
    expect(checkZipBomb([part(101_000, 1_000)], 2_000).ok).toBe(false);
  });
  it('refuses more than 100 MB in total even at modest ratios, and compressed sizes larger than the file', () => {
    const parts = Array.from({ length: 11 }, () => part(10 * 1024 * 1024, 1024 * 1024));
    expect(checkZipBomb(parts, 12 * 1024 * 1024)).toMatchObject({ ok: false });
    expect(checkZipBomb(parts.slice(0, 9), 12 * 1024 * 1024)).toEqual({ ok: true });
    expect(ZIP_MAX_TOTAL_UNCOMPRESSED).toBe(100 * 1024 * 1024);
    expect(checkZipBomb([part(10, 5_000)], 100)).toMatchObject({ ok: false });
  });
  it('reads names and sizes without inflating, and types Office files by their parts', () => {
    const entries = readZipCentralDirectory(docx());
    expect(entries?.map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(officeTypeOf(entries ?? [])).toBe('docx');
    expect(officeTypeOf([{ name: 'word/document.xml', method: 8, compressedSize: 1, uncompressedSize: 1 }])).toBeNull();
    expect(readZipCentralDirectory(Buffer.from('not a zip at all, no end record here'))).toBeNull();
  });
});

describe('sanitising an evidence file name', () => {
  it('keeps the last path segment only (Windows and POSIX paths, traversal)', () => {
    expect(sanitizeEvidenceName('C:\\Users\\张三\\桌面\\投资台账.pdf', 'pdf')).toBe('投资台账.pdf');
    expect(sanitizeEvidenceName('../../etc/passwd.pdf', 'pdf')).toBe('passwd.pdf');
  });
  it('removes control and bidi-override characters and characters Windows forbids', () => {
    expect(sanitizeEvidenceName('报告\u0000\u202Efdp.exe', 'pdf')).toBe('报告fdp.pdf');
    expect(sanitizeEvidenceName('a<b>:c?.docx', 'docx')).toBe('a_b__c_.docx');
  });
  it('gives the detected type its extension (a PDF named .exe is .pdf) and keeps .jpeg for a JPEG', () => {
    expect(sanitizeEvidenceName('scan.exe', 'pdf')).toBe('scan.pdf');
    expect(sanitizeEvidenceName('photo.JPEG', 'jpeg')).toBe('photo.jpeg');
    expect(sanitizeEvidenceName('photo', 'png')).toBe('photo.png');
  });
  it('limits the length to 120 characters, keeps the extension, and names an empty or dot-only name 佐证材料', () => {
    const long = sanitizeEvidenceName(`${'长'.repeat(300)}.xlsx`, 'xlsx');
    expect(Array.from(long)).toHaveLength(120);
    expect(long.endsWith('.xlsx')).toBe(true);
    expect(sanitizeEvidenceName('...', 'pdf')).toBe('佐证材料.pdf');
    expect(sanitizeEvidenceName('CON.pdf', 'pdf')).toBe('_CON.pdf');
  });
});

describe('evidence helpers', () => {
  it.each([
    [12, '12 字节'],
    [2048, '2 KB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
  ])('formats a size of %i bytes as %s', (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });

  it('says which figure states are editable', () => {
    expect(['draft', 'returned', 'submitted', 'approved'].map(isEvidenceEditable)).toEqual([true, true, false, false]);
  });
});
