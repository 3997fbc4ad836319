/**
 * The target form's live check of a phasing (分解目标), exact on decimals (BigInt, 4 places, as figures are
 * stored). Cumulative and milestone indicators are phased by what each month or quarter adds: the parts
 * must add up to the annual target, and are sent as to-date values. Level and rate indicators are phased by
 * the value expected at each period end: the December value must equal the target. The server checks again.
 */
import { parseFigure } from '@/lib/domain/figure-parse';
import { formatNumber } from '@/lib/domain/format';
import type { IndicatorKind } from '@/lib/domain/types';

export type PhasingKind = 'none' | 'monthly' | 'quarterly';
const SCALE = 10_000n;

/** The months a phasing has inputs for. */
export function phaseMonths(phasing: PhasingKind): number[] {
  if (phasing === 'monthly') return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  if (phasing === 'quarterly') return [3, 6, 9, 12];
  return [];
}

export function isAdditive(kind: IndicatorKind): boolean {
  return kind === 'cumulative' || kind === 'milestone';
}

/** A canonical decimal string (≤ 4 places) as an integer of ten-thousandths. */
export function toScaled(value: string): bigint {
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = value.replace(/^-/, '').split('.');
  const scaled = BigInt(int) * SCALE + BigInt((frac + '0000').slice(0, 4));
  return negative ? -scaled : scaled;
}

export function fromScaled(n: bigint): string {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const frac = String(abs % SCALE).padStart(4, '0').replace(/0+$/, '');
  const body = `${abs / SCALE}${frac ? `.${frac}` : ''}`;
  return negative && body !== '0' ? `-${body}` : body;
}

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

/** Checks the inputs against the typed annual target; a blank additive input counts as 0. */
export function checkPhasing(args: { kind: IndicatorKind; unit: string; target: string; phasing: PhasingKind; inputs: Record<number, string> }): PhasingCheck {
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
  const show = (n: bigint) => `${formatNumber(fromScaled(n), { maxDecimals: 4 })}${args.unit}`;
  if (!target.ok) return { ok: false, message: '请先填写有效的全年目标', errors, phases: null, running: {} };
  const goal = toScaled(target.value);
  if (Object.keys(errors).length > 0) return { ok: false, message: '分解目标中有无效的数字', errors, phases: null, running: {} };

  if (isAdditive(args.kind)) {
    let total = 0n;
    const running: Record<number, string> = {};
    const phases = months.map((m) => {
      total += values.get(m) ?? 0n;
      running[m] = fromScaled(total);
      return { month: m, value: fromScaled(total) };
    });
    const diff = total - goal;
    if (diff === 0n) return { ok: true, message: `合计 ${show(total)}，等于全年目标`, errors, phases, running };
    const message = `合计 ${show(total)}，比全年目标${diff > 0n ? '多' : '少'} ${show(diff > 0n ? diff : -diff)}`;
    return { ok: false, message, errors, phases: null, running };
  }
  const december = values.get(12);
  const phases = months.filter((m) => values.has(m)).map((m) => ({ month: m, value: fromScaled(values.get(m) ?? 0n) }));
  if (december === undefined) return { ok: false, message: `请填写12月末的值（应等于全年目标 ${show(goal)}）`, errors, phases: null, running: {} };
  if (december !== goal) return { ok: false, message: `12月末的值 ${show(december)} 与全年目标 ${show(goal)} 不一致`, errors, phases: null, running: {} };
  return { ok: true, message: `12月末的值等于全年目标 ${show(goal)}`, errors, phases, running: {} };
}
