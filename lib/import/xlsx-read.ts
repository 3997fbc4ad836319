/**
 * Reads the data sheet of an XLSX upload row by row, so that a file of 100,000 rows is refused after
 * counting 10,001 rows instead of being loaded whole. The ZIP is inspected first (an XLSX, bounded inflated
 * size). Limits: data rows, characters per cell; both refused naming the place.
 *
 * The parts are taken from the ZIP's central directory in the order a reader needs them (relationships,
 * workbook, shared strings, styles, then the sheets in the workbook's tab order) and parsed with exceljs's
 * own part readers. exceljs's streaming WorkbookReader is not driven through its `parse()`: that walks the
 * ZIP front to back through unzipper and, for files whose sheets come before their shared strings (as
 * exceljs itself writes them), sometimes hands back a sheet with no rows (exceljs#1558, #3064: a race in
 * its stream iteration). Each part is decoded as UTF-8 across chunk boundaries, so a Chinese character
 * split between two inflated chunks is not garbled (exceljs decodes chunk by chunk).
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { cellLength, normalizeCell, type RawCell } from './cell-text';
import {
  ImportFileError,
  MAX_CELL_CHARS,
  MAX_DATA_ROWS,
  NOT_A_SPREADSHEET,
  TOO_MANY_ROWS,
  columnLetter,
} from './limits';
import { inspectXlsxZip, openZipPart } from './zip-inspect';

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

/** The part readers of exceljs's WorkbookReader that this module drives (exceljs 4.4.0, pinned). */
interface PartReaders {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, sheetNo: string): Iterable<{ eventType: string; value: SheetReader }>;
}

interface SheetReader extends AsyncIterable<{ number: number; values: unknown }> {
  name?: string;
}

/** A ZIP part as a stream of text, UTF-8 decoded across chunk boundaries. */
function partText(buf: Buffer, name: string): Readable | null {
  const bytes = openZipPart(buf, name);
  if (!bytes) return null;
  const decoder = new StringDecoder('utf8');
  return Readable.from(
    (async function* () {
      for await (const chunk of bytes) yield decoder.write(chunk as Buffer);
      const rest = decoder.end();
      if (rest) yield rest;
    })(),
  );
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The sheet parts in the workbook's tab order, as [part name, sheet number, sheet name]; hidden sheets left out. */
function sheetsInTabOrder(reader: PartReaders, partNames: string[]): [string, string, string][] {
  const targets = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, rel.Target]));
  const ordered: [string, string, string][] = [];
  for (const sheet of reader.model?.sheets ?? []) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
    const target = targets.get(sheet.rId) ?? '';
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const number = SHEET_PART.exec(part)?.[1];
    if (number && partNames.includes(part)) ordered.push([part, number, sheet.name]);
  }
  if (ordered.length > 0) return ordered;
  // A workbook without usable relationships: its sheet parts by number.
  return partNames
    .map((part) => [part, SHEET_PART.exec(part)?.[1]] as const)
    .filter((p): p is readonly [string, string] => p[1] !== undefined)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map(([part, number]) => [part, number, '']);
}

/** The first visible worksheet that is not the 说明 sheet, ready to be read row by row. */
async function openDataSheet(buf: Buffer, partNames: string[]): Promise<SheetReader | null> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as PartReaders;
  const rels = partText(buf, 'xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  const workbook = partText(buf, 'xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(workbook);
  const strings = partText(buf, 'xl/sharedStrings.xml');
  if (strings) for await (const event of reader._parseSharedStrings(strings)) void event;
  const styles = partText(buf, 'xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const sheet = sheetsInTabOrder(reader, partNames).find(([, , name]) => name !== INSTRUCTIONS_SHEET);
  const text = sheet && partText(buf, sheet[0]);
  if (!sheet || !text) return null;
  for (const { eventType, value } of reader._parseWorksheet(text, sheet[1])) {
    if (eventType === 'worksheet') return value;
  }
  return null;
}

/**
 * The rows of the first visible worksheet that is not the 说明 sheet (the first row being its header), blank
 * rows dropped. Throws ImportFileError for a file that is not an XLSX, has more than `maxDataRows` data rows,
 * or a cell longer than `maxCellChars`.
 */
export async function readXlsxRows(
  buf: Buffer,
  limits: { maxDataRows?: number; maxCellChars?: number } = {},
): Promise<SheetRow[]> {
  const maxRows = limits.maxDataRows ?? MAX_DATA_ROWS;
  const maxCell = limits.maxCellChars ?? MAX_CELL_CHARS;
  const check = await inspectXlsxZip(buf);
  if (!check.ok) {
    throw new ImportFileError(
      check.reason === 'too_large' ? '文件解压后过大，请分批导入' : NOT_A_SPREADSHEET,
      check.reason === 'too_large' ? 'too_large' : 'invalid',
    );
  }
  const rows: SheetRow[] = [];
  try {
    const sheet = await openDataSheet(buf, check.entries);
    if (!sheet) throw new ImportFileError(NOT_A_SPREADSHEET);
    for await (const row of sheet) {
      const cells: RawCell[] = [];
      const values: unknown = row.values;
      const list = Array.isArray(values) ? values : [];
      const width = Math.min(list.length - 1, MAX_COLUMNS);
      for (let col = 1; col <= width; col += 1) {
        const cell = normalizeCell(list[col]);
        if (cellLength(cell) > maxCell) {
          throw new ImportFileError(
            `第 ${row.number} 行 ${columnLetter(col)} 列的内容超过 ${maxCell} 个字符，请检查后重新上传`,
          );
        }
        cells.push(cell);
      }
      if (isBlank(cells)) continue;
      // rows[0] is the header: more than header + maxRows is refused without reading further.
      if (rows.length > maxRows) throw new ImportFileError(TOO_MANY_ROWS, 'too_large');
      rows.push({ row: row.number, cells });
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(NOT_A_SPREADSHEET);
  }
  return rows;
}
