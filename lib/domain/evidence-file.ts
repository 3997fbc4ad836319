/**
 * 佐证材料 (evidence files): what an uploaded file is, decided from its bytes (never its name or the browser's
 * MIME type), whether an Office file's ZIP container is safe to hand on (a decompression bomb is refused from
 * its central directory, without inflating anything), and the name it is stored under. Pure: bytes in, verdicts out.
 */

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_MAX_PER_FIGURE = 10;
/** A ZIP whose parts would inflate to more than this in total is refused. */
export const ZIP_MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024;
/** …or whose uncompressed size is more than this many times its compressed size (whole or any one part). */
export const ZIP_MAX_RATIO = 100;
export const ZIP_MAX_ENTRIES = 5_000;
export const EVIDENCE_NAME_MAX_CHARS = 120;

export const EVIDENCE_TYPES = {
  pdf: { contentType: 'application/pdf', extension: '.pdf', label: 'PDF' },
  jpeg: { contentType: 'image/jpeg', extension: '.jpg', label: 'JPEG 图片' },
  png: { contentType: 'image/png', extension: '.png', label: 'PNG 图片' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: '.docx',
    label: 'Word（.docx）',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: '.xlsx',
    label: 'Excel（.xlsx）',
  },
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

export const EVIDENCE_ALLOWED_TEXT = 'PDF、JPEG/PNG 图片、Word（.docx）或 Excel（.xlsx）';
export const EVIDENCE_TOO_LARGE = `「佐证材料」文件超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB，请压缩或拆分后上传`;
export const EVIDENCE_TOO_MANY = `「佐证材料」每条数据最多 ${EVIDENCE_MAX_PER_FIGURE} 个文件，请先删除不需要的文件`;
export const EVIDENCE_EMPTY = '「佐证材料」文件为空，请选择要上传的文件';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
}

export type EvidenceVerdict =
  | { ok: true; type: EvidenceType; contentType: string }
  | {
      ok: false;
      reason: 'empty' | 'too_large' | 'executable' | 'unknown' | 'bad_zip' | 'zip_bomb' | 'not_office';
      message: string;
    };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const u16 = (b: Uint8Array, p: number): number => (b[p] ?? 0) | ((b[p + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, p: number): number => u16(b, p) + u16(b, p + 2) * 0x10000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * The entries of a ZIP's central directory, or null when the bytes hold no well-formed one (no end record,
 * a directory outside the file, ZIP64 markers, or more than ZIP_MAX_ENTRIES entries). Reads sizes, never data.
 */
export function readZipCentralDirectory(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22) return null;
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= floor; i -= 1) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const offset = u32(bytes, eocd + 16);
  // 0xffff / 0xffffffff mean "see the ZIP64 record": never needed by a file of at most 20 MB.
  if (count === 0xffff || offset === 0xffffffff || count > ZIP_MAX_ENTRIES || offset + size > eocd) return null;
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k += 1) {
    if (p + 46 > eocd || u32(bytes, p) !== CENTRAL) return null;
    const nameLength = u16(bytes, p + 28);
    if (p + 46 + nameLength > eocd) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      uncompressedSize: u32(bytes, p + 24),
    });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/**
 * Is a ZIP's declared content within bounds? Refused: more than ZIP_MAX_TOTAL_UNCOMPRESSED in total, a ratio of
 * uncompressed to compressed above ZIP_MAX_RATIO (whole archive or any part), or declared compressed sizes that
 * add up to more than the file itself (sizes that lie).
 */
export function checkZipBomb(
  entries: readonly ZipEntry[],
  fileSize: number,
): { ok: true } | { ok: false; why: string } {
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    compressed += e.compressedSize;
    if (e.uncompressedSize > ZIP_MAX_RATIO * Math.max(e.compressedSize, 1))
      return { ok: false, why: `部件「${e.name.slice(0, 60)}」压缩比过高` };
  }
  if (compressed > fileSize) return { ok: false, why: '压缩包声明的大小与文件不符' };
  if (total > ZIP_MAX_TOTAL_UNCOMPRESSED)
    return { ok: false, why: `解压后超过 ${ZIP_MAX_TOTAL_UNCOMPRESSED / 1024 / 1024} MB` };
  if (total > ZIP_MAX_RATIO * Math.max(compressed, 1)) return { ok: false, why: '整体压缩比过高' };
  return { ok: true };
}

/** Which Office document a ZIP is: [Content_Types].xml plus word/ (DOCX) or xl/ (XLSX) parts; null otherwise. */
export function officeTypeOf(entries: readonly ZipEntry[]): 'docx' | 'xlsx' | null {
  const names = entries.map((e) => e.name);
  if (!names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml') || names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.includes('xl/workbook.xml') || names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return null;
}

function refuse(reason: Exclude<EvidenceVerdict, { ok: true }>['reason'], message: string): EvidenceVerdict {
  return { ok: false, reason, message };
}

/** Decides an upload from its bytes: an allowed type with its stored content type, or a refusal in Chinese. */
export function classifyEvidence(bytes: Uint8Array): EvidenceVerdict {
  if (bytes.length === 0) return refuse('empty', EVIDENCE_EMPTY);
  if (bytes.length > EVIDENCE_MAX_BYTES) return refuse('too_large', EVIDENCE_TOO_LARGE);
  if (
    startsWith(bytes, [0x4d, 0x5a]) ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0x23, 0x21])
  ) {
    return refuse(
      'executable',
      `「佐证材料」是可执行程序或脚本（与文件扩展名无关），不能上传；只接受${EVIDENCE_ALLOWED_TEXT}`,
    );
  }
  const ok = (type: EvidenceType): EvidenceVerdict => ({
    ok: true,
    type,
    contentType: EVIDENCE_TYPES[type].contentType,
  });
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return ok('pdf');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ok('jpeg');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ok('png');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const entries = readZipCentralDirectory(bytes);
    if (!entries) return refuse('bad_zip', '「佐证材料」文件已损坏：压缩结构无法识别');
    const bomb = checkZipBomb(entries, bytes.length);
    if (!bomb.ok) return refuse('zip_bomb', `「佐证材料」文件疑似压缩炸弹（${bomb.why}），不能上传`);
    const office = officeTypeOf(entries);
    if (!office)
      return refuse('not_office', `「佐证材料」是压缩包而不是 Word 或 Excel 文档；只接受${EVIDENCE_ALLOWED_TEXT}`);
    return ok(office);
  }
  return refuse(
    'unknown',
    `「佐证材料」文件类型无法识别（按文件内容判断，而非扩展名）；只接受${EVIDENCE_ALLOWED_TEXT}`,
  );
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * The name a file is stored and offered under: the last path segment only, control and bidi-override
 * characters and characters Windows forbids removed, whitespace collapsed, at most EVIDENCE_NAME_MAX_CHARS
 * characters with the extension kept, and the extension of the detected type (a PDF named .exe becomes .pdf).
 */
export function sanitizeEvidenceName(raw: string, type: EvidenceType): string {
  const wanted = EVIDENCE_TYPES[type].extension;
  const last = raw.split(/[\\/]/).pop() ?? '';
  const name = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const extensionFits = ext === wanted || (type === 'jpeg' && ext === '.jpeg');
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  const extension = extensionFits ? ext : wanted;
  stem =
    Array.from(stem)
      .slice(0, EVIDENCE_NAME_MAX_CHARS - extension.length)
      .join('')
      .trim() || '佐证材料';
  return `${stem}${extension}`;
}

/** "1.5 MB", "320 KB", "12 字节": a file size as the list shows it. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

/** The figure states on which evidence may be added or removed (the figure itself is editable). */
export function isEvidenceEditable(status: string): boolean {
  return status === 'draft' || status === 'returned';
}
