/**
 * Traffic-light status (红黄绿灯), computed from actual vs expected progress, never stored.
 * Gaps are rounded to 4 decimals before they are compared, so float noise cannot flip a boundary.
 */
import { traitsOf } from './kind-traits';
import type { Direction, IndicatorKind, ProgressStatus } from './types';
import { roundTo } from './decimal';

export interface Tolerances {
  /** Percentage points of the target a cumulative/level/milestone indicator may lag and stay yellow; default 10. */
  progressPoints: number;
  /** Points a rate may lag and stay yellow; default 0.5. */
  ratePoints: number;
}

export const DEFAULT_TOLERANCES: Tolerances = { progressPoints: 10, ratePoints: 0.5 };

export const STATUS_LABELS: Record<ProgressStatus, string> = {
  green: '正常',
  yellow: '预警',
  red: '滞后',
  grey: '暂无数据',
  overdue: '逾期未报',
};

/**
 * Worst first, for sorting lists of indicators: red (behind by a tolerance or more) before overdue (no figure yet,
 * so possibly on track), then yellow, grey (nothing due yet), green.
 */
export const STATUS_ORDER: readonly ProgressStatus[] = ['red', 'overdue', 'yellow', 'grey', 'green'];

/** Position in STATUS_ORDER (0 = worst), for use as a sort key. */
export function statusSeverity(status: ProgressStatus): number {
  return STATUS_ORDER.indexOf(status);
}

export interface StatusResult {
  status: ProgressStatus;
  /** How far ahead (+) or behind (−): points of the target (non-rate) or rate points (rate); null without a basis. */
  gapPoints: number | null;
}

const GAP_DECIMALS = 4;

function finiteOrNull(n: number | null | undefined): number | null {
  return n === null || n === undefined || !Number.isFinite(n) ? null : n;
}

function classify(gap: number, tolerance: number): ProgressStatus {
  if (gap >= 0) return 'green';
  return gap > -tolerance ? 'yellow' : 'red';
}

/**
 * Status and gap (4 decimals). No actual → overdue/grey; no target → grey. Non-rates: gap = (actual − expected) ÷ |target|
 * × 100 points; rates: actual − expected. Lower-is-better inverts the sign. Green ≥ 0, yellow within the tolerance,
 * exactly −tolerance is red. Target 0 (non-rate): green iff actual is on the good side of expected, else red, gap null.
 * A rate with no expected value is compared with its target.
 */
export function computeStatus(args: {
  kind: IndicatorKind;
  direction: Direction;
  actual: number | null;
  target: number | null;
  expected: number | null;
  isOverdue: boolean;
  tolerances?: Partial<Tolerances>;
}): StatusResult {
  const actual = finiteOrNull(args.actual);
  const target = finiteOrNull(args.target);
  if (actual === null) return { status: args.isOverdue ? 'overdue' : 'grey', gapPoints: null };
  if (target === null) return { status: 'grey', gapPoints: null };
  const expected = finiteOrNull(args.expected) ?? (traitsOf(args.kind).comparedInPoints ? target : null);
  if (expected === null) return { status: 'grey', gapPoints: null };

  const tolerances = { ...DEFAULT_TOLERANCES, ...args.tolerances };
  const sign = args.direction === 'down' ? -1 : 1;

  if (traitsOf(args.kind).comparedInPoints) {
    const gap = roundTo(sign * (actual - expected), GAP_DECIMALS);
    return { status: classify(gap, tolerances.ratePoints), gapPoints: gap };
  }
  if (target === 0) {
    return { status: sign * (actual - expected) >= 0 ? 'green' : 'red', gapPoints: null };
  }
  const gap = roundTo((sign * (actual - expected) * 100) / Math.abs(target), GAP_DECIMALS);
  return { status: classify(gap, tolerances.progressPoints), gapPoints: gap };
}
