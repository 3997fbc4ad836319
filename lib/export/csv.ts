/**
 * CSV as Excel reads it safely: UTF-8 with a byte-order mark (so Chinese opens correctly), RFC 4180 quoting,
 * CRLF line ends, and text that Excel would run as a formula (= + - @ tab CR LF at the start, after blanks too, full-width forms included) neutralised
 * with a leading apostrophe. Figures are written as plain numbers and never neutralised (−3.5 stays a number).
 */
import { numericText, type ExportValue } from './cells';

export const CSV_BOM = '\uFEFF';
// Excel also starts a formula after leading blanks (spaces, the full-width space) and from the full-width
// (＝ ＋ － ＠) and small (﹦ ﹢ ﹣ ﹫) forms of the signs, which it folds to the ASCII ones.
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]|^[\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text that would start a formula in a spreadsheet, made inert with a leading apostrophe. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: numbers as they are; text neutralised, then quoted when it holds a quote, comma or line break. */
export function csvField(value: ExportValue): string {
  // Text first: most fields of an export are text (a million-row export calls this sixteen million times).
  if (typeof value === 'string') {
    const text = neutraliseText(value);
    return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }
  if (value === null) return '';
  return numericText(value) ?? '';
}

/** One record, CRLF-terminated. */
export function csvRecord(values: readonly ExportValue[]): string {
  let line = values.length ? csvField(values[0] ?? null) : '';
  for (let i = 1; i < values.length; i += 1) line += `,${csvField(values[i] ?? null)}`;
  return `${line}\r\n`;
}

/** Pads a record with blanks to `width` fields, so that every record of a file has the same number of fields. */
export function padRecord(values: readonly ExportValue[], width: number): ExportValue[] {
  return values.length >= width ? [...values] : [...values, ...Array<ExportValue>(width - values.length).fill(null)];
}
