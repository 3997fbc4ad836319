/**
 * Reporting periods (year + month) and entry deadlines, in Asia/Shanghai.
 * Shanghai is UTC+8 all year (no DST), so local dates are computed with a fixed offset,
 * never with the host's time zone. The clock is always passed in.
 */
import type { Frequency } from './types';

export interface Period {
  year: number;
  /** 1–12 */
  month: number;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_PERIOD_INPUT_LENGTH = 20;

/** Default day of the following month by which a period's figures are due. */
export const DEFAULT_DUE_DAY = 5;

/** True for an integer year 1000–9999 and an integer month 1–12. */
export function isValidPeriod(p: Period): boolean {
  return (
    Number.isInteger(p.year) &&
    p.year >= 1000 &&
    p.year <= 9999 &&
    Number.isInteger(p.month) &&
    p.month >= 1 &&
    p.month <= 12
  );
}

/** Parses "2025-03", "2025-3", "2025/3" or "2025年3月"; null for anything else, including month 0 or 13. */
export function parsePeriod(s: string): Period | null {
  if (typeof s !== 'string' || s.length > MAX_PERIOD_INPUT_LENGTH) return null;
  const text = s.trim();
  const m = /^(\d{4})[-/](\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月?$/.exec(text);
  if (!m) return null;
  const p = { year: Number(m[1]), month: Number(m[2]) };
  return isValidPeriod(p) ? p : null;
}

/** "2025-03": four-digit year, two-digit month (URL and sort friendly). */
export function formatPeriod(p: Period): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** "2025年3月": the label shown to people. */
/** The period as a URL's query string (`?year=…&month=…`, either part left out when absent; empty without both). */
export function periodSearch(params: { year?: number; month?: number }): string {
  const parts: string[] = [];
  if (params.year) parts.push(`year=${params.year}`);
  if (params.month) parts.push(`month=${params.month}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export function formatPeriodLabel(p: Period): string {
  return `${p.year}年${p.month}月`;
}

/** Quarter 1–4 of a month 1–12 (month 3 → 1, month 4 → 2). */
export function quarterOf(month: number): number {
  return Math.ceil(month / 3);
}

/** Months since year 0: year × 12 + month − 1, so consecutive months differ by 1 across a year end. */
export function periodIndex(p: Period): number {
  return p.year * 12 + p.month - 1;
}

/** Inverse of `periodIndex`. */
export function periodFromIndex(index: number): Period {
  const year = Math.floor(index / 12);
  return { year, month: index - year * 12 + 1 };
}

/** Negative when a is earlier than b, 0 when equal, positive when later (usable as a sort comparator). */
export function comparePeriods(a: Period, b: Period): number {
  return periodIndex(a) - periodIndex(b);
}

/** The period n months later (n may be negative); crosses year ends (2025-12 + 1 → 2026-01). */
export function addMonths(p: Period, n: number): Period {
  return periodFromIndex(periodIndex(p) + n);
}

/** The month before (January → December of the previous year). */
export function previousPeriod(p: Period): Period {
  return addMonths(p, -1);
}

/** The Asia/Shanghai calendar month containing the instant `now` (UTC+8 fixed offset, host TZ ignored). */
export function currentPeriod(now: Date): Period {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/** Whole Shanghai calendar days since 1970-01-01 of the instant `now`: changes exactly at Shanghai midnight, when deadlines end. */
export function shanghaiDayNumber(now: Date): number {
  return Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The Shanghai calendar day (as a UTC-midnight timestamp) on which period p's figures are due; dueDay clamped to 1..month length. */
function dueDateStartMs(p: Period, dueDay: number): number {
  const next = addMonths(p, 1);
  const day = Math.min(Math.max(Math.trunc(dueDay), 1), daysInMonth(next.year, next.month));
  return Date.UTC(next.year, next.month - 1, day);
}

/** The instant the deadline ends: day `dueDay` of the month after p at 24:00 +08:00 (dueDay clamped to the month's length). */
export function entryDeadline(p: Period, dueDay: number = DEFAULT_DUE_DAY): Date {
  return new Date(dueDateStartMs(p, dueDay) + DAY_MS - SHANGHAI_OFFSET_MS);
}

/** True when nothing was submitted and `now` is at or after the end of the deadline (`entryDeadline`). */
export function isOverdue(args: { period: Period; now: Date; dueDay?: number; hasSubmission: boolean }): boolean {
  if (args.hasSubmission) return false;
  return args.now.getTime() >= entryDeadline(args.period, args.dueDay ?? DEFAULT_DUE_DAY).getTime();
}

/** Whole Shanghai calendar days from today to the due day: 0 on the due day itself, 1 the day before, −1 the day after. */
export function daysUntilDeadline(p: Period, now: Date, dueDay: number = DEFAULT_DUE_DAY): number {
  const todayStart = shanghaiDayNumber(now) * DAY_MS;
  return Math.round((dueDateStartMs(p, dueDay) - todayStart) / DAY_MS);
}

const MONTHS_BY_FREQUENCY: Record<Frequency, readonly number[]> = {
  monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  quarterly: [3, 6, 9, 12],
  annual: [12],
};

/** Months in which a figure is due: monthly → 1..12, quarterly → 3, 6, 9, 12, annual → 12 (a fresh array). */
export function monthsOfFrequency(frequency: Frequency): number[] {
  return [...MONTHS_BY_FREQUENCY[frequency]];
}

/** True when an indicator of this frequency reports for `month` (quarterly: quarter-end months only). */
export function isDueMonth(frequency: Frequency, month: number): boolean {
  return MONTHS_BY_FREQUENCY[frequency].includes(month);
}
