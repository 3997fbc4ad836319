/** Limits and file-level messages of bulk import (批量导入). One place, so the route, the readers and the tests agree. */

/** Upload size refused with 413 before any parsing. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Data rows (the header not counted); a larger file is refused without reading it all. */
export const MAX_DATA_ROWS = 10_000;
/**
 * Imports running at once in one server process (reading the upload included). Each holds its file, the
 * parsed sheet and a transaction of up to 10,000 rows — tens of MB at the limits above — so a burst of uploads
 * must wait its turn rather than multiply that: beyond this, the answer is 429 with Retry-After.
 * IMPORT_CONCURRENCY overrides it (1–16).
 */
export const DEFAULT_IMPORT_CONCURRENCY = 2;
export const IMPORT_RETRY_AFTER_SECONDS = 10;
export const IMPORTS_BUSY = `当前已有导入正在进行（每台服务器同时最多处理 {n} 个导入），请 ${IMPORT_RETRY_AFTER_SECONDS} 秒后重试`;

/** Characters of one cell. */
export const MAX_CELL_CHARS = 2_000;
/** Uncompressed bytes of one XLSX part and of all parts together (a ZIP bomb stops here). */
export const MAX_ZIP_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_TOTAL_BYTES = 96 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2_000;

export const NOT_A_SPREADSHEET = '文件不是有效的 Excel（.xlsx）或 CSV 文件';
export const TOO_MANY_ROWS = `文件超过 ${MAX_DATA_ROWS} 行，请分批导入`;
export const TOO_LARGE = `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请分批导入`;

/** A problem with the file as a whole (not one row): the import stops and nothing is stored. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'too_large' = 'invalid',
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** "A" for column 1, "AA" for 27: as Excel labels columns. */
export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s || 'A';
}
