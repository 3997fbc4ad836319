/**
 * Year on year (同比) and period on period (环比). Changes are rounded to 4 decimals.
 * A rate or any percent-valued indicator (森林覆盖率 27.97%) is compared in percentage points (个百分点);
 * everything else as a relative change in percent. A change the report states is data and wins over any
 * computed one; a computed change carries how it was computed.
 */
import { traitsOf } from './kind-traits';
import type { ChangeBasis, ChangeUnit, IndicatorKind } from './types';
import { roundTo } from './decimal';
import { formatNumber } from './format';

export interface Change {
  change: number;
  unit: ChangeUnit;
}

/** A change the report states, with its words ("增长17.7%", "提高1.15个百分点", "同比多增82亿元"). */
export interface StatedChange extends Change {
  basis: ChangeBasis;
  text: string;
}

/**
 * A change as shown: `stated` (the report's own figure), `computed` (from two entered figures) or `estimated`
 * (推算: from figures the report gives no change for, or from a derived figure). `method` says how, in Chinese.
 */
export interface ShownChange extends Change {
  source: 'stated' | 'computed' | 'estimated';
  text?: string;
  method?: string;
}

/** One side of a computed change. */
export interface ChangeInput {
  value: number | null;
  isDerived?: boolean;
  derivedNote?: string | null;
  /** A figure published in the report (its change, if any, is stated there; any other is an estimate). */
  isReported?: boolean;
}

/** True when changes are in percentage points: a rate, or a figure measured in percent. */
export function isPercentValued(kind: IndicatorKind, unit: string | undefined): boolean {
  return traitsOf(kind).comparedInPoints || unit === '%';
}

const CHANGE_DECIMALS = 4;

function finite(n: number | null | undefined): n is number {
  return n !== null && n !== undefined && Number.isFinite(n);
}

function compareValues(
  kind: IndicatorKind,
  unit: string | undefined,
  current: number | null | undefined,
  prior: number | null | undefined,
): Change | null {
  if (!finite(current) || !finite(prior)) return null;
  if (isPercentValued(kind, unit)) return { change: roundTo(current - prior, CHANGE_DECIMALS), unit: 'points' };
  if (prior === 0) return null;
  return { change: roundTo(((current - prior) / Math.abs(prior)) * 100, CHANGE_DECIMALS), unit: 'percent' };
}

/** Two values of one indicator to compare: its kind and unit decide points or percent. */
interface CompareArgs {
  kind: IndicatorKind;
  unit?: string;
  current: number | null;
  prior: number | null;
}

/**
 * 同比 (4 decimals): a rate or a percent-valued figure → current − prior in points; others → (current − prior) ÷ |prior|
 * × 100 percent; null if missing or prior 0.
 */
export function yearOnYear(args: CompareArgs): Change | null {
  return compareValues(args.kind, args.unit, args.current, args.prior);
}

/** 环比, same conventions as yearOnYear; for a cumulative YTD series pass the months' increments (see monthIncrement). */
export function periodOnPeriod(args: CompareArgs): Change | null {
  return compareValues(args.kind, args.unit, args.current, args.prior);
}

/**
 * The change to show between `prior` and `current`: the stated one when the report gives it; else the computed one,
 * `estimated` (推算) when either side is derived or published without this change, with its formula and the notes of
 * any derived side as `method`; null when neither is available. `priorLabel` names the prior side ("上年", "2020年").
 */
export function changeToShow(args: {
  kind: IndicatorKind;
  unit: string;
  stated?: StatedChange | null;
  current: ChangeInput | null;
  prior: ChangeInput | null;
  priorLabel: string;
}): ShownChange | null {
  if (args.stated) {
    const { change, unit, text } = args.stated;
    return { change, unit, source: 'stated', text };
  }
  const { current, prior } = args;
  const base = compareValues(args.kind, args.unit, current?.value, prior?.value);
  if (!base || !current || !prior || current.value === null || prior.value === null) return null;
  const cur = formatNumber(current.value, { maxDecimals: 4 });
  const pri = formatNumber(prior.value, { maxDecimals: 4 });
  const result = formatNumber(Math.abs(base.change), { maxDecimals: 1 });
  const sign = base.change > 0 ? '+' : base.change < 0 ? '−' : '';
  const formula =
    base.unit === 'points'
      ? `${cur}% − ${args.priorLabel}${pri}% = ${sign}${result}个百分点`
      : `(${cur} − ${args.priorLabel}${pri}) ÷ ${pri} × 100% ≈ ${sign}${result}%`;
  const notes = [current, prior].flatMap((side) => (side.isDerived && side.derivedNote ? [side.derivedNote] : []));
  const estimated = [current, prior].some((side) => side.isDerived || side.isReported);
  return {
    ...base,
    source: estimated ? 'estimated' : 'computed',
    method: [formula, ...notes].join('；'),
  };
}

/** A cumulative indicator's own-month figure (4 decimals): YTD(m) − YTD(m−1), January = YTD(1); null if either month is missing. */
export function monthIncrement(series: readonly { month: number; value: number }[], month: number): number | null {
  const at = (m: number) => {
    const p = series.find((s) => s.month === m);
    return p !== undefined && Number.isFinite(p.value) ? p.value : null;
  };
  const current = at(month);
  if (current === null) return null;
  if (month === 1) return roundTo(current, CHANGE_DECIMALS);
  const prior = at(month - 1);
  return prior === null ? null : roundTo(current - prior, CHANGE_DECIMALS);
}

/** The prior-year figure implied by a reported growth rate: current ÷ (1 + growth%/100), 4 decimals; show it as derived (推算). */
export function priorFromGrowth(current: number, growthPercent: number): number | null {
  const factor = 1 + growthPercent / 100;
  if (!Number.isFinite(current) || !Number.isFinite(factor) || factor === 0) return null;
  return roundTo(current / factor, CHANGE_DECIMALS);
}
