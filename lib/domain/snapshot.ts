/**
 * One indicator at one period: its figure, target, expected-to-date value, status, YoY and forecast,
 * assembled from plain rows. Pure: the caller passes `now` and the settings.
 */
import { traitsOf } from './kind-traits';
import { changeToShow, type ShownChange, type StatedChange } from './compare';
import { decimalToNumber } from './decimal';
import { forecastYearEnd } from './forecast';
import { isDueMonth, isOverdue, type Period } from './period';
import { completion, expectedToDate, type Phasing } from './progress';
import { computeStatus, type Tolerances } from './status';
import type { Direction, Frequency, IndicatorKind, PhasingKind, ProgressStatus, Qualifier } from './types';

export interface SnapshotIndicator {
  kind: IndicatorKind;
  /** The unit: a percent-valued indicator changes in percentage points. */
  unit?: string;
  direction: Direction;
  frequency: Frequency;
  milestoneTotal: string | null;
}

export interface SnapshotFigure {
  year: number;
  month: number;
  value: string | null;
  valueText: string | null;
  qualifier: Qualifier;
  isSample: boolean;
  isDerived: boolean;
  derivedNote?: string | null;
  /** Published in the report (it has a source sentence). */
  isReported?: boolean;
  /** The change the report states for this figure, if any. */
  statedChange?: StatedChange | null;
}

export interface SnapshotTarget {
  value: string | null;
  qualifier: Qualifier;
  phasing: PhasingKind;
  baseline: string | null;
  phases: { month: number; value: string }[];
  isSample: boolean;
}

export interface IndicatorSnapshot {
  /** The latest figure of the year at or before the period's month. */
  figure: SnapshotFigure | null;
  /** The figure of the same month a year earlier (December for annual indicators). */
  prior: SnapshotFigure | null;
  target: SnapshotTarget | null;
  /** The month the status refers to (the figure's month, or the period's month when none). */
  asOfMonth: number;
  expected: number | null;
  completion: number | null;
  status: ProgressStatus;
  gapPoints: number | null;
  /** 同比: the report's stated change, else computed from the prior year's figure (marked 推算 where estimated). */
  yoy: ShownChange | null;
  forecast: { value: number; willMeet: boolean | null; method: string } | null;
  /** Monthly series of the year up to the period (for sparklines and charts). */
  series: { month: number; value: number }[];
  isSample: boolean;
}

export function toPhasing(target: SnapshotTarget | null): Phasing | undefined {
  if (!target || target.phasing === 'none') return undefined;
  return {
    kind: target.phasing,
    values: target.phases.map((p) => ({ month: p.month, value: Number(p.value) })),
  };
}

/** Latest due month of the frequency at or before `month` (0 when none yet: an annual indicator before December). */
export function lastDueMonth(frequency: Frequency, month: number): number {
  for (let m = month; m >= 1; m -= 1) if (isDueMonth(frequency, m)) return m;
  return 0;
}

/**
 * Assembles the snapshot. `figures` are the indicator's submitted/approved figures of the period's year
 * and the year before, in any order. Status: overdue when the latest due month has no figure and its
 * deadline has passed.
 */
export function buildSnapshot(args: {
  indicator: SnapshotIndicator;
  period: Period;
  figures: SnapshotFigure[];
  target: SnapshotTarget | null;
  now: Date;
  dueDay: number;
  tolerances?: Tolerances;
}): IndicatorSnapshot {
  const { indicator, period } = args;
  // A statement in words has no target, no progress and no status: it is shown as its words only.
  const isStatement = !traitsOf(indicator.kind).judged;
  const target = isStatement ? null : args.target;
  const ofYear = args.figures
    .filter((f) => f.year === period.year && f.month <= period.month)
    .sort((a, b) => a.month - b.month);
  const figure = ofYear.at(-1) ?? null;
  const dueMonth = lastDueMonth(indicator.frequency, period.month);
  const asOfMonth = figure?.month ?? (dueMonth || period.month);
  const priorMonth = indicator.frequency === 'annual' ? 12 : asOfMonth;
  const prior = args.figures.find((f) => f.year === period.year - 1 && f.month === priorMonth) ?? null;

  const targetValue = decimalToNumber(target?.value ?? null);
  const phasing = toPhasing(target);
  const baseline = decimalToNumber(target?.baseline ?? null) ?? undefined;
  const expected =
    targetValue === null
      ? null
      : expectedToDate({ kind: indicator.kind, month: asOfMonth, target: targetValue, baseline, phasing });
  const actualValue = decimalToNumber(figure?.value ?? null);
  // Only a planned indicator (one with a target this year) can be overdue.
  const missingDue =
    target !== null && dueMonth > 0 && (!figure || figure.month < dueMonth)
      ? isOverdue({
          period: { year: period.year, month: dueMonth },
          now: args.now,
          dueDay: args.dueDay,
          hasSubmission: false,
        })
      : false;
  const { status, gapPoints } = missingDue
    ? { status: 'overdue' as const, gapPoints: null }
    : computeStatus({
        kind: indicator.kind,
        direction: indicator.direction,
        actual: actualValue,
        target: targetValue,
        expected,
        isOverdue: false,
        tolerances: args.tolerances,
      });

  const series = ofYear
    .map((f) => ({ month: f.month, value: decimalToNumber(f.value) }))
    .filter((p): p is { month: number; value: number } => p.value !== null);
  const priorValue = decimalToNumber(prior?.value ?? null);
  return {
    figure,
    prior,
    target,
    asOfMonth,
    expected,
    completion:
      actualValue === null || targetValue === null
        ? null
        : completion({
            kind: indicator.kind,
            direction: indicator.direction,
            actual: actualValue,
            target: targetValue,
          }),
    status,
    gapPoints,
    yoy: isStatement ? null : yearOnYearOf(indicator, figure, prior, actualValue, priorValue),
    forecast:
      series.length && targetValue !== null
        ? forecastYearEnd({
            kind: indicator.kind,
            direction: indicator.direction,
            series,
            target: targetValue,
            phasing,
          })
        : null,
    series,
    isSample: Boolean(figure?.isSample || target?.isSample),
  };
}

function yearOnYearOf(
  indicator: SnapshotIndicator,
  figure: SnapshotFigure | null,
  prior: SnapshotFigure | null,
  actualValue: number | null,
  priorValue: number | null,
): ShownChange | null {
  const stated = figure?.statedChange?.basis === 'prior_year' ? figure.statedChange : null;
  const side = (f: SnapshotFigure | null, value: number | null) =>
    f ? { value, isDerived: f.isDerived, derivedNote: f.derivedNote ?? null, isReported: f.isReported ?? false } : null;
  return changeToShow({
    kind: indicator.kind,
    unit: indicator.unit ?? '',
    stated,
    current: side(figure, actualValue),
    prior: side(prior, priorValue),
    priorLabel: '上年',
  });
}
