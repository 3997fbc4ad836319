/**
 * 高质量发展绩效考核 scoring: a scheme (a weight per work area, the areas adding to 100; within each area a weight
 * per indicator, adding to 100 within the area; a rule per indicator fitting its kind, deductions and capped bonus
 * items) applied to approved figures. Pure. Every score carries its formula written out with the numbers used, so
 * a published score can be checked by hand. Subjects are departments (their own indicators) and units (县区: the
 * indicators tracked by unit, against the unit's own targets).
 */
import { decimalToNumber, roundTo, toFixedDecimal } from './decimal';
import { traitsOf } from './kind-traits';
import { DIRECTION_LABELS, KIND_LABELS, SCORING_RULE_LABELS } from './labels';
import { expectedToDate } from './progress';
import { WORK_AREAS, type AreaSlug, type Direction, type IndicatorKind } from './types';

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
const plain = (n: number) => toFixedDecimal(n, 4)?.replace(/\.?0+$/, '') || '0';
const areaLabel = (slug: string) => `「${WORK_AREAS.find((a) => a.slug === slug)?.name ?? slug}」`;

export function isLegacyScheme(body: StoredSchemeBody): body is LegacySchemeBody {
  return !('areas' in body) || !Array.isArray(body.areas);
}

/**
 * A legacy body in today's shape: each area weighs the sum of its items' points, each item its share of the area
 * in percent (two decimals, the area's last item taking the remainder so the area adds to exactly 100).
 * Items whose indicator has no area keep no area and are refused when the scheme is next saved.
 */
export function upgradeLegacyScheme(body: StoredSchemeBody, areaOf: (code: string) => AreaSlug | null): SchemeBody {
  if (!isLegacyScheme(body)) return body;
  const sums = new Map<AreaSlug, number>();
  for (const item of body.items) {
    const area = areaOf(item.indicatorCode);
    if (area) sums.set(area, roundTo((sums.get(area) ?? 0) + (num(item.weight) ?? 0), 6));
  }
  const given = new Map<AreaSlug, number>();
  const items = body.items.map((item) => {
    const area = areaOf(item.indicatorCode);
    const sum = area ? (sums.get(area) ?? 0) : 0;
    if (!area || sum <= 0) return item;
    const isLast = body.items.filter((i) => areaOf(i.indicatorCode) === area).at(-1) === item;
    const share = isLast ? roundTo(100 - (given.get(area) ?? 0), 2) : roundTo(((num(item.weight) ?? 0) / sum) * 100, 2);
    given.set(area, roundTo((given.get(area) ?? 0) + share, 2));
    return { ...item, weight: plain(share) };
  });
  const areas = WORK_AREAS.filter((a) => sums.has(a.slug)).map((a) => ({
    area: a.slug,
    weight: plain(sums.get(a.slug) ?? 0),
  }));
  return { ...body, areas, items };
}

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

/** Every problem of a scheme, each a Chinese sentence naming it; empty when the scheme can be stored. */
export function validateScheme(
  body: SchemeBody,
  indicators: ReadonlyMap<string, ScoredIndicator>,
  subjects: ReadonlySet<string>,
): string[] {
  const errors: string[] = [];
  if (body.items.length === 0) errors.push('方案至少应包含一个考核指标');
  errors.push(...validateAreas(body, indicators));
  const seen = new Set<string>();
  for (const item of body.items) {
    const ind = indicators.get(item.indicatorCode);
    const label = ind ? `「${ind.name}」` : `「${item.indicatorCode}」`;
    if (!ind) errors.push(`指标${label}不存在或已停用`);
    if (seen.has(item.indicatorCode)) errors.push(`指标${label}重复出现`);
    seen.add(item.indicatorCode);
    const weight = num(item.weight);
    if (weight === null || weight <= 0) errors.push(`指标${label}的「权重」应为大于 0 的数`);
    if (ind && !ind.area) errors.push(`指标${label}不属于七个主抓手，不能计分`);
    else if (ind?.area && !body.areas.some((a) => a.area === ind.area))
      errors.push(`指标${label}属于主抓手${areaLabel(ind.area)}，方案未设该主抓手的权重`);
    const ceiling = num(item.ceiling);
    if (ceiling === null) errors.push(`指标${label}的「计分上限」应为数字`);
    else if (ceiling < 0) errors.push(`指标${label}的「计分上限」不能小于 0（现为 ${item.ceiling}%）`);
    if (ind && !ruleFits(item.rule, ind)) {
      const fitting = SCORING_RULES.filter((r) => ruleFits(r, ind)).map((r) => `「${SCORING_RULE_LABELS[r]}」`);
      errors.push(
        `指标${label}是${KIND_LABELS[ind.kind]}指标（${DIRECTION_LABELS[ind.direction]}），不适用「${SCORING_RULE_LABELS[item.rule]}」规则` +
          (fitting.length ? `；可用：${fitting.join('、')}` : '；该类指标不参与计分'),
      );
    }
  }
  const nonNegative: [string | null | undefined, string][] = [
    [body.latePoints, '逾期报送每项扣分'],
    [body.returnedPoints, '数据退回每项扣分'],
    [body.deductionCap, '扣分上限'],
    [body.bonusCap, '加分上限'],
  ];
  for (const [value, field] of nonNegative) {
    const n = num(value);
    if (n === null) errors.push(`「${field}」应为数字`);
    else if (n < 0) errors.push(`「${field}」不能小于 0（现为 ${value}）`);
  }
  for (const bonus of body.bonuses) {
    const name = bonus.name.trim();
    if (!name) errors.push('加分项的「名称」不能为空');
    const points = num(bonus.points);
    if (points === null || points < 0) errors.push(`加分项「${name || '未命名'}」的「分值」应为不小于 0 的数`);
    for (const code of bonus.subjects)
      if (!subjects.has(code)) errors.push(`加分项「${name || '未命名'}」的单位「${code}」不存在`);
  }
  return errors;
}

/** The two levels of weights: areas known, once each, above 0 and adding to 100; each area's items adding to 100. */
function validateAreas(body: SchemeBody, indicators: ReadonlyMap<string, ScoredIndicator>): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  let total = 0;
  let readable = true;
  for (const a of body.areas) {
    const label = areaLabel(a.area);
    if (!WORK_AREAS.some((w) => w.slug === a.area)) errors.push(`主抓手${label}不存在`);
    if (seen.has(a.area)) errors.push(`主抓手${label}重复出现`);
    seen.add(a.area);
    const weight = num(a.weight);
    if (weight === null || weight <= 0) {
      errors.push(`主抓手${label}的「权重」应为大于 0 的数`);
      readable = false;
    } else total += weight;
    const own = body.items.filter((i) => indicators.get(i.indicatorCode)?.area === a.area);
    const weights = own.map((i) => num(i.weight));
    if (own.length === 0) errors.push(`主抓手${label}没有考核指标`);
    else if (weights.every((w) => w !== null && w > 0)) {
      const sum = roundTo(
        weights.reduce<number>((s, w) => s + (w ?? 0), 0),
        6,
      );
      if (sum !== 100) errors.push(`主抓手${label}内各指标「权重」合计应为 100，现为 ${plain(sum)}`);
    }
  }
  if (body.areas.length === 0 && body.items.length > 0) errors.push('方案至少应设一个主抓手的权重');
  else if (readable && body.areas.length > 0 && roundTo(total, 6) !== 100)
    errors.push(`各主抓手「权重」合计应为 100，现为 ${plain(roundTo(total, 6))}`);
  return errors;
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
