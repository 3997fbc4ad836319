/**
 * A five-year plan's annual path from its baseline (the year before the plan's first year) to the final-year
 * target, and how far the city is along it. Pure. Values are stored decimal strings; they become numbers only
 * for the arithmetic and come back rounded half away from zero (lib/domain/decimal.ts).
 *
 * Paths: straight (equal steps), compound (a constant annual growth rate — the stated "年均增长 X%", or the rate
 * that reaches the final target), or typed (a value written for every year).
 */
import { decimalText, decimalToNumber, roundTo, toFixedDecimal } from './decimal';
import type { Direction } from './types';

export const PATH_KINDS = ['straight', 'compound', 'typed'] as const;
export type PathKind = (typeof PATH_KINDS)[number];

/** Decimals of a path value and of a growth rate in percent. */
const VALUE_DECIMALS = 4;
const RATE_DECIMALS = 2;

export interface PlanPathInput {
  firstYear: number;
  lastYear: number;
  kind: PathKind;
  /** The value of the year before firstYear (for 十五五: the 十四五 review's 2025 figure); null when missing. */
  baseline: string | null;
  /** The final-year target; null when the plan states a growth rate instead. */
  finalTarget: string | null;
  /** 年均增长 X% (percent, e.g. "6" for 6%): compound paths only. */
  annualGrowth: string | null;
  /** Typed paths: the value of every plan year. */
  typed?: Readonly<Record<number, string>>;
}

export interface PathPoint {
  year: number;
  value: string;
}

export type PlanPath = { ok: true; points: PathPoint[] } | { ok: false; message: string };

function years(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function point(year: number, n: number): PathPoint {
  return { year, value: decimalText(n, VALUE_DECIMALS) };
}

/** The path's value for every plan year, or why it cannot be drawn (in Chinese). */
export function planPath(input: PlanPathInput): PlanPath {
  const { firstYear, lastYear, kind } = input;
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || lastYear < firstYear) {
    return { ok: false, message: '规划起止年份不正确' };
  }
  const span = lastYear - firstYear + 1;
  if (kind === 'typed') {
    const missing = years(firstYear, lastYear).filter((y) => decimalToNumber(input.typed?.[y]) === null);
    if (missing.length) return { ok: false, message: `逐年路径缺少 ${missing.join('、')} 年的值` };
    return {
      ok: true,
      points: years(firstYear, lastYear).map((y) => point(y, decimalToNumber(input.typed?.[y]) ?? 0)),
    };
  }
  const base = decimalToNumber(input.baseline);
  if (base === null) return { ok: false, message: `缺少基期（${firstYear - 1}年）值，无法推算路径` };
  const final = decimalToNumber(input.finalTarget);
  const growth = decimalToNumber(input.annualGrowth);
  if (kind === 'straight') {
    const end = final ?? (growth !== null ? base * (1 + growth / 100) ** span : null);
    if (end === null) return { ok: false, message: `缺少${lastYear}年目标值或年均增速` };
    return {
      ok: true,
      points: years(firstYear, lastYear).map((y) => point(y, base + ((end - base) * (y - firstYear + 1)) / span)),
    };
  }
  let rate: number;
  if (growth !== null) rate = growth / 100;
  else if (final !== null) {
    if (base <= 0 || final <= 0) return { ok: false, message: '基期值或目标值不为正数，不能按年均增速推算' };
    rate = (final / base) ** (1 / span) - 1;
  } else return { ok: false, message: `缺少${lastYear}年目标值或年均增速` };
  return {
    ok: true,
    points: years(firstYear, lastYear).map((y) => point(y, base * (1 + rate) ** (y - firstYear + 1))),
  };
}

/** The annual growth in percent (2 decimals) that takes `from` to `to` in `years` years; null when undefined. */
export function annualGrowthPercent(from: number, to: number, years: number): number | null {
  if (!(years > 0) || !(from > 0) || !(to > 0)) return null;
  return roundTo(((to / from) ** (1 / years) - 1) * 100, RATE_DECIMALS);
}

export type PlanStatus = 'on_track' | 'behind' | 'no_data' | 'no_path';

export interface PlanProgressInput {
  path: PlanPath;
  baselineYear: number;
  baseline: string | null;
  direction: Direction;
  /** The latest complete year's (December) figure within the plan, if any. */
  latestYear: { year: number; value: string } | null;
  /**
   * The latest figure of a year still under way (after latestYear), if any: judged against the year's path value
   * by 序时进度 — a running total (cumulative) against path × month/12, a reading against the straight line
   * from the previous year's value.
   */
  inYear?: { year: number; month: number; value: string; cumulative: boolean } | null;
}

export interface PlanProgress {
  status: PlanStatus;
  /** Plan years with a December figure (the latest complete year − baseline year). */
  yearsDone: number;
  yearsLeft: number;
  /** Annual growth achieved since the baseline, percent; null without a complete year. */
  achievedGrowth: number | null;
  /** Annual growth still needed to reach the final-year value, percent; null when it cannot be said. */
  neededGrowth: number | null;
  /** The report's words: 需年均增长 X% (or 已达到规划目标). */
  wording: string;
}

function fmtRate(n: number): string {
  return toFixedDecimal(n, RATE_DECIMALS) ?? String(n);
}

/** Where the city stands on the path: years done, growth achieved and still needed, on track or behind. */
export function planProgress(input: PlanProgressInput): PlanProgress {
  const { path } = input;
  if (!path.ok)
    return {
      status: 'no_path',
      yearsDone: 0,
      yearsLeft: 0,
      achievedGrowth: null,
      neededGrowth: null,
      wording: path.message,
    };
  const lastYear = path.points.at(-1)?.year ?? input.baselineYear;
  const final = decimalToNumber(path.points.at(-1)?.value);
  const latest = input.latestYear;
  const fromYear = latest?.year ?? input.baselineYear;
  const fromValue = decimalToNumber(latest?.value ?? input.baseline);
  const yearsDone = Math.max(0, fromYear - input.baselineYear);
  const yearsLeft = Math.max(0, lastYear - fromYear);
  const base = decimalToNumber(input.baseline);
  const achievedGrowth =
    latest && base !== null && fromValue !== null ? annualGrowthPercent(base, fromValue, yearsDone) : null;
  const neededGrowth = fromValue !== null && final !== null ? annualGrowthPercent(fromValue, final, yearsLeft) : null;
  const reached =
    fromValue !== null && final !== null && (input.direction === 'up' ? fromValue >= final : fromValue <= final);
  const wording = reached
    ? '已达到规划目标'
    : neededGrowth === null
      ? yearsLeft === 0
        ? '规划期已结束，未达到目标'
        : '无法计算所需增速'
      : neededGrowth < 0
        ? `需年均下降 ${fmtRate(-neededGrowth)}%`
        : `需年均增长 ${fmtRate(neededGrowth)}%`;
  const inYear = input.inYear && input.inYear.year > fromYear && input.inYear.month < 12 ? input.inYear : null;
  const current = inYear ? decimalToNumber(inYear.value) : null;
  const yearPath = inYear ? decimalToNumber(path.points.find((p) => p.year === inYear.year)?.value) : null;
  if (inYear && current !== null && yearPath !== null) {
    const share = inYear.month / 12;
    const prior = fromValue ?? 0;
    const expected = inYear.cumulative ? yearPath * share : prior + (yearPath - prior) * share;
    const onTrack = input.direction === 'up' ? current >= expected : current <= expected;
    return { status: onTrack ? 'on_track' : 'behind', yearsDone, yearsLeft, achievedGrowth, neededGrowth, wording };
  }
  if (!latest || fromValue === null)
    return { status: 'no_data', yearsDone: 0, yearsLeft, achievedGrowth: null, neededGrowth, wording };
  const planned = decimalToNumber(path.points.find((p) => p.year === latest.year)?.value);
  const onTrack = planned === null ? reached : input.direction === 'up' ? fromValue >= planned : fromValue <= planned;
  return { status: onTrack ? 'on_track' : 'behind', yearsDone, yearsLeft, achievedGrowth, neededGrowth, wording };
}
