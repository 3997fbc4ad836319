/**
 * 高质量发展绩效考核 scoring: a scheme (a weight per work area, the areas adding to 100; within each area a weight
 * per indicator, adding to 100 within the area; a rule per indicator fitting its kind, deductions and capped bonus
 * items) applied to approved figures. Pure. Every score carries its formula written out with the numbers used, so
 * a published score can be checked by hand. Subjects are departments (their own indicators) and units (县区: the
 * indicators tracked by unit, against the unit's own targets). A scheme's validation and the reading of a body stored
 * before area weights are ./scoring-scheme.ts.
 */
import { decimalText, decimalToNumber, roundTo, toFixedDecimal } from './decimal';
import { traitsOf } from './kind-traits';
import { expectedToDate } from './progress';
import type { AreaSlug, Direction, IndicatorKind } from './types';

export const SUBJECT_KINDS = ['department', 'unit'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const SCORING_RULES = ['completion', 'on_time', 'milestone', 'lower_better'] as const;
export type ScoringRule = (typeof SCORING_RULES)[number];

export interface SchemeArea {
  area: AreaSlug;
  /** Points of the 100: the areas of a scheme add to 100. */
  weight: string;
}

export interface SchemeItem {
  indicatorCode: string;
  /** Percent of its work area's weight: the items of an area add to 100. */
  weight: string;
  rule: ScoringRule;
  /** Highest ratio counted, percent (120 = a ratio counts up to 120%); unused by milestone. */
  ceiling: string;
}

export interface SchemeBonus {
  name: string;
  points: string;
  /** Subjects awarded the bonus (department codes). */
  subjects: string[];
}

export interface SchemeBody {
  areas: SchemeArea[];
  items: SchemeItem[];
  /** Points off per figure reported late (逾期未报). */
  latePoints: string;
  /** Points off per figure returned by the reviewer (退回). */
  returnedPoints: string;
  deductionCap: string;
  bonuses: SchemeBonus[];
  bonusCap: string;
}

/** A body stored before area weights existed (each item weighted in points of 100): kept as published. */
export type LegacySchemeBody = Omit<SchemeBody, 'areas'>;
export type StoredSchemeBody = SchemeBody | LegacySchemeBody;

export interface ScoredIndicator {
  code: string;
  name: string;
  kind: IndicatorKind;
  direction: Direction;
  /** The indicator's work area; null for one outside the seven (the 十四五 review's). */
  area: AreaSlug | null;
}

const num = (s: string | null | undefined) => decimalToNumber(s ?? null);
const f2 = (n: number) => toFixedDecimal(n, 2) ?? String(n);
const pct = (ratio: number) => `${f2(ratio * 100)}%`;
const plain = (n: number) => decimalText(n, 4);

/** An item's points of the 100: its area's weight × its share of the area. */
export function itemPoints(areaWeight: string, itemWeight: string): number {
  return roundTo(((num(areaWeight) ?? 0) * (num(itemWeight) ?? 0)) / 100, 4);
}

/** Does the rule fit an indicator of this kind and direction? */
export function ruleFits(rule: ScoringRule, indicator: Pick<ScoredIndicator, 'kind' | 'direction'>): boolean {
  const t = traitsOf(indicator.kind);
  if (!t.judged) return false;
  if (rule === 'milestone') return t.hasMilestoneTotal;
  if (t.hasMilestoneTotal) return false;
  if (rule === 'lower_better') return indicator.direction === 'down';
  if (indicator.direction === 'down') return false;
  return rule === 'completion' || t.cumulativeToDate;
}

export interface ItemInputs {
  target: string | null;
  /** Latest approved figure of the year and its month. */
  actual: string | null;
  month: number | null;
  baseline?: string | null;
  milestoneTotal?: string | null;
}

export interface ItemScore {
  score: number;
  /** The ratio counted (after the ceiling); null for milestone and missing data. */
  ratio: number | null;
  formula: string;
}

interface Weight {
  points: number;
  /** Both levels written out: 主抓手权重 40 × 指标权重 25%. */
  text: string;
}

function capped(weight: Weight, ratio: number, ceilingPercent: number, ratioText: string): ItemScore {
  const counted = Math.max(0, Math.min(roundTo(ratio, 4), ceilingPercent / 100));
  const score = roundTo(weight.points * counted, 2);
  const cap =
    ratio > ceilingPercent / 100 ? `，超过上限按 ${plain(ceilingPercent)}% 计` : `（上限 ${plain(ceilingPercent)}%）`;
  return {
    score,
    ratio: counted,
    formula: `${ratioText} = ${pct(roundTo(ratio, 4))}${cap}；得分 = ${weight.text} × ${pct(counted)} = ${f2(score)}`,
  };
}

/**
 * The score of one indicator under its rule, with the formula in words and numbers: its points (area weight ×
 * its share of the area) times the ratio counted.
 */
export function scoreItem(
  item: SchemeItem,
  areaWeight: string,
  indicator: ScoredIndicator,
  inputs: ItemInputs,
): ItemScore {
  const points = itemPoints(areaWeight, item.weight);
  const weight: Weight = {
    points,
    text: `主抓手权重 ${plain(num(areaWeight) ?? 0)} × 指标权重 ${plain(num(item.weight) ?? 0)}%`,
  };
  const ceiling = num(item.ceiling) ?? 100;
  const target = num(inputs.target);
  const actual = num(inputs.actual);
  if (actual === null || inputs.month === null) return { score: 0, ratio: null, formula: '无已审核实绩，得 0 分' };
  if (item.rule === 'milestone') {
    const total = num(inputs.milestoneTotal) ?? target;
    if (total === null) return { score: 0, ratio: null, formula: '无任务总数或年度目标，得 0 分' };
    const done = actual >= total;
    return {
      score: done ? roundTo(points, 2) : 0,
      ratio: null,
      formula: done
        ? `已完成 ${plain(actual)} / ${plain(total)} 项，得满分 = ${weight.text} = ${f2(points)}`
        : `未完成（${plain(actual)} / ${plain(total)} 项），得 0 分`,
    };
  }
  if (target === null || target === 0) return { score: 0, ratio: null, formula: '无年度目标，得 0 分' };
  if (item.rule === 'completion')
    return capped(weight, actual / target, ceiling, `完成率 = 实绩 ${plain(actual)} ÷ 目标 ${plain(target)}`);
  if (item.rule === 'lower_better') {
    if (actual <= 0) return capped(weight, ceiling / 100, ceiling, `实绩 ${plain(actual)} 不高于 0，反向完成率按上限`);
    return capped(weight, target / actual, ceiling, `反向完成率 = 目标 ${plain(target)} ÷ 实绩 ${plain(actual)}`);
  }
  const expected = expectedToDate({
    kind: indicator.kind,
    month: inputs.month,
    target,
    baseline: num(inputs.baseline ?? null),
  });
  if (expected === null || expected === 0) return { score: 0, ratio: null, formula: '序时目标为 0，得 0 分' };
  const exp = `序时目标 = ${plain(target)} × ${inputs.month}/12 = ${plain(expected)}；`;
  const scored = capped(weight, actual / expected, ceiling, `序时完成率 = 实绩 ${plain(actual)} ÷ ${plain(expected)}`);
  return { ...scored, formula: exp + scored.formula };
}

export interface SubjectInputs {
  /** Each item's points of the 100 (itemPoints) and its score. */
  items: { points: string; score: number }[];
  lateCount: number;
  returnedCount: number;
  bonuses: { name: string; points: string }[];
}

export interface SubjectScore {
  base: number;
  deduction: number;
  bonus: number;
  total: number;
  formula: string;
}

/** A subject's score: Σ item scores ÷ Σ its items' points × 100, less capped deductions, plus capped bonuses. */
export function scoreSubject(
  scheme: Pick<SchemeBody, 'latePoints' | 'returnedPoints' | 'deductionCap' | 'bonusCap'>,
  inputs: SubjectInputs,
): SubjectScore {
  const weights = roundTo(
    inputs.items.reduce((s, i) => s + (num(i.points) ?? 0), 0),
    4,
  );
  const sum = roundTo(
    inputs.items.reduce((s, i) => s + i.score, 0),
    2,
  );
  const base = weights > 0 ? roundTo((sum / weights) * 100, 2) : 0;
  const late = num(scheme.latePoints) ?? 0;
  const returned = num(scheme.returnedPoints) ?? 0;
  const rawDeduction = roundTo(inputs.lateCount * late + inputs.returnedCount * returned, 2);
  const deduction = Math.min(rawDeduction, num(scheme.deductionCap) ?? 0);
  const rawBonus = roundTo(
    inputs.bonuses.reduce((s, b) => s + (num(b.points) ?? 0), 0),
    2,
  );
  const bonus = Math.min(rawBonus, num(scheme.bonusCap) ?? 0);
  const total = roundTo(base - deduction + bonus, 2);
  const scores = inputs.items.map((i) => f2(i.score)).join(' + ') || '0';
  const bonusNames = inputs.bonuses.map((b) => `${b.name} ${plain(num(b.points) ?? 0)}`).join(' + ') || '0';
  const formula = [
    `基础分 = (${scores}) ÷ 权重合计 ${plain(weights)} × 100 = ${f2(base)}`,
    `扣分 = min(逾期 ${inputs.lateCount} 项 × ${plain(late)} + 退回 ${inputs.returnedCount} 项 × ${plain(returned)}, 上限 ${scheme.deductionCap}) = ${f2(deduction)}`,
    `加分 = min(${bonusNames}, 上限 ${scheme.bonusCap}) = ${f2(bonus)}`,
    `总分 = ${f2(base)} − ${f2(deduction)} + ${f2(bonus)} = ${f2(total)}`,
  ].join('；');
  return { base, deduction, bonus, total, formula };
}

/** Competition ranks by total, highest first (equal totals share a rank: 1, 1, 3). */
export function rankTotals(totals: readonly number[]): number[] {
  return totals.map((t) => 1 + totals.filter((o) => o > t).length);
}
