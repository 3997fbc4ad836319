import { describe, it, expect } from 'vitest';
import { parseFigure, type FigureParseOptions } from './figure-parse';

const opts: FigureParseOptions = { field: '累计完成投资', unit: '亿元' };
const value = (input: unknown, o: Partial<FigureParseOptions> = {}) => parseFigure(input, { ...opts, ...o });
const message = (input: unknown, o: Partial<FigureParseOptions> = {}) => {
  const r = value(input, o);
  return r.ok ? `accepted ${r.value}` : r.message;
};

describe('parseFigure accepts what people type', () => {
  // [what it shows, the input, the unit when not 亿元, the canonical value]
  it.each<[string, unknown, string | undefined, string]>([
    ['thousands separators', '1,027', undefined, '1027'],
    ['thousands separators', '12,345,678.5', undefined, '12345678.5'],
    ['full-width digits', '１０２７', undefined, '1027'],
    ['full-width digits and punctuation', '１，０２７．５０', undefined, '1027.5'],
    ['full-width digits and punctuation', '－３．２', undefined, '-3.2'],
    ['surrounding spaces', ' 25.3 ', undefined, '25.3'],
    ['the ideographic space', '\u300025.3\t', undefined, '25.3'],
    ['a negative with "-"', '-3.2', undefined, '-3.2'],
    ['a negative with the minus sign U+2212', '\u22123.2', undefined, '-3.2'],
    ['a leading "+"', '+7', undefined, '7'],
    ['canonical form: no trailing zeros', '25.3000', undefined, '25.3'],
    ['canonical form: no leading zeros', '007.0', undefined, '7'],
    ['canonical form: "-0" → "0"', '-0', undefined, '0'],
    ['canonical form: "-0.000" → "0"', '-0.000', undefined, '0'],
    ['canonical form: ".5" → "0.5"', '.5', undefined, '0.5'],
    ['a finite number', 1027, undefined, '1027'],
    ['a finite number', -0, undefined, '0'],
    ['a finite number', 4.5, undefined, '4.5'],
    ['"12%" when the unit is %', '12%', '%', '12'],
    ['"12%" when the unit is %, full-width', '１２％', '%', '12'],
    ['万 with a base unit (个)', '2.5万', '个', '25000'],
    ['万户 with a base unit (户)', '2.5万户', '户', '25000'],
    ['亿 with a base unit (元)', '1.2亿', '元', '120000000'],
    ["万 with unit 万人 (the unit's own scale is dropped)", '4.8万', '万人', '4.8'],
    ["万人 with unit 万人 (the unit's own scale is dropped)", '4.8万人', '万人', '4.8'],
    ['亿 with unit 万元 (亿 = 10000 万)', '2.5亿', '万元', '25000'],
    ['亿元 with unit 万元', '2.5亿元', '万元', '25000'],
    ['元 with unit 万元', '25000元', '万元', '2.5'],
    ['亿元 with unit 亿元', '900亿元', undefined, '900'],
    ['万 with unit 亿元', '5000万', undefined, '0.5'],
    ['scaling is exact, not float', '0.07万', '元', '700'],
  ])('%s: %j (unit %s) → %j', (_, input, unit, expected) => {
    expect(value(input, unit ? { unit } : {})).toEqual({ ok: true, value: expected });
  });

  it('"12%" refused when the unit is not %', () => {
    expect(message('12%')).toBe('「累计完成投资」不应带 %：本项单位是「亿元」，请只填写数字');
  });
});

describe('parseFigure refuses, naming the field', () => {
  it('non-strings other than finite numbers', () => {
    expect(message({})).toBe('「累计完成投资」不是有效数字：请只填写数字，如 1027 或 25.3');
    expect(message(true)).toBe('「累计完成投资」不是有效数字：请只填写数字，如 1027 或 25.3');
    expect(message(Number.NaN)).toBe('「累计完成投资」不是有效数字：请只填写数字，如 1027 或 25.3');
    expect(message(Number.POSITIVE_INFINITY)).toBe('「累计完成投资」不是有效数字：请只填写数字，如 1027 或 25.3');
  });

  it('no data: "", only spaces, null and undefined', () => {
    const empty = '「累计完成投资」未填写：请填写数字，如 1027 或 25.3';
    expect(message('')).toBe(empty);
    expect(message('   ')).toBe(empty);
    expect(message(null)).toBe(empty);
    expect(message(undefined)).toBe(empty);
  });

  it('"abc", "NaN", "Infinity", "-Infinity", "12..3", "1.2.3", "-", "万"', () => {
    for (const bad of ['abc', 'NaN', 'Infinity', '-Infinity', '12..3', '1.2.3', '-', '万', '1 027', '约25']) {
      expect(message(bad)).toBe('「累计完成投资」不是有效数字：请只填写数字，如 1027 或 25.3');
    }
  });

  it('scientific notation "1e5" and "1e999", saying so', () => {
    const sci = '「累计完成投资」不支持科学计数法（如 1e5）：请写出完整数字，如 100000';
    expect(message('1e5')).toBe(sci);
    expect(message('1E999')).toBe(sci);
    expect(message('2.5e-3')).toBe(sci);
  });

  it('thousands separators not in groups of three: "1,02,7", "10,00"', () => {
    const commas = '「累计完成投资」千分位逗号位置不对：应每三位一组，如 1,027 或 12,345';
    expect(message('1,02,7')).toBe(commas);
    expect(message('10,00')).toBe(commas);
    expect(message('1027,')).toBe(commas);
  });

  it('a 10 kB string by its length, before any parsing', () => {
    expect(message('1'.repeat(10_240))).toBe(
      '「累计完成投资」输入过长（超过 40 个字符）：请只填写数字，如 1027 或 25.3',
    );
    expect(message(`${' '.repeat(38)}12`)).toBe('accepted 12');
  });

  it('too many decimals (default 4, or maxDecimals)', () => {
    expect(message('1.23456')).toBe('「累计完成投资」最多保留 4 位小数：请四舍五入后填写');
    expect(message('1.2345')).toBe('accepted 1.2345');
    expect(message('1.5', { maxDecimals: 0 })).toBe('「累计完成投资」只能填写整数');
    expect(message('1.50', { maxDecimals: 1 })).toBe('accepted 1.5');
  });

  it('more than 15 significant digits', () => {
    expect(message('1234567890123456')).toBe('「累计完成投资」有效数字超过 15 位：请核对后重新填写');
    expect(message('12345678901.2345')).toBe('accepted 12345678901.2345');
    expect(message(1e21)).toBe('「累计完成投资」有效数字超过 15 位：请核对后重新填写');
  });

  it('below min / above max, stating the range with the unit', () => {
    const range = { min: 0, max: '100000' };
    expect(message('-1', range)).toBe('「累计完成投资」超出允许范围（0 – 100000 亿元）');
    expect(message('100000.01', range)).toBe('「累计完成投资」超出允许范围（0 – 100000 亿元）');
    expect(message('100000', range)).toBe('accepted 100000');
    expect(message('0', range)).toBe('accepted 0');
    expect(message('-5', { min: '0', max: null })).toBe('「累计完成投资」超出允许范围（应不小于 0 亿元）');
    expect(message('120', { unit: '%', max: 100 })).toBe('「累计完成投资」超出允许范围（应不大于 100%）');
  });

  it('the range applies to the scaled value: "2万" against a 10000 户 ceiling', () => {
    expect(message('2万', { unit: '户', max: 10000 })).toBe('「累计完成投资」超出允许范围（应不大于 10000 户）');
  });

  it('万/亿 are refused for a rate in %', () => {
    expect(message('3万', { unit: '%' })).toBe('「累计完成投资」不应带“万”：本项单位是「%」，请只填写数字');
  });

  it('more than 13 integer digits (the stored column holds 14) is refused before it reaches the database', () => {
    expect(message('99999999999999')).toBe('「累计完成投资」数值过大：整数部分不能超过 13 位，请核对单位后重新填写');
    expect(parseFigure('9999999999999', { field: '累计完成投资' })).toEqual({ ok: true, value: '9999999999999' });
  });
});
