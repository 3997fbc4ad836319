/**
 * Handing a city's annual target down to its units (分解到县区): the check of what the administrator entered.
 * Shares of a summed indicator must add up to the city target exactly; a rate may instead be given one floor every
 * unit must reach ("各县区不低于X"). Messages in Chinese name the unit and the problem. Pure and exact.
 */
import { fromMicros, toMicros } from './exact6';
import { traitsOf } from './kind-traits';
import type { IndicatorKind, Qualifier, RollupRule } from './types';

export type DecompositionInput =
  { mode: 'shares'; shares: { unitCode: string; value: string }[] } | { mode: 'min_each'; value: string };

export interface DecompositionUnit {
  id: number;
  code: string;
  name: string;
  /** Counted in the city's roll-up (a district or county). */
  counted: boolean;
}

export interface DecomposedRow {
  unitId: number;
  value: string;
  qualifier: Extract<Qualifier, 'exact' | 'at_least'>;
}

export type DecompositionResult =
  { ok: true; rows: DecomposedRow[] } | { ok: false; messages: string[]; message: string };

function fail(messages: string[]): DecompositionResult {
  return { ok: false, messages, message: messages.join('；') };
}

/** True when the units' shares must add up to the city target: summed kinds. */
export function sharesMustAddUp(rule: RollupRule): boolean {
  return rule === 'sum';
}

export function validateDecomposition(args: {
  kind: IndicatorKind;
  rule: RollupRule;
  /** The city's annual target (decimal string); null when none is set. */
  cityTarget: string | null;
  units: readonly DecompositionUnit[];
  input: DecompositionInput;
}): DecompositionResult {
  const { kind, rule, units, input } = args;
  if (input.mode === 'min_each') {
    if (!traitsOf(kind).comparedInPoints)
      return fail(['「各县区不低于」只适用于比率类指标；其他指标请逐个县区填写分解目标']);
    const floor = toMicros(input.value);
    if (floor === null) return fail([`「各县区不低于」的值「${input.value}」不是有效数字`]);
    if (floor < 0n) return fail([`「各县区不低于」的值不能为负数（${input.value}）`]);
    return { ok: true, rows: units.map((u) => ({ unitId: u.id, value: fromMicros(floor), qualifier: 'at_least' })) };
  }

  const byCode = new Map(units.map((u) => [u.code, u]));
  const errors: string[] = [];
  const seen = new Set<string>();
  const rows: DecomposedRow[] = [];
  let total = 0n;
  for (const share of input.shares) {
    const unit = byCode.get(share.unitCode);
    if (!unit) {
      errors.push(`县区「${share.unitCode}」不存在`);
      continue;
    }
    if (seen.has(unit.code)) {
      errors.push(`「${unit.name}」重复填写`);
      continue;
    }
    seen.add(unit.code);
    const value = toMicros(share.value);
    if (value === null) {
      errors.push(`「${unit.name}」的分解目标「${share.value}」不是有效数字`);
      continue;
    }
    if (value < 0n) {
      errors.push(`「${unit.name}」的分解目标不能为负数（${share.value}）`);
      continue;
    }
    if (unit.counted) total += value;
    rows.push({ unitId: unit.id, value: fromMicros(value), qualifier: 'exact' });
  }
  if (rows.length === 0 && errors.length === 0) errors.push('未填写任何县区的分解目标');
  if (errors.length) return fail(errors);

  if (sharesMustAddUp(rule)) {
    const missing = units.filter((u) => u.counted && !seen.has(u.code));
    if (missing.length)
      return fail([`按求和汇总的指标须分解到每个县区，缺少：${missing.map((u) => u.name).join('、')}`]);
    if (args.cityTarget === null) return fail(['全市年度目标尚未设定，不能按份额分解']);
    const city = toMicros(args.cityTarget);
    if (city === null) return fail(['全市年度目标不是数字，不能按份额分解']);
    if (total !== city) {
      const diff = total - city;
      return fail([
        `各县区分解目标合计 ${fromMicros(total)}，与全市目标 ${fromMicros(city)} 不一致（${diff > 0n ? '多' : '少'} ${fromMicros(diff < 0n ? -diff : diff)}）`,
      ]);
    }
  }
  return { ok: true, rows };
}
