/** The values an export writes, shared by the CSV and XLSX writers: text, figures (numbers) and blanks. */

/** A figure kept as its exact decimal text; writers put it out as a number, never as text. */
export interface FigureCell {
  readonly figure: string;
}

export type ExportValue = string | number | FigureCell | null;

const DECIMAL_RE = /^-?\d{1,20}(\.\d{1,12})?$/;

/** A stored decimal ("900.000000") as a figure cell ("900"); null or anything not a plain decimal stays as is. */
export function figureCell(decimal: string | null | undefined): ExportValue {
  if (decimal === null || decimal === undefined) return null;
  const text = decimal.trim();
  if (!DECIMAL_RE.test(text)) return text;
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return { figure: trimmed === '-0' ? '0' : trimmed };
}

export function isFigureCell(value: ExportValue): value is FigureCell {
  return typeof value === 'object' && value !== null;
}

/** The numeric text of a number or figure cell, or null when the value is text, blank or not finite. */
export function numericText(value: ExportValue): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (isFigureCell(value)) return value.figure;
  return null;
}

const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2025-03-05 14:03:22" in Asia/Shanghai; blank for null. */
export function shanghaiTime(date: Date | null | undefined): string | null {
  if (!date) return null;
  return SHANGHAI.format(date);
}
