/**
 * Reads the data sheet of an XLSX upload with exceljs's streaming reader, so that a file of 100,000 rows
 * is refused after counting 10,001 rows instead of being loaded whole. The ZIP is inspected first (an XLSX,
 * bounded inflated size). Limits: data rows, characters per cell; both refused naming the place.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellLength, normalizeCell, type RawCell } from './cell-text';
import { ImportFileError, MAX_CELL_CHARS, MAX_DATA_ROWS, NOT_A_SPREADSHEET, TOO_MANY_ROWS, columnLetter } from './limits';
import { inspectXlsxZip } from './zip-inspect';

export interface SheetRow {
  /** The row number Excel shows (1 = the header). */
  row: number;
  /** Cells from column A on; '' for an empty cell. */
  cells: RawCell[];
}

/** Columns read per row; anything to the right of them is ignored. */
export const MAX_COLUMNS = 40;
const INSTRUCTIONS_SHEET = '说明';

function isBlank(cells: RawCell[]): boolean {
  return cells.every((c) => typeof c === 'string' && c.trim() === '');
}

/**
 * The rows of the first worksheet that is not the 说明 sheet (the first being its header), blank rows dropped. Throws ImportFileError for
 * a file that is not an XLSX, has more than `maxDataRows` data rows, or a cell longer than `maxCellChars`.
 */
export async function readXlsxRows(
  buf: Buffer,
  limits: { maxDataRows?: number; maxCellChars?: number } = {},
): Promise<SheetRow[]> {
  const maxRows = limits.maxDataRows ?? MAX_DATA_ROWS;
  const maxCell = limits.maxCellChars ?? MAX_CELL_CHARS;
  const check = await inspectXlsxZip(buf);
  if (!check.ok) {
    throw new ImportFileError(check.reason === 'too_large' ? '文件解压后过大，请分批导入' : NOT_A_SPREADSHEET, check.reason === 'too_large' ? 'too_large' : 'invalid');
  }
  const source = Readable.from([buf]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows: SheetRow[] = [];
  let picked = false;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: unknown }).name;
      if (picked || name === INSTRUCTIONS_SHEET) continue;
      picked = true;
      for await (const row of sheet) {
        const cells: RawCell[] = [];
        const values: unknown = row.values;
        const list = Array.isArray(values) ? values : [];
        const width = Math.min(list.length - 1, MAX_COLUMNS);
        for (let col = 1; col <= width; col += 1) {
          const cell = normalizeCell(list[col]);
          if (cellLength(cell) > maxCell) {
            throw new ImportFileError(`第 ${row.number} 行 ${columnLetter(col)} 列的内容超过 ${maxCell} 个字符，请检查后重新上传`);
          }
          cells.push(cell);
        }
        if (isBlank(cells)) continue;
        // rows[0] is the header: more than header + maxRows is refused without reading further.
        if (rows.length > maxRows) throw new ImportFileError(TOO_MANY_ROWS, 'too_large');
        rows.push({ row: row.number, cells });
      }
    }
  } catch (error) {
    source.destroy();
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(NOT_A_SPREADSHEET);
  }
  if (!picked) throw new ImportFileError(NOT_A_SPREADSHEET);
  return rows;
}
