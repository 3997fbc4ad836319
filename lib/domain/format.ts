/**
 * Number formatting for people, Chinese convention: no grouping below 10000, thousands separators from 10000 up,
 * 万/亿 scaling of base units. Rounding is half away from zero on the decimal digits (see ./decimal).
 */
import { decimalToNumber, roundDecimalString, shiftDecimal, toDecimalString, toFixedDecimal } from './decimal';
import type { ChangeUnit } from './types';

/** Shown where there is no number to show. */
export const NO_VALUE = '—';

/** Units that read better scaled to 万/亿 (元 → 万元/亿元, 人 → 万人). */
export const BASE_UNITS: readonly string[] = ['元', '个', '户', '人', '家', '套', '项'];

function groupThousands(decimal: string): string {
  const negative = decimal.startsWith('-');
  const body = negative ? decimal.slice(1) : decimal;
  const [int = '0', frac] = body.split('.');
  const grouped = int.length >= 5 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  return `${negative ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** "1027", "12,345.6": rounds to maxDecimals (default 2) and trims trailing zeros; groups only from 10000; "—" when not a number. */
export function formatNumber(value: string | number, opts?: { maxDecimals?: number }): string {
  const decimal = toDecimalString(value);
  if (decimal === null) return NO_VALUE;
  const rounded = roundDecimalString(decimal, opts?.maxDecimals ?? 2);
  return rounded === null ? NO_VALUE : groupThousands(rounded);
}

/** Base units ≥ 1e8 → "x.xx亿<unit>", ≥ 1e4 → "x.xx万<unit>" (2 decimals, trimmed); other units as number + unit; "—" when not a number. */
export function formatScaled(value: string | number, unit: string): string {
  const decimal = toDecimalString(value);
  if (decimal === null) return NO_VALUE;
  const n = Math.abs(Number(decimal));
  if (BASE_UNITS.includes(unit) && n >= 1e4) {
    const inWan = roundDecimalString(shiftDecimal(decimal, -4) ?? '0', 2) ?? '0';
    // 99,999,999 元 rounds to 10000万元: show it as 1亿元 instead.
    if (n >= 1e8 || Math.abs(Number(inWan)) >= 1e4) {
      return `${formatNumber(shiftDecimal(decimal, -8) ?? '0')}亿${unit}`;
    }
    return `${groupThousands(inWan)}万${unit}`;
  }
  return `${formatNumber(decimal)}${unit}`;
}

/** A fraction as a percentage with fixed decimals (default 1): 0.523 → "52.3%", 0.5 → "50.0%"; "—" when not finite. */
export function formatPercent(fraction: number, decimals = 1): string {
  const asDecimal = toDecimalString(fraction);
  const pct = asDecimal === null ? null : decimalToNumber(shiftDecimal(asDecimal, 2));
  const fixed = pct === null ? null : toFixedDecimal(pct, decimals);
  return fixed === null ? NO_VALUE : `${fixed}%`;
}

function signed(n: number, decimals: number): string | null {
  const fixed = toFixedDecimal(n, decimals);
  if (fixed === null) return null;
  if (fixed.startsWith('-') || Number(fixed) === 0) return fixed;
  return `+${fixed}`;
}

/** A difference in percentage points with a sign and fixed decimals (default 1): "+1.2个百分点", "-0.5个百分点", "0.0个百分点". */
export function formatPoints(diff: number, decimals = 1): string {
  const s = signed(diff, decimals);
  return s === null ? NO_VALUE : `${s}个百分点`;
}

/** A relative change already in percent with a sign and fixed decimals (default 1): "+12.3%", "-4.0%", "0.0%". */
export function formatChange(pct: number, decimals = 1): string {
  const s = signed(pct, decimals);
  return s === null ? NO_VALUE : `${s}%`;
}

/**
 * A change with its sign and unit: percent "+17.7%", points "+1.15个百分点", absolute "+82亿元" (the indicator's unit).
 * `exact` keeps every stated digit (up to 4 decimals, trailing zeros trimmed), as a change the report states is shown;
 * otherwise fixed to 1 decimal. The minus sign is ASCII, as elsewhere.
 */
export function formatSignedChange(change: number, unit: ChangeUnit, indicatorUnit: string, exact = false): string {
  const body = exact ? formatNumber(Math.abs(change), { maxDecimals: 4 }) : toFixedDecimal(Math.abs(change), 1);
  if (body === null || body === NO_VALUE || !Number.isFinite(change)) return NO_VALUE;
  const sign = change > 0 && Number(body) !== 0 ? '+' : change < 0 && Number(body) !== 0 ? '-' : '';
  const suffix = unit === 'percent' ? '%' : unit === 'points' ? '个百分点' : indicatorUnit;
  return `${sign}${body}${suffix}`;
}
