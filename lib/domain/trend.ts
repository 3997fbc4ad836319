/**
 * The rows of an indicator's trend chart: one per due month of the year, with the figure, last year's figure,
 * the expected (序时进度) path, the annual target and the projection to December. Charts draw these as given.
 */
import { monthsOfFrequency } from './period';
import { expectedToDate, type Phasing } from './progress';
import type { Frequency, IndicatorKind } from './types';

export interface TrendRow {
  month: number;
  /** This year's figure (null: none, or after the period's month). */
  actual: number | null;
  /** Last year's figure of the same month. */
  prior: number | null;
  /** Value expected by the end of the month (4 decimals), null without a target. */
  expected: number | null;
  /** The annual target (a flat line). */
  target: number | null;
  /** The projection: the latest figure at its month, the forecast at December; null elsewhere. */
  projection: number | null;
}

export interface TrendPoint {
  year: number;
  month: number;
  value: number | null;
}

/**
 * Rows for the due months of the frequency (monthly 1–12, quarterly 3/6/9/12, annual 12). Figures after
 * `throughMonth` of `year` are left out. The projection runs from the latest figure to the forecast only when the
 * latest figure is before December and a forecast is given.
 */
export function buildTrendRows(args: {
  kind: IndicatorKind;
  frequency: Frequency;
  year: number;
  throughMonth: number;
  figures: readonly TrendPoint[];
  target: number | null;
  baseline?: number | null;
  phasing?: Phasing | null;
  forecast?: number | null;
}): TrendRow[] {
  const valueAt = (year: number, month: number) => {
    const point = args.figures.find((f) => f.year === year && f.month === month);
    return point?.value !== null && point?.value !== undefined && Number.isFinite(point.value) ? point.value : null;
  };
  const months = monthsOfFrequency(args.frequency);
  const rows: TrendRow[] = months.map((month) => ({
    month,
    actual: month <= args.throughMonth ? valueAt(args.year, month) : null,
    prior: valueAt(args.year - 1, month),
    expected: expectedToDate({
      kind: args.kind,
      month,
      target: args.target,
      baseline: args.baseline ?? null,
      phasing: args.phasing ?? null,
    }),
    target: args.target !== null && Number.isFinite(args.target) ? args.target : null,
    projection: null,
  }));
  const latest = [...rows].reverse().find((r) => r.actual !== null);
  const forecast = args.forecast;
  if (latest && latest.month < 12 && forecast !== null && forecast !== undefined && Number.isFinite(forecast)) {
    latest.projection = latest.actual;
    const december = rows.find((r) => r.month === 12);
    if (december) december.projection = forecast;
  }
  return rows;
}
