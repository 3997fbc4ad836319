/**
 * Year on year (同比) and period on period (环比). Changes are rounded to 4 decimals.
 * A rate is compared in points (4.5% vs 4.0% → +0.5 point); everything else as a relative change in percent.
 */
import type { IndicatorKind } from './types';
import { roundTo } from './decimal';

export interface Change {
  change: number;
  unit: 'percent' | 'points';
}

const CHANGE_DECIMALS = 4;

function finite(n: number | null | undefined): n is number {
  return n !== null && n !== undefined && Number.isFinite(n);
}

function compareValues(kind: IndicatorKind, current: number | null | undefined, prior: number | null | undefined): Change | null {
  if (!finite(current) || !finite(prior)) return null;
  if (kind === 'rate') return { change: roundTo(current - prior, CHANGE_DECIMALS), unit: 'points' };
  if (prior === 0) return null;
  return { change: roundTo(((current - prior) / Math.abs(prior)) * 100, CHANGE_DECIMALS), unit: 'percent' };
}

/** 同比 (4 decimals): rate → current − prior in points; others → (current − prior) ÷ |prior| × 100 percent; null if missing or prior 0. */
export function yearOnYear(args: { kind: IndicatorKind; current: number | null; prior: number | null }): Change | null {
  return compareValues(args.kind, args.current, args.prior);
}

/** 环比, same conventions as yearOnYear; for a cumulative YTD series pass the months' increments (see monthIncrement). */
export function periodOnPeriod(args: { kind: IndicatorKind; current: number | null; prior: number | null }): Change | null {
  return compareValues(args.kind, args.current, args.prior);
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
