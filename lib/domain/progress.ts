/**
 * Expected progress (序时进度) and completion. Without phasing, progress is linear in time
 * ("时间过半、任务过半"); with a monthly or quarterly phasing (分解目标) the phased values rule.
 * Precision: shares (fractions) are rounded to 6 decimals, values to 4 decimals, half away from zero.
 */
import { traitsOf } from './kind-traits';
import type { Direction, IndicatorKind } from './types';
import { roundTo } from './decimal';
import { validatePhasing, type Phasing as PhasingOf } from './phasing';

/** A phasing with numeric values, as progress computes with them (the rules and their check: ./phasing). */
export interface PhasingValue {
  month: number;
  value: number;
}
export type Phasing = PhasingOf<PhasingValue>;

/** The phasing rules live in ./phasing (exact); re-exported where progress code and its tests look for them. */
export { validatePhasing };

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
  if (traitsOf(kind).cumulativeToDate) {
    expected = isUsable(args.phasing) && target !== 0 ? (phased ?? 0) : (target * month) / 12;
  } else if (phased !== null) {
    expected = phased;
  } else if (traitsOf(kind).fromBaseline && baseline !== null && baseline !== undefined && Number.isFinite(baseline)) {
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
  if (traitsOf(kind).comparedInPoints || actual === null || target === null || target === 0) return null;
  if (!Number.isFinite(actual) || !Number.isFinite(target)) return null;
  return roundTo(actual / target, FRACTION_DECIMALS);
}
