/**
 * Expected progress (序时进度) and completion. Without phasing, progress is linear in time
 * ("时间过半、任务过半"); with a monthly or quarterly phasing (分解目标) the phased values rule.
 * Precision: shares (fractions) are rounded to 6 decimals, values to 4 decimals, half away from zero.
 */
import type { Direction, IndicatorKind } from './types';
import { roundTo } from './decimal';
import { formatNumber } from './format';

export interface PhasingValue {
  month: number;
  value: number;
}

/**
 * monthly: a value per month; quarterly: months 3, 6, 9, 12 only. For cumulative/milestone kinds each value is the
 * cumulative-to-date target; for level/rate kinds it is the level or rate expected at that month.
 */
export interface Phasing {
  kind: 'none' | 'monthly' | 'quarterly';
  values: PhasingValue[];
}

export const FRACTION_DECIMALS = 6;
export const VALUE_DECIMALS = 4;

function clampMonth(month: number): number {
  return Math.min(Math.max(month, 0), 12);
}

function isUsable(p: Phasing | null | undefined): p is Phasing {
  return p !== null && p !== undefined && p.kind !== 'none' && p.values.length > 0;
}

/** The phased value at the last phased month ≤ month, unrounded; null without phasing or before the first phased month. */
export function phasedValueAt(phasing: Phasing | null | undefined, month: number): number | null {
  if (!isUsable(phasing)) return null;
  let best: PhasingValue | null = null;
  for (const v of phasing.values) {
    if (v.month <= month && Number.isFinite(v.value) && (best === null || v.month > best.month)) best = v;
  }
  return best === null ? null : best.value;
}

function rawExpectedFraction(month: number, phasing: Phasing | null | undefined, target: number | null): number {
  const m = clampMonth(month);
  if (!isUsable(phasing) || target === null || target === 0 || !Number.isFinite(target)) return m / 12;
  return (phasedValueAt(phasing, m) ?? 0) / target;
}

/** Share of the annual target due by the end of `month` (6 decimals): month/12, or phased cumulative ÷ target (0 before the first phase; target 0 → linear). */
export function expectedFraction(args: { month: number; phasing?: Phasing | null; target: number | null }): number {
  return roundTo(rawExpectedFraction(args.month, args.phasing, args.target), FRACTION_DECIMALS);
}

/**
 * Value expected by the end of `month` (4 decimals); null without a target.
 * cumulative/milestone: target × expected share; level: phased value, else linear from baseline (prior December)
 * to target, else the target; rate: phased value, else the target.
 */
export function expectedToDate(args: {
  kind: IndicatorKind;
  month: number;
  target: number | null;
  baseline?: number | null;
  phasing?: Phasing | null;
}): number | null {
  const { kind, target, baseline } = args;
  if (target === null || !Number.isFinite(target)) return null;
  const month = clampMonth(args.month);
  const phased = phasedValueAt(args.phasing, month);
  let expected: number;
  if (kind === 'cumulative' || kind === 'milestone') {
    expected = isUsable(args.phasing) && target !== 0 ? (phased ?? 0) : (target * month) / 12;
  } else if (phased !== null) {
    expected = phased;
  } else if (kind === 'level' && baseline !== null && baseline !== undefined && Number.isFinite(baseline)) {
    expected = baseline + ((target - baseline) * month) / 12;
  } else {
    expected = target;
  }
  return roundTo(expected, VALUE_DECIMALS);
}

/**
 * actual ÷ target (6 decimals) for cumulative/level/milestone; null for a rate (compared in points), or when either is
 * missing or the target is 0. Lower-is-better (a ceiling): still actual ÷ target, so above 1 means over the ceiling.
 */
export function completion(args: {
  kind: IndicatorKind;
  direction: Direction;
  actual: number | null;
  target: number | null;
}): number | null {
  const { kind, actual, target } = args;
  if (kind === 'rate' || actual === null || target === null || target === 0) return null;
  if (!Number.isFinite(actual) || !Number.isFinite(target)) return null;
  return roundTo(actual / target, FRACTION_DECIMALS);
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

const show = (n: number) => formatNumber(n, { maxDecimals: 4 });

/**
 * Checks a phasing against its annual target; Chinese messages name the month, all problems joined by "；".
 * Months ascending without repeats (quarterly: 3, 6, 9, 12 only; gaps allowed); December required and equal to the
 * target within 1e-9 relative; cumulative/milestone values never decrease.
 */
export function validatePhasing(args: {
  kind: IndicatorKind;
  target: number;
  phasing: Phasing;
}): { ok: true } | { ok: false; message: string; messages: string[] } {
  const { kind, target, phasing } = args;
  if (phasing.kind === 'none') return { ok: true };
  const errors: string[] = [];
  const isCumulative = kind === 'cumulative' || kind === 'milestone';
  const allowed = phasing.kind === 'quarterly' ? [3, 6, 9, 12] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  if (phasing.values.length === 0) errors.push('分解目标：未填写任何月份');

  let previous: PhasingValue | null = null;
  for (const v of phasing.values) {
    if (!allowed.includes(v.month)) {
      errors.push(
        phasing.kind === 'quarterly'
          ? `分解目标：按季度分解只能填写3、6、9、12月，不能填写${String(v.month)}月`
          : `分解目标：月份 ${String(v.month)} 无效（应为1–12月）`,
      );
      continue;
    }
    if (!Number.isFinite(v.value)) {
      errors.push(`分解目标：${v.month}月的值不是有效数字`);
      continue;
    }
    if (previous !== null && v.month <= previous.month) {
      errors.push(`分解目标：${v.month}月应排在${previous.month}月之后，且每月只能填写一次`);
    } else if (previous !== null && isCumulative && v.value < previous.value) {
      errors.push(
        `分解目标：${v.month}月的累计值 ${show(v.value)} 小于${previous.month}月的 ${show(previous.value)}，累计值不能减少`,
      );
    }
    previous = v;
  }

  const december = phasing.values.find((v) => v.month === 12);
  const what = isCumulative ? '累计值' : '目标值';
  if (phasing.values.length > 0 && december === undefined) {
    errors.push(`分解目标：缺少12月的${what}（应等于全年目标 ${show(target)}）`);
  } else if (december !== undefined && Number.isFinite(december.value) && !sameValue(december.value, target)) {
    errors.push(`分解目标：12月的${what} ${show(december.value)} 与全年目标 ${show(target)} 不一致`);
  }
  return errors.length === 0 ? { ok: true } : { ok: false, message: errors.join('；'), messages: errors };
}
