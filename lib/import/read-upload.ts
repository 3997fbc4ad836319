/** One entry for an uploaded file: sniff its bytes, then read it as XLSX or CSV into rows (header first). */
import { parseCsv } from './csv-parse';
import { decodeText, sniffFileKind } from './file-sniff';
import {
  ImportFileError,
  MAX_CELL_CHARS,
  MAX_DATA_ROWS,
  MAX_UPLOAD_BYTES,
  NOT_A_SPREADSHEET,
  TOO_LARGE,
  TOO_MANY_ROWS,
  columnLetter,
} from './limits';
import { readXlsxRows, type SheetRow } from './xlsx-read';

export type UploadFormat = 'xlsx' | 'csv';

/** A CSV may hold blank lines; beyond this many lines it is refused before the rows are built. */
const MAX_CSV_LINES = MAX_DATA_ROWS * 5;

function readCsvRows(bytes: Uint8Array): SheetRow[] {
  const text = decodeText(bytes);
  if (text === null) throw new ImportFileError(NOT_A_SPREADSHEET);
  const parsed = parseCsv(text, { maxRecords: MAX_CSV_LINES, maxCellChars: MAX_CELL_CHARS });
  if (!parsed.ok) {
    if (parsed.reason === 'too_many_records') throw new ImportFileError(TOO_MANY_ROWS, 'too_large');
    if (parsed.reason === 'cell_too_long') {
      throw new ImportFileError(
        `第 ${parsed.record} 行 ${columnLetter(parsed.column)} 列的内容超过 ${MAX_CELL_CHARS} 个字符，请检查后重新上传`,
      );
    }
    throw new ImportFileError(
      `第 ${parsed.record} 行 ${columnLetter(parsed.column)} 列的引号没有闭合，请检查后重新上传`,
    );
  }
  const rows: SheetRow[] = [];
  parsed.records.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return;
    rows.push({ row: index + 1, cells });
  });
  if (rows.length > MAX_DATA_ROWS + 1) throw new ImportFileError(TOO_MANY_ROWS, 'too_large');
  return rows;
}

/** The rows of an upload (header first) and its format; ImportFileError for anything that is not a spreadsheet. */
export async function readUpload(bytes: Uint8Array): Promise<{ format: UploadFormat; rows: SheetRow[] }> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new ImportFileError(TOO_LARGE, 'too_large');
  if (bytes.byteLength === 0) throw new ImportFileError('文件是空的，请选择填写好的模板文件');
  const kind = sniffFileKind(bytes);
  if (kind === 'xls') throw new ImportFileError(`${NOT_A_SPREADSHEET}：旧版 .xls 请在 Excel 中“另存为” .xlsx 后再上传`);
  if (kind === 'binary') throw new ImportFileError(NOT_A_SPREADSHEET);
  if (kind === 'xlsx-zip') {
    return { format: 'xlsx', rows: await readXlsxRows(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  }
  return { format: 'csv', rows: readCsvRows(bytes) };
}
