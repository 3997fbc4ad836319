/**
 * The words people see for the catalogue's codes: one wording each, used by pages, forms, messages and exports.
 * Records over the domain's tuples, so a new code without its word does not compile.
 */
import type { Direction, Frequency, IndicatorKind, PlanType } from './types';

export const KIND_LABELS: Record<IndicatorKind, string> = {
  cumulative: '累计值',
  level: '时点值',
  rate: '比率/增速',
  milestone: '任务类',
  qualitative: '定性表述',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = { monthly: '月度', quarterly: '季度', annual: '年度' };

export const DIRECTION_LABELS: Record<Direction, string> = { up: '越高越好', down: '越低越好' };

export const PLAN_TYPE_LABELS: Record<PlanType, string> = { expected: '预期性', binding: '约束性' };
