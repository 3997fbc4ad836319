/**
 * What each indicator kind means for progress, status, forecasts and screens, as one row per kind: a new kind is one
 * row here (the Record over INDICATOR_KINDS does not compile without it), and code asks for the trait, never the kind.
 */
import type { IndicatorKind } from './types';

export interface KindTraits {
  /** Figures are running totals since January (1–m月累计): the expected path and phases are cumulative, never fall. */
  cumulativeToDate: boolean;
  /** Compared with the target in points, not as a share of it (a rate): no completion ratio, expected = target. */
  comparedInPoints: boolean;
  /** The target is a number of tasks that cannot be exceeded (任务类): a forecast is capped at the total. */
  hasMilestoneTotal: boolean;
  /** A stock read at a point in time: the expected path runs from the baseline (上年末) to the target. */
  fromBaseline: boolean;
  /** Judged at all: has a target, a status and counts (false: a statement in the report's words). */
  judged: boolean;
  /** Forecast at December: the run rate of the total so far, the monthly trend, or the latest figure as it is. */
  forecast: 'pace' | 'trend' | 'latest';
}

export const KIND_TRAITS: Record<IndicatorKind, KindTraits> = {
  cumulative: {
    cumulativeToDate: true,
    comparedInPoints: false,
    hasMilestoneTotal: false,
    fromBaseline: false,
    judged: true,
    forecast: 'pace',
  },
  level: {
    cumulativeToDate: false,
    comparedInPoints: false,
    hasMilestoneTotal: false,
    fromBaseline: true,
    judged: true,
    forecast: 'trend',
  },
  rate: {
    cumulativeToDate: false,
    comparedInPoints: true,
    hasMilestoneTotal: false,
    fromBaseline: false,
    judged: true,
    forecast: 'latest',
  },
  milestone: {
    cumulativeToDate: true,
    comparedInPoints: false,
    hasMilestoneTotal: true,
    fromBaseline: false,
    judged: true,
    forecast: 'pace',
  },
  qualitative: {
    cumulativeToDate: false,
    comparedInPoints: false,
    hasMilestoneTotal: false,
    fromBaseline: false,
    judged: false,
    forecast: 'latest',
  },
};

/** The traits of a kind (a function so call sites read as a question: `traitsOf(kind).judged`). */
export function traitsOf(kind: IndicatorKind): KindTraits {
  return KIND_TRAITS[kind];
}
