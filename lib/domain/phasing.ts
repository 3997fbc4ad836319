/**
 * Phasing (分解目标) of an annual target: its rules, in one place and exact on decimals (BigInt on ten-thousandths,
 * the 4 places figures are stored with), for the server's check (`validatePhasing`) and the target form's live check
 * (`checkPhasing`, which speaks in what each period adds and then applies the same rules).
 * Cumulative-to-date kinds (KIND_TRAITS) are phased by running totals that never fall; the others by the value
 * expected at each period end. Either way December must equal the annual target.
 */
import { roundDecimalString, toFixedDecimal } from './decimal';
import { scaledToText } from './exact6';
import { parseFigure } from './figure-parse';
import { formatNumber } from './format';
import { traitsOf } from './kind-traits';
import type { IndicatorKind, PhasingKind } from './types';

export interface PhasingValue {
  month: number;
  /** A number or a decimal string; compared at 4 decimal places. */
  value: number | string;
}

/**
 * monthly: a value per month; quarterly: months 3, 6, 9, 12 only. For cumulative/milestone kinds each value is the
 * cumulative-to-date target; for level/rate kinds it is the level or rate expected at that month.
 */
export interface Phasing<V extends PhasingValue = PhasingValue> {
  kind: PhasingKind;
  values: V[];
}

const SCALE = 10_000n;
const PLACES = 4;

export const PHASE_MONTHS: Record<PhasingKind, readonly number[]> = {
  none: [],
  monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  quarterly: [3, 6, 9, 12],
};

/** The months a phasing has values for (a fresh array). */
export function phaseMonths(phasing: PhasingKind): number[] {
  return [...PHASE_MONTHS[phasing]];
}

/** True when a kind is phased by what each period adds (its values are running totals). */
export function isAdditive(kind: IndicatorKind): boolean {
  return traitsOf(kind).cumulativeToDate;
}

/** A canonical decimal string (≤ 4 places) as an integer of ten-thousandths. */
export function toScaled(value: string): bigint {
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = value.replace(/^-/, '').split('.');
  const scaled = BigInt(int) * SCALE + BigInt((frac + '0000').slice(0, PLACES));
  return negative ? -scaled : scaled;
}

export function fromScaled(n: bigint): string {
  return scaledToText(n, PLACES);
}

/** A number or decimal string rounded (half away from zero) to 4 places, scaled; null when not a finite decimal. */
function scaledOf(value: number | string): bigint | null {
  const text = typeof value === 'number' ? toFixedDecimal(value, PLACES) : roundDecimalString(value.trim(), PLACES);
  return text === null ? null : toScaled(text);
}

const show = (n: bigint) => formatNumber(fromScaled(n), { maxDecimals: PLACES });

/** Stored to-date values → what each month or quarter adds (for editing an additive phasing). */
export function toIncrements(phases: { month: number; value: string }[]): Record<number, string> {
  const result: Record<number, string> = {};
  let previous = 0n;
  for (const p of [...phases].sort((a, b) => a.month - b.month)) {
    const current = toScaled(p.value);
    result[p.month] = fromScaled(current - previous);
    previous = current;
  }
  return result;
}

/**
 * Checks a phasing against its annual target; Chinese messages name the month, all problems joined by "；".
 * Months ascending without repeats (quarterly: 3, 6, 9, 12 only; gaps allowed); December required and equal to the
 * target at 4 decimal places; cumulative/milestone values never decrease.
 */
export function validatePhasing(args: {
  kind: IndicatorKind;
  target: number | string;
  phasing: Phasing;
}): { ok: true } | { ok: false; message: string; messages: string[] } {
  const { kind, phasing } = args;
  if (phasing.kind === 'none') return { ok: true };
  const errors: string[] = [];
  const target = scaledOf(args.target);
  const isCumulative = traitsOf(kind).cumulativeToDate;
  const allowed = PHASE_MONTHS[phasing.kind];
  if (phasing.values.length === 0) errors.push('分解目标：未填写任何月份');

  let previous: { month: number; value: bigint } | null = null;
  let december: bigint | null | undefined;
  for (const v of phasing.values) {
    if (!allowed.includes(v.month)) {
      errors.push(
        phasing.kind === 'quarterly'
          ? `分解目标：按季度分解只能填写3、6、9、12月，不能填写${String(v.month)}月`
          : `分解目标：月份 ${String(v.month)} 无效（应为1–12月）`,
      );
      continue;
    }
    const value = scaledOf(v.value);
    if (v.month === 12) december = value;
    if (value === null) {
      errors.push(`分解目标：${v.month}月的值不是有效数字`);
      continue;
    }
    if (previous !== null && v.month <= previous.month) {
      errors.push(`分解目标：${v.month}月应排在${previous.month}月之后，且每月只能填写一次`);
    } else if (previous !== null && isCumulative && value < previous.value) {
      errors.push(
        `分解目标：${v.month}月的累计值 ${show(value)} 小于${previous.month}月的 ${show(previous.value)}，累计值不能减少`,
      );
    }
    previous = { month: v.month, value };
  }

  const what = isCumulative ? '累计值' : '目标值';
  const goal = target === null ? '' : show(target);
  if (phasing.values.length > 0 && december === undefined) {
    errors.push(`分解目标：缺少12月的${what}（应等于全年目标 ${goal}）`);
  } else if (december !== undefined && december !== null && december !== target) {
    errors.push(`分解目标：12月的${what} ${show(december)} 与全年目标 ${goal} 不一致`);
  }
  return errors.length === 0 ? { ok: true } : { ok: false, message: errors.join('；'), messages: errors };
}

export interface PhasingCheck {
  /** True when the phasing agrees with the target (or there is none). */
  ok: boolean;
  /** One line for the person: what adds up, or what is wrong. */
  message: string;
  /** Problems per month input. */
  errors: Record<number, string>;
  /** What to send: to-date values (additive kinds) or period-end values; null while something is wrong. */
  phases: { month: number; value: string }[] | null;
  /** Running to-date totals per month, for additive kinds. */
  running: Record<number, string>;
}

/**
 * The target form's live check of the typed inputs against the typed annual target: additive kinds are typed as what
 * each period adds (a blank counts as 0) and must sum to the target; others as period-end values. What passes is then
 * held to `validatePhasing`, the rules the server applies, so the form never offers what the server refuses.
 */
export function checkPhasing(args: {
  kind: IndicatorKind;
  unit: string;
  target: string;
  phasing: PhasingKind;
  inputs: Record<number, string>;
}): PhasingCheck {
  const months = phaseMonths(args.phasing);
  const empty: PhasingCheck = { ok: true, message: '', errors: {}, phases: [], running: {} };
  if (months.length === 0) return empty;
  const target = parseFigure(args.target, { field: '全年目标', unit: args.unit });
  const errors: Record<number, string> = {};
  const values = new Map<number, bigint>();
  for (const m of months) {
    const text = (args.inputs[m] ?? '').trim();
    if (text === '') continue;
    const parsed = parseFigure(text, { field: `${m}月`, unit: args.unit });
    if (parsed.ok) values.set(m, toScaled(parsed.value));
    else errors[m] = parsed.message;
  }
  const withUnit = (n: bigint) => `${show(n)}${args.unit}`;
  if (!target.ok) return { ok: false, message: '请先填写有效的全年目标', errors, phases: null, running: {} };
  const goal = toScaled(target.value);
  if (Object.keys(errors).length > 0)
    return { ok: false, message: '分解目标中有无效的数字', errors, phases: null, running: {} };
  const ruled = (result: PhasingCheck): PhasingCheck => {
    if (!result.ok || result.phases === null) return result;
    const check = validatePhasing({
      kind: args.kind,
      target: target.value,
      phasing: { kind: args.phasing, values: result.phases },
    });
    return check.ok ? result : { ...result, ok: false, message: check.message, phases: null };
  };

  if (isAdditive(args.kind)) {
    let total = 0n;
    const running: Record<number, string> = {};
    const phases = months.map((m) => {
      total += values.get(m) ?? 0n;
      running[m] = fromScaled(total);
      return { month: m, value: fromScaled(total) };
    });
    const diff = total - goal;
    if (diff === 0n)
      return ruled({ ok: true, message: `合计 ${withUnit(total)}，等于全年目标`, errors, phases, running });
    const message = `合计 ${withUnit(total)}，比全年目标${diff > 0n ? '多' : '少'} ${withUnit(diff > 0n ? diff : -diff)}`;
    return { ok: false, message, errors, phases: null, running };
  }
  const december = values.get(12);
  const phases = months.filter((m) => values.has(m)).map((m) => ({ month: m, value: fromScaled(values.get(m) ?? 0n) }));
  if (december === undefined)
    return {
      ok: false,
      message: `请填写12月末的值（应等于全年目标 ${withUnit(goal)}）`,
      errors,
      phases: null,
      running: {},
    };
  if (december !== goal)
    return {
      ok: false,
      message: `12月末的值 ${withUnit(december)} 与全年目标 ${withUnit(goal)} 不一致`,
      errors,
      phases: null,
      running: {},
    };
  return ruled({ ok: true, message: `12月末的值等于全年目标 ${withUnit(goal)}`, errors, phases, running: {} });
}
