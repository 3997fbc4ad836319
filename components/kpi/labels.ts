/** Words for the catalogue's codes, as shown to people. */
import type { Direction, Frequency, IndicatorKind, PlanType } from '@/lib/domain/types';

export const KIND_LABELS: Record<IndicatorKind, string> = {
  cumulative: '累计值',
  level: '时点值',
  rate: '比率/增速',
  milestone: '任务类',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = { monthly: '按月', quarterly: '按季', annual: '按年' };

export const DIRECTION_LABELS: Record<Direction, string> = { up: '越高越好', down: '越低越好' };

export const PLAN_TYPE_LABELS: Record<PlanType, string> = { expected: '预期性', binding: '约束性' };
