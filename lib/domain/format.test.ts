import { describe, it, expect } from 'vitest';
import { formatChange, formatNumber, formatPercent, formatPoints, formatScaled, formatSignedChange } from './format';

describe('formatNumber', () => {
  it('does not group below 10000: 1027 and 9999.5', () => {
    expect(formatNumber('1027')).toBe('1027');
    expect(formatNumber(9999.5)).toBe('9999.5');
  });

  it('groups thousands from 10000 up', () => {
    expect(formatNumber('10000')).toBe('10,000');
    expect(formatNumber('1234567.891')).toBe('1,234,567.89');
    expect(formatNumber(-25000)).toBe('-25,000');
  });

  it('trims trailing zeros of stored strings ("25.30" → "25.3")', () => {
    expect(formatNumber('25.30')).toBe('25.3');
    expect(formatNumber('1027.0000')).toBe('1027');
  });

  it('rounds half away from zero on the decimal digits (1.005 → 1.01, -1.005 → -1.01)', () => {
    expect(formatNumber(1.005)).toBe('1.01');
    expect(formatNumber('-1.005')).toBe('-1.01');
    expect(formatNumber('2.994')).toBe('2.99');
  });

  it('takes maxDecimals', () => {
    expect(formatNumber('3.14159', { maxDecimals: 4 })).toBe('3.1416');
    expect(formatNumber('3.5', { maxDecimals: 0 })).toBe('4');
  });

  it('-0 and a value rounding to zero show as "0"', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber('-0.001')).toBe('0');
  });

  it('no data: shows "—" for text, NaN and Infinity', () => {
    expect(formatNumber('abc')).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('writes tiny and huge numbers without an exponent', () => {
    expect(formatNumber(1e-7, { maxDecimals: 8 })).toBe('0.0000001');
    expect(formatNumber(1e21)).toBe('1,000,000,000,000,000,000,000');
  });
});

describe('formatScaled', () => {
  it('元 ≥ 1e8 → 亿元, ≥ 1e4 → 万元', () => {
    expect(formatScaled('1260000000', '元')).toBe('12.6亿元');
    expect(formatScaled(25000, '元')).toBe('2.5万元');
    expect(formatScaled('123456', '元')).toBe('12.35万元');
  });

  it('人 → 万人 and 户 below 10000 unscaled', () => {
    expect(formatScaled(48000, '人')).toBe('4.8万人');
    expect(formatScaled(2771, '户')).toBe('2771户');
  });

  it('99,999,999 元 shows as 1亿元, not 10000万元', () => {
    expect(formatScaled(99_999_999, '元')).toBe('1亿元');
  });

  it('leaves already-scaled and non-base units alone', () => {
    expect(formatScaled('1027', '亿元')).toBe('1027亿元');
    expect(formatScaled('25.3', '亿斤')).toBe('25.3亿斤');
    expect(formatScaled('120000', '亩')).toBe('120,000亩');
    expect(formatScaled('abc', '元')).toBe('—');
  });
});

describe('formatPercent / formatPoints / formatChange', () => {
  it('formatPercent: 0.523 → "52.3%", keeps the fixed decimal ("50.0%")', () => {
    expect(formatPercent(0.523)).toBe('52.3%');
    expect(formatPercent(0.5)).toBe('50.0%');
    expect(formatPercent(1.0456, 2)).toBe('104.56%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(Number.NaN)).toBe('—');
  });

  it('formatPoints: signed, "个百分点" attached', () => {
    expect(formatPoints(1.2)).toBe('+1.2个百分点');
    expect(formatPoints(-0.5)).toBe('-0.5个百分点');
    expect(formatPoints(-0.04)).toBe('0.0个百分点');
  });

  it('formatChange: "+12.3%" / "-4.0%"', () => {
    expect(formatChange(12.345)).toBe('+12.3%');
    expect(formatChange(-4)).toBe('-4.0%');
    expect(formatChange(0)).toBe('0.0%');
    expect(formatChange(17.75)).toBe('+17.8%');
  });
});

describe('formatSignedChange', () => {
  it('keeps every stated digit: +1.15个百分点, +17.7%, -41.2%, +82亿元', () => {
    expect(formatSignedChange(1.15, 'points', '%', true)).toBe('+1.15个百分点');
    expect(formatSignedChange(17.7, 'percent', '亿元', true)).toBe('+17.7%');
    expect(formatSignedChange(-41.2, 'percent', '微克/立方米', true)).toBe('-41.2%');
    expect(formatSignedChange(82, 'absolute', '亿元', true)).toBe('+82亿元');
  });

  it('a computed change to 1 decimal; zero without a sign; not a number → —', () => {
    expect(formatSignedChange(17.6471, 'percent', '亿元')).toBe('+17.6%');
    expect(formatSignedChange(-0.04, 'points', '%')).toBe('0.0个百分点');
    expect(formatSignedChange(Number.NaN, 'percent', '亿元')).toBe('—');
  });
});
