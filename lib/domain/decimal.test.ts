import { describe, it, expect } from 'vitest';
import {
  canonicalDecimal,
  decimalToNumber,
  numberToDecimalString,
  roundDecimalString,
  roundTo,
  shiftDecimal,
  toDecimalString,
  toFixedDecimal,
  decimalText,
} from './decimal';

describe('canonicalDecimal drops leading and trailing zeros; "-0" → "0"', () => {
  it.each([
    [false, '007', '500', '7.5'],
    [true, '0', '000', '0'],
    [false, '', '25', '0.25'],
    [true, '12', '', '-12'],
  ] as const)('negative %s, %j . %j → %j', (negative, whole, fraction, expected) => {
    expect(canonicalDecimal(negative, whole, fraction)).toBe(expected);
  });
});

describe('shiftDecimal', () => {
  it('multiplies by powers of ten exactly: 2.5 × 1e4, 1234 ÷ 1e4, 5 ÷ 100', () => {
    expect(shiftDecimal('2.5', 4)).toBe('25000');
    expect(shiftDecimal('1234', -4)).toBe('0.1234');
    expect(shiftDecimal('5', -2)).toBe('0.05');
    expect(shiftDecimal('-0.07', 4)).toBe('-700');
    expect(shiftDecimal('1e5', 1)).toBeNull();
  });
});

describe('numberToDecimalString', () => {
  it('expands exponents and refuses non-finite numbers', () => {
    expect(numberToDecimalString(1e21)).toBe('1000000000000000000000');
    expect(numberToDecimalString(1.5e-7)).toBe('0.00000015');
    expect(numberToDecimalString(-0)).toBe('0');
    expect(numberToDecimalString(Number.NaN)).toBeNull();
  });
});

describe('rounding', () => {
  it('half away from zero on decimal digits: 1.005 → 1.01, -2.5 → -3, 9.995 → 10', () => {
    expect(roundDecimalString('1.005', 2)).toBe('1.01');
    expect(roundDecimalString('-2.5', 0)).toBe('-3');
    expect(roundDecimalString('9.995', 2)).toBe('10');
    expect(roundDecimalString('-0.004', 2)).toBe('0');
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(0.1 + 0.2, 4)).toBe(0.3);
    expect(roundTo(Number.NaN, 2)).toBeNaN();
  });

  it('toFixedDecimal pads to the stated decimals', () => {
    expect(toFixedDecimal(4, 1)).toBe('4.0');
    expect(toFixedDecimal(-0.04, 1)).toBe('0.0');
    expect(toFixedDecimal(52.25, 1)).toBe('52.3');
    expect(toFixedDecimal(3, 0)).toBe('3');
  });

  it.each([
    [1030, 0, '1030'],
    [2040.4, 0, '2040'],
    [100, 2, '100'],
    [2.50004, 4, '2.5'],
    [0.1 + 0.2, 4, '0.3'],
    [-0.00001, 4, '0'],
    [Number.NaN, 2, '0'],
  ])('decimalText(%s, %s) is %s: rounded, no trailing zeros, the integer part kept', (n, decimals, text) => {
    expect(decimalText(n, decimals)).toBe(text);
  });
});

describe('decimalToNumber / toDecimalString (the edge)', () => {
  it('reads stored decimal strings, including "1027.0000" and spaces', () => {
    expect(decimalToNumber('1027.0000')).toBe(1027);
    expect(decimalToNumber(' -3.2 ')).toBe(-3.2);
    expect(toDecimalString('1027.0000')).toBe('1027');
  });

  it('no data: null, "", "abc", "1e5", NaN → null', () => {
    expect(decimalToNumber(null)).toBeNull();
    expect(decimalToNumber(undefined)).toBeNull();
    expect(decimalToNumber('')).toBeNull();
    expect(decimalToNumber('abc')).toBeNull();
    expect(decimalToNumber('1e5')).toBeNull();
    expect(decimalToNumber(Number.NaN)).toBeNull();
    expect(toDecimalString('abc')).toBeNull();
  });
});
