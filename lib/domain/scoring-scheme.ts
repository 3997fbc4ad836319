/**
 * A 考核 scheme as the admin writes it: every problem named (the two levels of weights each adding to 100, rules
 * fitting their indicators, caps not below zero), and a body stored before area weights read in today's shape.
 * Pure.
 */
import { decimalText, decimalToNumber, roundTo } from './decimal';
import { DIRECTION_LABELS, KIND_LABELS, SCORING_RULE_LABELS } from './labels';
import {
  ruleFits,
  SCORING_RULES,
  type LegacySchemeBody,
  type SchemeBody,
  type ScoredIndicator,
  type StoredSchemeBody,
} from './scoring';
import { WORK_AREAS, type AreaSlug } from './types';

const num = (s: string | null | undefined) => decimalToNumber(s ?? null);
const plain = (n: number) => decimalText(n, 4);
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
