/**
 * Spreadsheet cells as text, the way a person reads them in Excel: numbers to 15 significant digits
 * (so a formula's 0.30000000000000004 reads 0.3), rich text joined, formula results, dates kept as dates
 * (a period cell Excel turned into a date is read back as its year and month).
 */
import { numberToDecimalString } from '@/lib/domain/decimal';

/** A cell after normalisation: text, or a date (only a period column makes sense of it). */
export type RawCell = string | Date;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Number → decimal text as Excel shows it (15 significant digits, no exponent). */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return numberToDecimalString(Number(n.toPrecision(15))) ?? String(n);
}

/** Normalises an exceljs cell value (string, number, boolean, Date, rich text, formula, hyperlink, error). */
export function normalizeCell(value: unknown): RawCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value;
  if (isRecord(value)) {
    if (Array.isArray(value.richText)) {
      return value.richText
        .map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
        .join('');
    }
    if ('formula' in value || 'sharedFormula' in value) return normalizeCell(value.result);
    if (typeof value.text === 'string') return value.text;
    if (typeof value.error === 'string') return value.error;
  }
  return '';
}

/** The text of a normalised cell; a date becomes "YYYY-MM-DD" (its UTC calendar day, as Excel stores it). */
export function cellToText(cell: RawCell): string {
  if (typeof cell === 'string') return cell;
  return cell.toISOString().slice(0, 10);
}

/** A period cell: "2026-03" from a date Excel made of it, else the text as typed. */
export function cellToPeriodText(cell: RawCell): string {
  if (typeof cell === 'string') return cell;
  return `${cell.getUTCFullYear()}-${String(cell.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Length of a cell as the limit counts it (characters of its text). */
export function cellLength(cell: RawCell): number {
  return typeof cell === 'string' ? cell.length : 10;
}
