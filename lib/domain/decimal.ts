/**
 * Exact decimal-string helpers shared by the domain modules.
 * Stored figures are decimal strings; they become JS numbers only at the edge (`decimalToNumber`),
 * and results are rounded half away from zero on their decimal digits (`roundTo`), so 1.005 → 1.01.
 */

const PLAIN_DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?$/;
const MAX_DECIMAL_LENGTH = 64;

interface DecimalParts {
  negative: boolean;
  int: string;
  frac: string;
}

function splitDecimal(s: string): DecimalParts | null {
  if (s.length > MAX_DECIMAL_LENGTH) return null;
  const m = PLAIN_DECIMAL_RE.exec(s);
  if (!m) return null;
  return { negative: m[1] === '-', int: m[2] ?? '0', frac: m[3] ?? '' };
}

/** Canonical decimal text from sign and digit runs: no leading/trailing zeros, no exponent, "-0" → "0". */
export function canonicalDecimal(negative: boolean, intDigits: string, fracDigits: string): string {
  const int = intDigits.replace(/^0+(?=\d)/, '') || '0';
  const frac = fracDigits.replace(/0+$/, '');
  const body = frac === '' ? int : `${int}.${frac}`;
  const isZero = int === '0' && frac === '';
  return negative && !isZero ? `-${body}` : body;
}

/** Multiplies a plain decimal string ("-12.5") by 10^k exactly (k may be negative); canonical result, null if not a plain decimal. */
export function shiftDecimal(s: string, k: number): string | null {
  const d = splitDecimal(s);
  if (!d || !Number.isInteger(k)) return null;
  let digits = d.int + d.frac;
  let point = d.int.length + k;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  return canonicalDecimal(d.negative, digits.slice(0, point), digits.slice(point));
}

/** Exact decimal text of a finite number (its shortest round-trip digits, exponent expanded); null when not finite. */
export function numberToDecimalString(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const s = String(n);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  if (!m) return s;
  return shiftDecimal(m[1] ?? '0', Number(m[2]));
}

function incrementDigits(s: string): string {
  const chars = s.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = chars[i] ?? '0';
    if (c !== '9') {
      chars[i] = String(Number(c) + 1);
      return chars.join('');
    }
    chars[i] = '0';
  }
  return `1${chars.join('')}`;
}

/** Rounds a plain decimal string half away from zero to `decimals` places (≥ 0); canonical result, null if not a plain decimal. */
export function roundDecimalString(s: string, decimals: number): string | null {
  const d = splitDecimal(s);
  if (!d) return null;
  const places = Math.max(0, Math.trunc(decimals));
  if (d.frac.length <= places) return canonicalDecimal(d.negative, d.int, d.frac);
  const kept = d.int + d.frac.slice(0, places);
  const next = d.frac.charCodeAt(places) - 48;
  const digits = next >= 5 ? incrementDigits(kept) : kept;
  const intLength = digits.length - places;
  return canonicalDecimal(d.negative, digits.slice(0, intLength), digits.slice(intLength));
}

/** Rounds a number half away from zero and pads to exactly `decimals` fraction digits (4 → "4.0"); null when not finite. */
export function toFixedDecimal(n: number, decimals: number): string | null {
  const s = numberToDecimalString(n);
  if (s === null) return null;
  const r = roundDecimalString(s, decimals);
  if (r === null || decimals <= 0) return r;
  const [int, frac = ''] = r.split('.');
  return `${int ?? '0'}.${frac.padEnd(decimals, '0')}`;
}

/**
 * A number as canonical decimal text rounded half away from zero at `decimals` places, without trailing zeros:
 * (1030, 0) → "1030", (2.50004, 4) → "2.5", (-0.00001, 4) → "0"; "0" when not finite.
 */
export function decimalText(n: number, decimals: number): string {
  const s = numberToDecimalString(n);
  return (s === null ? null : roundDecimalString(s, decimals)) ?? '0';
}

/** Rounds half away from zero at `decimals` places on the number's decimal digits (1.005 → 1.01); non-finite passes through. */
export function roundTo(n: number, decimals: number): number {
  const s = numberToDecimalString(n);
  if (s === null) return n;
  const r = roundDecimalString(s, decimals);
  return r === null ? n : Number(r);
}

/** Converts a stored decimal string (or a number) to a JS number at the edge; null for missing, blank, non-plain or non-finite input. */
export function decimalToNumber(v: string | number | null | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (splitDecimal(s) === null) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Canonical plain decimal string of a stored value or number ("1027.00" → "1027"); null when not a plain decimal. */
export function toDecimalString(v: string | number): string | null {
  if (typeof v === 'number') return numberToDecimalString(v);
  const d = splitDecimal(v.trim());
  return d ? canonicalDecimal(d.negative, d.int, d.frac) : null;
}
