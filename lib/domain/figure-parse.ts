/**
 * Parsing a figure as people type it ("1,027", "１０２７", " 25.3 ", "2.5万") into a canonical decimal string,
 * or refusing it with a Chinese message that names the field. Exact: scaling by 万/亿 shifts decimal digits,
 * no float arithmetic touches the value.
 */
import { canonicalDecimal, decimalToNumber, numberToDecimalString, shiftDecimal } from './decimal';

export interface FigureParseOptions {
  /** The field's name as the user sees it, quoted in every message. */
  field: string;
  /** The indicator's unit ("亿元", "%", "万人", "户"…): decides which suffixes are understood. */
  unit?: string;
  min?: string | number | null;
  max?: string | number | null;
  /** Decimal places allowed in the stored value; default 4. */
  maxDecimals?: number;
}

export type FigureParseResult = { ok: true; value: string } | { ok: false; message: string };

/** Inputs longer than this are refused before any pattern matching. */
export const MAX_FIGURE_INPUT_LENGTH = 40;
/** More significant digits than this cannot be held exactly by a JS number or shown sensibly. */
export const MAX_SIGNIFICANT_DIGITS = 15;
/** Integer digits a stored figure may have (numeric(20, 6) holds 14). */
export const MAX_INTEGER_DIGITS = 13;

const NOT_A_NUMBER = '不是有效数字：请只填写数字，如 1027 或 25.3';
const EMPTY = '未填写：请填写数字，如 1027 或 25.3';
const PERCENT_LIKE_UNITS = ['%', '‰', '个百分点'];

const WIDE_PUNCTUATION: Record<string, string> = {
  '．': '.',
  '，': ',',
  '－': '-',
  '−': '-',
  '﹣': '-',
  '＋': '+',
  '％': '%',
};

function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[．，－−﹣＋％]/g, (c) => WIDE_PUNCTUATION[c] ?? c);
}

/** Power of ten the unit itself carries: 万人 → 4, 亿元 → 8, 万亿元 → 12, 户 → 0. */
function unitScaleExponent(unit: string): number {
  if (unit.startsWith('万亿')) return 12;
  if (unit.startsWith('亿')) return 8;
  if (unit.startsWith('万')) return 4;
  return 0;
}

function plain(value: number): string {
  return numberToDecimalString(value) ?? String(value);
}

function withUnit(value: number, unit: string): string {
  const text = plain(value);
  if (unit === '') return text;
  return PERCENT_LIKE_UNITS.includes(unit) ? `${text}${unit}` : `${text} ${unit}`;
}

function rangeMessage(min: number | null, max: number | null, unit: string): string {
  if (min !== null && max !== null) return `超出允许范围（${plain(min)} – ${withUnit(max, unit)}）`;
  if (min !== null) return `超出允许范围（应不小于 ${withUnit(min, unit)}）`;
  return `超出允许范围（应不大于 ${withUnit(max ?? 0, unit)}）`;
}

/** Strips the unit and 万/亿; returns the remaining text and the power of ten to apply, or a refusal reason. */
function stripSuffixes(text: string, unit: string): { text: string; shift: number } | { reason: string } {
  let s = text;
  // "2.5亿元" or "25000元" typed against 万元: the base unit (元) may be written with or without a scale.
  const base = unit.replace(/^(万亿|亿|万)/, '');
  let isBaseWritten = false;
  if (unit !== '' && s.length > unit.length && s.endsWith(unit)) {
    s = s.slice(0, -unit.length).trimEnd();
  } else if (base !== '' && base !== unit && s.length > base.length && s.endsWith(base)) {
    s = s.slice(0, -base.length).trimEnd();
    isBaseWritten = true;
  }
  if (s.includes('%')) {
    return { reason: unit === '%' ? NOT_A_NUMBER : `不应带 %：本项单位是「${unit || '无'}」，请只填写数字` };
  }
  const last = s.slice(-1);
  if (last !== '万' && last !== '亿') return { text: s, shift: isBaseWritten ? -unitScaleExponent(unit) : 0 };
  if (PERCENT_LIKE_UNITS.includes(unit)) return { reason: `不应带“${last}”：本项单位是「${unit}」，请只填写数字` };
  const suffixExponent = last === '万' ? 4 : 8;
  return { text: s.slice(0, -1).trimEnd(), shift: suffixExponent - unitScaleExponent(unit) };
}

/**
 * Parses a typed figure into a canonical decimal string (no exponent, no trailing zeros, "-0" → "0"), exactly;
 * understands 1,027 / full-width digits / unit and 万/亿 suffixes; refuses with a Chinese message naming the field.
 */
export function parseFigure(input: unknown, opts: FigureParseOptions): FigureParseResult {
  const fail = (reason: string): FigureParseResult => ({ ok: false, message: `「${opts.field}」${reason}` });
  const unit = (opts.unit ?? '').trim();
  const maxDecimals = opts.maxDecimals ?? 4;

  let raw: string;
  if (typeof input === 'string') raw = input;
  else if (typeof input === 'number') raw = numberToDecimalString(input) ?? 'NaN';
  else if (input === null || input === undefined) return fail(EMPTY);
  else return fail(NOT_A_NUMBER);

  // Length first: nothing below runs a pattern over an oversized paste.
  if (raw.length > MAX_FIGURE_INPUT_LENGTH) {
    return fail(`输入过长（超过 ${MAX_FIGURE_INPUT_LENGTH} 个字符）：请只填写数字，如 1027 或 25.3`);
  }
  const text = toHalfWidth(raw).trim();
  if (text === '') return fail(EMPTY);
  if (/^[+-]?[\d.,]*\d[\d.,]*e[+-]?\d+$/i.test(text)) {
    return fail('不支持科学计数法（如 1e5）：请写出完整数字，如 100000');
  }

  const stripped = stripSuffixes(text, unit);
  if ('reason' in stripped) return fail(stripped.reason);

  const m = /^([+-]?)([\d,]*)(?:\.(\d+))?$/.exec(stripped.text);
  if (!m || !/\d/.test(stripped.text)) return fail(NOT_A_NUMBER);
  const intRaw = m[2] ?? '';
  if (intRaw.includes(',') && !/^\d{1,3}(?:,\d{3})+$/.test(intRaw)) {
    return fail('千分位逗号位置不对：应每三位一组，如 1,027 或 12,345');
  }
  const typed = canonicalDecimal(m[1] === '-', intRaw.replace(/,/g, ''), m[3] ?? '');
  const value = shiftDecimal(typed, stripped.shift) ?? typed;

  const significant = value.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (significant.length > MAX_SIGNIFICANT_DIGITS) {
    return fail(`有效数字超过 ${MAX_SIGNIFICANT_DIGITS} 位：请核对后重新填写`);
  }
  // Stored as numeric(20, 6): at most 14 integer digits; 13 keeps a margin for sums.
  const integerDigits = (value.replace(/^-/, '').split('.')[0] ?? '').replace(/^0+/, '').length;
  if (integerDigits > MAX_INTEGER_DIGITS) {
    return fail(`数值过大：整数部分不能超过 ${MAX_INTEGER_DIGITS} 位，请核对单位后重新填写`);
  }
  const point = value.indexOf('.');
  const decimals = point === -1 ? 0 : value.length - point - 1;
  if (decimals > maxDecimals) {
    return fail(maxDecimals === 0 ? '只能填写整数' : `最多保留 ${maxDecimals} 位小数：请四舍五入后填写`);
  }

  const min = decimalToNumber(opts.min);
  const max = decimalToNumber(opts.max);
  const n = Number(value);
  if ((min !== null && n < min) || (max !== null && n > max)) return fail(rangeMessage(min, max, unit));
  return { ok: true, value };
}
