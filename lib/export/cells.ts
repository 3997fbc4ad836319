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

/** Asia/Shanghai from the time zone database: the reference shanghaiTime's arithmetic is tested against. */
export const SHANGHAI_CLOCK = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Asia/Shanghai has been UTC+8 without daylight saving since 1991-09-15 (02:00 local, when the last one ended). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const FIXED_OFFSET_FROM = Date.UTC(1991, 8, 14, 17);
const FIXED_OFFSET_UNTIL = Date.UTC(9999, 11, 31, 15, 59, 59, 999);

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * "2025-03-05 14:03:22" in Asia/Shanghai; blank for null. Times since 1991-09-15 are shifted by the fixed
 * offset and turned into a calendar date by arithmetic (the days-to-civil algorithm of H. Hinnant): an export
 * formats a million of them, and Intl's formatter cost more than writing the rest of the row. Older times
 * ask the time zone database.
 */
export function shanghaiTime(date: Date | null | undefined): string | null {
  return date ? shanghaiTimeOfMs(date.getTime()) : null;
}

/** shanghaiTime of a time given in milliseconds since 1970 (UTC). */
export function shanghaiTimeOfMs(ms: number): string {
  if (!(ms >= FIXED_OFFSET_FROM && ms <= FIXED_OFFSET_UNTIL)) return SHANGHAI_CLOCK.format(new Date(ms));
  const seconds = Math.floor((ms + SHANGHAI_OFFSET_MS) / 1000);
  const days = Math.floor(seconds / 86_400);
  const inDay = seconds - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(inDay / 3600);
  const minute = Math.floor((inDay - hour * 3600) / 60);
  return `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}:${two(inDay % 60)}`;
}
