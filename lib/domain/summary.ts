/**
 * Summaries of many indicators' snapshots for the dashboards: status counts, worst-first order, the
 * progress of a work area, and one indicator's progress bar. Pure; shares are fractions, 6 decimals.
 */
import { traitsOf } from './kind-traits';
import { KIND_LABELS } from './labels';
import { roundTo } from './decimal';
import { STATUS_LABELS, statusSeverity } from './status';
import { PROGRESS_STATUSES, type Direction, type IndicatorKind, type ProgressStatus } from './types';

export type StatusCounts = Record<ProgressStatus, number>;

const SHARE_DECIMALS = 6;

/** How many items have each status (every status present, 0 when none). */
export function countStatuses(items: readonly { status: ProgressStatus }[]): StatusCounts {
  const counts = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/** Comparator, worst first: status severity (red, overdue, yellow, grey, green), then the larger lag first. */
export function compareWorstFirst(
  a: { status: ProgressStatus; gapPoints: number | null },
  b: { status: ProgressStatus; gapPoints: number | null },
): number {
  return statusSeverity(a.status) - statusSeverity(b.status) || (a.gapPoints ?? 0) - (b.gapPoints ?? 0);
}

/** The indicators that need attention (red, overdue, yellow), worst first, at most `limit`; input order breaks ties. */
export function worstOf<T extends { status: ProgressStatus; gapPoints: number | null }>(
  items: readonly T[],
  limit: number,
): T[] {
  return items
    .filter((v) => v.status === 'red' || v.status === 'overdue' || v.status === 'yellow')
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compareWorstFirst(a.item, b.item) || a.index - b.index)
    .slice(0, Math.max(0, limit))
    .map((x) => x.item);
}

export interface ProgressItem {
  kind: IndicatorKind;
  direction: Direction;
  /** actual ÷ target (see progress.completion). */
  completion: number | null;
  expected: number | null;
  target: number | null;
}

export interface ProgressSummary {
  /** Mean of min(completion, 1) over the counted indicators; null when none counts. */
  completion: number | null;
  /** Mean of expected ÷ target over the same indicators (序时进度 of the group). */
  expected: number | null;
  /** How many indicators entered the means. */
  counted: number;
}

function isCountable(item: ProgressItem): item is ProgressItem & { completion: number; target: number } {
  return (
    !traitsOf(item.kind).comparedInPoints &&
    item.direction === 'up' &&
    item.completion !== null &&
    Number.isFinite(item.completion) &&
    item.target !== null &&
    item.target > 0
  );
}

/**
 * A group's completion (6 decimals): the mean of each higher-is-better, non-rate indicator's completion capped at 1,
 * so one indicator far ahead cannot hide another behind; rates (points) and ceilings (lower-is-better) are left out.
 * `expected` is the mean expected share of the same indicators.
 */
export function summarizeProgress(items: readonly ProgressItem[]): ProgressSummary {
  const counted = items.filter(isCountable);
  if (counted.length === 0) return { completion: null, expected: null, counted: 0 };
  const completion = counted.reduce((sum, v) => sum + Math.min(Math.max(v.completion, 0), 1), 0) / counted.length;
  const withExpected = counted.filter((v) => v.expected !== null && Number.isFinite(v.expected));
  const expected = withExpected.length
    ? withExpected.reduce((sum, v) => sum + Math.min(Math.max((v.expected ?? 0) / v.target, 0), 1), 0) /
      withExpected.length
    : null;
  return {
    completion: roundTo(completion, SHARE_DECIMALS),
    expected: expected === null ? null : roundTo(expected, SHARE_DECIMALS),
    counted: counted.length,
  };
}

export interface ProgressShares {
  /** actual ÷ target, 6 decimals, not capped (1.2 = 120%). */
  actual: number | null;
  /** expected ÷ target, 6 decimals. */
  expected: number | null;
}

/**
 * One indicator's bar (6 decimals): actual and expected as shares of the annual target; null for a rate (compared in
 * points) or without a positive target. For a ceiling (lower-is-better) the same shares read "used of the ceiling".
 */
export function progressShares(args: {
  kind: IndicatorKind;
  actual: number | null;
  expected: number | null;
  target: number | null;
}): ProgressShares | null {
  const { kind, actual, expected, target } = args;
  if (traitsOf(kind).comparedInPoints || target === null || !Number.isFinite(target) || target <= 0) return null;
  const share = (v: number | null) => (v === null || !Number.isFinite(v) ? null : roundTo(v / target, SHARE_DECIMALS));
  return { actual: share(actual), expected: share(expected) };
}

/** The status as words: grey with a figure but no target reads 未设目标 (nothing to compare with), else the label. */
/** Whether an indicator is judged at all: a statement in the report's words (qualitative) has no status and no count. */
export function isJudged(item: { kind: IndicatorKind }): boolean {
  return traitsOf(item.kind).judged;
}

/** The status in words; a statement in words is 不评价 (no completion claim to judge). */
export function statusLabel(args: {
  status: ProgressStatus;
  hasFigure: boolean;
  hasTarget: boolean;
  kind?: IndicatorKind;
}): string {
  if (args.kind !== undefined && !traitsOf(args.kind).judged) return KIND_LABELS[args.kind];
  if (args.status === 'grey' && args.hasFigure && !args.hasTarget) return '未设目标';
  return STATUS_LABELS[args.status];
}

/** A group's colour for its completion bar: red if any indicator is red, yellow if any is yellow or overdue, else green (grey with none). */
export function groupStatus(counts: StatusCounts): ProgressStatus {
  if (counts.red > 0) return 'red';
  if (counts.yellow > 0 || counts.overdue > 0) return 'yellow';
  return counts.green > 0 ? 'green' : 'grey';
}

/** Whether a change reads as better or worse for the indicator's direction; null for no change or none at all. */
export function changeQuality(change: { change: number } | null, direction: Direction): 'better' | 'worse' | null {
  if (!change || change.change === 0 || !Number.isFinite(change.change)) return null;
  return change.change > 0 === (direction === 'up') ? 'better' : 'worse';
}
