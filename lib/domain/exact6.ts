/** Exact decimal arithmetic on millionths (the 6 places figures are stored with), as BigInt. Pure. */

const SCALE = 1_000_000n;
const PLACES = 6;
const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A plain decimal string ("-12.5", "1,234.5" with separators removed) as millionths; null when not a number or finer than 6 places. */
export function toMicros(value: string): bigint | null {
  const m = DECIMAL_RE.exec(value.trim().replace(/,/g, ''));
  if (!m) return null;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (frac.length > PLACES) return null;
  const n = BigInt(m[2] ?? '0') * SCALE + BigInt((frac + '000000').slice(0, PLACES));
  return m[1] === '-' ? -n : n;
}

/** Millionths back to canonical decimal text ("12.5", "0", "-3"). */
export function fromMicros(n: bigint): string {
  return scaledToText(n, PLACES);
}

/** An integer counting 10^-places (millionths for 6, ten-thousandths for 4) as canonical decimal text. */
export function scaledToText(n: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const frac = String(abs % scale)
    .padStart(places, '0')
    .replace(/0+$/, '');
  const body = `${abs / scale}${frac ? `.${frac}` : ''}`;
  return negative && body !== '0' ? `-${body}` : body;
}

/** a ÷ b on millionths, rounded half away from zero to millionths. */
export function divideMicros(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n;
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  const q = (absA * SCALE * 2n + absB) / (absB * 2n);
  return negative ? -q : q;
}

/** a × b on millionths (the product has 12 places; kept at 12 for a following divideMicros by a sum of weights). */
export function multiplyMicros(a: bigint, b: bigint): bigint {
  return a * b;
}

export const MICROS = SCALE;
