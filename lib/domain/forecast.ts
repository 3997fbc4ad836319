/**
 * Year-end forecast (预计全年) from the year-to-date series. Values are rounded to 4 decimals.
 */
import { traitsOf } from './kind-traits';
import type { Direction, IndicatorKind } from './types';
import { roundTo } from './decimal';
import { phasedValueAt, type Phasing } from './progress';

export interface SeriesPoint {
  /** 1–12 */
  month: number;
  value: number;
}

export interface Forecast {
  /** Projected year-end value, 4 decimals. */
  value: number;
  /** Will the projection meet the target (up: ≥, down: ≤); null without a target. */
  willMeet: boolean | null;
  /** Short Chinese description of the method, shown beside the figure. */
  method: string;
  /** The latest month the projection rests on. */
  basedOnMonth: number;
}

export const FORECAST_METHODS = {
  december: '按12月实际值',
  pace: '按序时进度外推',
  trend: '按月度趋势线性外推',
  latestRate: '按最新累计增速',
} as const;

/** Finite points in months 1–12, one per month (the last given wins), sorted by month. */
function cleanSeries(series: readonly SeriesPoint[]): SeriesPoint[] {
  const byMonth = new Map<number, number>();
  for (const p of series) {
    if (Number.isInteger(p.month) && p.month >= 1 && p.month <= 12 && Number.isFinite(p.value))
      byMonth.set(p.month, p.value);
  }
  return [...byMonth.entries()].sort((a, b) => a[0] - b[0]).map(([month, value]) => ({ month, value }));
}

/** Least-squares line through the points, evaluated at month 12; one distinct month → its value. */
function trendAtDecember(points: readonly SeriesPoint[], fallback: number): number {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.month, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.month - meanX) * (p.value - meanY);
    sxx += (p.month - meanX) ** 2;
  }
  return sxx === 0 ? fallback : meanY + (sxy / sxx) * (12 - meanX);
}

/**
 * Projects the year end (4 decimals); null for an empty series. December's figure is the year end itself.
 * cumulative/milestone: latest YTD ÷ expected share (linear: × 12/month), a milestone capped at its target;
 * level: least-squares trend to month 12 (missing months fine); rate: the latest value.
 */
export function forecastYearEnd(args: {
  kind: IndicatorKind;
  direction: Direction;
  series: readonly SeriesPoint[];
  target: number | null;
  phasing?: Phasing | null;
}): Forecast | null {
  const points = cleanSeries(args.series);
  const latest = points[points.length - 1];
  if (latest === undefined) return null;
  const target = args.target !== null && Number.isFinite(args.target) ? args.target : null;

  let raw: number;
  let method: string;
  if (latest.month === 12) {
    raw = latest.value;
    method = FORECAST_METHODS.december;
  } else if (traitsOf(args.kind).forecast === 'pace') {
    const phased = target === null || target === 0 ? null : phasedValueAt(args.phasing, latest.month);
    // Nothing phased yet (or a zero phase): fall back to the linear pace rather than divide by zero.
    const share = phased !== null && target !== null && phased / target > 0 ? phased / target : latest.month / 12;
    raw = latest.value / share;
    if (traitsOf(args.kind).hasMilestoneTotal && target !== null && args.direction === 'up')
      raw = Math.min(raw, target);
    method = FORECAST_METHODS.pace;
  } else if (traitsOf(args.kind).forecast === 'trend') {
    raw = trendAtDecember(points, latest.value);
    method = FORECAST_METHODS.trend;
  } else {
    raw = latest.value;
    method = FORECAST_METHODS.latestRate;
  }

  const value = roundTo(raw, 4);
  const willMeet = target === null ? null : args.direction === 'down' ? value <= target : value >= target;
  return { value, willMeet, method, basedOnMonth: latest.month };
}
