/**
 * The city figure of an indicator tracked by unit (分解到县区), made from its units' figures by one rule, and the
 * check that a rule fits the indicator's kind. Pure and exact (millionths). A roll-up never shows a partial sum as
 * the whole: while a counted unit has no figure it says which are missing instead.
 */
import { divideMicros, fromMicros, toMicros } from './exact6';
import { traitsOf } from './kind-traits';
import type { IndicatorKind, RollupRule } from './types';

export const ROLLUP_RULE_LABELS: Record<RollupRule, string> = {
  sum: '各县区数据求和',
  entered: '市级直接填报（不由县区汇总）',
  weighted: '按权重指标加权平均',
  all_done: '全部县区完成即完成',
};

export interface RollupUnit {
  id: number;
  name: string;
}

export type RollupResult =
  /** The city figure is entered at city level: nothing to roll up. */
  | { state: 'entered'; text: string }
  | { state: 'complete'; value: string; text: string; done?: boolean }
  | { state: 'incomplete'; missing: string[]; text: string }
  | { state: 'refused'; text: string };

export interface RollupInput {
  rule: RollupRule;
  /** The units that make up the city (districts and counties), in display order. */
  units: readonly RollupUnit[];
  /** Each unit's figure (decimal string) by unit id; absent or null = not reported. */
  values: ReadonlyMap<number, string | null>;
  /** weighted: each unit's weight (the weight indicator's figure) by unit id. */
  weights?: ReadonlyMap<number, string | null>;
  /** all_done: the figure at which a unit's milestone is done, by unit id (its own target)… */
  unitTotals?: ReadonlyMap<number, string | null>;
  /** …or else the indicator's milestone total. */
  milestoneTotal?: string | null;
  weightName?: string | null;
}

function missingOf(units: readonly RollupUnit[], map: ReadonlyMap<number, string | null>): RollupUnit[] {
  return units.filter((u) => {
    const v = map.get(u.id);
    return v === undefined || v === null || toMicros(v) === null;
  });
}

function incomplete(missing: RollupUnit[], what: string): RollupResult {
  const names = missing.map((u) => u.name);
  return { state: 'incomplete', missing: names, text: `${names.join('、')}尚无${what}，全市数据暂不汇总` };
}

/** The city figure by `rule` from the units' figures. */
export function rollUp(input: RollupInput): RollupResult {
  const { rule, units, values } = input;
  if (rule === 'entered') return { state: 'entered', text: ROLLUP_RULE_LABELS.entered };
  if (units.length === 0) return { state: 'refused', text: '没有参与汇总的县区' };
  const missing = missingOf(units, values);
  if (missing.length) return incomplete(missing, '本期数据');
  const micros = units.map((u) => toMicros(values.get(u.id) ?? '') ?? 0n);

  if (rule === 'sum') {
    const total = micros.reduce((a, b) => a + b, 0n);
    return { state: 'complete', value: fromMicros(total), text: `${units.length}个县区数据之和` };
  }

  if (rule === 'weighted') {
    if (!input.weights) return { state: 'refused', text: '按权重汇总须指定权重指标；未指定时只能由市级直接填报' };
    const noWeight = missingOf(units, input.weights);
    if (noWeight.length) return incomplete(noWeight, `权重（${input.weightName ?? '权重指标'}）数据`);
    const weights = units.map((u) => toMicros(input.weights?.get(u.id) ?? '') ?? 0n);
    if (weights.some((w) => w < 0n)) return { state: 'refused', text: '权重不能为负数' };
    const weightSum = weights.reduce((a, b) => a + b, 0n);
    if (weightSum === 0n) return { state: 'refused', text: '各县区权重合计为0，无法加权' };
    // Σ(vᵢ·wᵢ) has 12 places; ÷ Σw (6 places) gives 6 places back.
    const products = micros.reduce((sum, v, i) => sum + v * (weights[i] ?? 0n), 0n);
    const mean = divideMicros(products, weightSum * 1_000_000n);
    return {
      state: 'complete',
      value: fromMicros(mean),
      text: `以${input.weightName ?? '权重指标'}加权的${units.length}个县区平均值`,
    };
  }

  // all_done: a unit is done at its own target (or the indicator's total); the city when every unit is.
  const totals = units.map((u) => toMicros(input.unitTotals?.get(u.id) ?? input.milestoneTotal ?? ''));
  if (totals.some((t) => t === null))
    return { state: 'refused', text: '任务类指标须设定完成标准（任务总数）才能判断是否全部完成' };
  const notDone = units.filter((_, i) => (micros[i] ?? 0n) < (totals[i] ?? 0n));
  const doneCount = units.length - notDone.length;
  if (notDone.length === 0) {
    return {
      state: 'complete',
      value: input.milestoneTotal ?? fromMicros(micros.reduce((a, b) => (b < a ? b : a))),
      done: true,
      text: `${units.length}个县区全部完成`,
    };
  }
  return {
    state: 'complete',
    value: fromMicros(micros.reduce((a, b) => (b < a ? b : a))),
    done: false,
    text: `${units.length}个县区中${doneCount}个已完成，未全部完成（${notDone.map((u) => u.name).join('、')}未完成）；取进度最慢的县区`,
  };
}

/**
 * Whether `rule` fits an indicator of `kind` (null when it does): sums for cumulative counts and amounts and for
 * stocks; a rate is entered at city level or weighted by a named weight indicator that is itself tracked by unit;
 * a milestone is done when every unit's is. A statement in words is never tracked by unit.
 */
export function checkRollupRule(args: {
  kind: IndicatorKind;
  rule: RollupRule;
  weight?: { kind: IndicatorKind; trackedByUnit: boolean; name: string } | null;
}): string | null {
  const { kind, rule, weight } = args;
  if (!traitsOf(kind).judged) return '定性表述类指标没有数据，不能按县区填报';
  if (rule === 'entered') return weight ? '「市级直接填报」不需要权重指标' : null;
  if (rule === 'sum') {
    if (traitsOf(kind).comparedInPoints) return '比率类指标不能求和：请选择「市级直接填报」或「按权重指标加权平均」';
    if (traitsOf(kind).hasMilestoneTotal) return '任务类指标不能求和：请选择「全部县区完成即完成」';
    return weight ? '「求和」不需要权重指标' : null;
  }
  if (rule === 'weighted') {
    if (!traitsOf(kind).comparedInPoints) return '只有比率类指标可按权重加权平均';
    if (!weight) return '比率类指标按权重汇总须指定权重指标；没有权重时请选择「市级直接填报」';
    if (!weight.trackedByUnit) return `权重指标「${weight.name}」未按县区填报，不能作为权重`;
    if (traitsOf(weight.kind).comparedInPoints) return `权重指标「${weight.name}」是比率，不能作为权重`;
    return null;
  }
  if (!traitsOf(kind).hasMilestoneTotal) return '「全部县区完成即完成」只适用于任务类指标';
  return weight ? '「全部县区完成即完成」不需要权重指标' : null;
}
