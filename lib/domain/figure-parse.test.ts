import { describe, it, expect } from 'vitest';
import { parseFigure, type FigureParseOptions } from './figure-parse';

const opts: FigureParseOptions = { field: '累计完成投资', unit: '亿元' };
const value = (input: unknown, o: Partial<FigureParseOptions> = {}) => parseFigure(input, { ...opts, ...o });
const message = (input: unknown, o: Partial<FigureParseOptions> = {}) => {
  const r = value(input, o);
  return r.ok ? `accepted ${r.value}` : r.message;
};

describe('parseFigure accepts what people type', () => {
  it('thousands separators: "1,027" → "1027", "12,345,678.5" → "12345678.5"', () => {
    expect(value('1,027')).toEqual({ ok: true, value: '1027' });
    expect(value('12,345,678.5')).toEqual({ ok: true, value: '12345678.5' });
  });

  it('full-width digits and punctuation: "１０２７", "１，０２７．５０", "－３．２"', () => {
    expect(value('１０２７')).toEqual({ ok: true, value: '1027' });
    expect(value('１，０２７．５０')).toEqual({ ok: true, value: '1027.5' });
    expect(value('－３．２')).toEqual({ ok: true, value: '-3.2' });
  });

  it('surrounding spaces, including the ideographic space: " 25.3 " and "\\u300025.3"', () => {
    expect(value(' 25.3 ')).toEqual({ ok: true, value: '25.3' });
    expect(value('\u300025.3\t')).toEqual({ ok: true, value: '25.3' });
  });

  it('negatives with "-" and the minus sign U+2212; a leading "+"', () => {
    expect(value('-3.2')).toEqual({ ok: true, value: '-3.2' });
    expect(value('\u22123.2')).toEqual({ ok: true, value: '-3.2' });
    expect(value('+7')).toEqual({ ok: true, value: '7' });
  });

  it('canonical form: no trailing zeros, no leading zeros, "-0" → "0", ".5" → "0.5"', () => {
    expect(value('25.3000')).toEqual({ ok: true, value: '25.3' });
    expect(value('007.0')).toEqual({ ok: true, value: '7' });
    expect(value('-0')).toEqual({ ok: true, value: '0' });
    expect(value('-0.000')).toEqual({ ok: true, value: '0' });
    expect(value('.5')).toEqual({ ok: true, value: '0.5' });
  });

  it('finite numbers are accepted as numbers', () => {
    expect(value(1027)).toEqual({ ok: true, value: '1027' });
    expect(value(-0)).toEqual({ ok: true, value: '0' });
    expect(value(4.5)).toEqual({ ok: true, value: '4.5' });
  });

  it('"12%" when the unit is %; "12%" refused when it is not', () => {
    expect(value('12%', { unit: '%' })).toEqual({ ok: true, value: '12' });
    expect(value('１２％', { unit: '%' })).toEqual({ ok: true, value: '12' });
    expect(message('12%')).toBe('「累计完成投资」不应带 %：本项单位是「亿元」，请只填写数字');
  });

  it('"2.5万" with a base unit (个, 户, 元) → "25000"; "2.5万户" too', () => {
    expect(value('2.5万', { unit: '个' })).toEqual({ ok: true, value: '25000' });
    expect(value('2.5万户', { unit: '户' })).toEqual({ ok: true, value: '25000' });
    expect(value('1.2亿', { unit: '元' })).toEqual({ ok: true, value: '120000000' });
  });

  it('"4.8万" with unit 万人 → "4.8" (the unit\'s own scale is dropped); "4.8万人" too', () => {
    expect(value('4.8万', { unit: '万人' })).toEqual({ ok: true, value: '4.8' });
    expect(value('4.8万人', { unit: '万人' })).toEqual({ ok: true, value: '4.8' });
  });

  it('"2.5亿" with unit 万元 → "25000" (亿 = 10000 万); "25000元" with 万元 → "2.5"', () => {
    expect(value('2.5亿', { unit: '万元' })).toEqual({ ok: true, value: '25000' });
    expect(value('2.5亿元', { unit: '万元' })).toEqual({ ok: true, value: '25000' });
    expect(value('25000元', { unit: '万元' })).toEqual({ ok: true, value: '2.5' });
    expect(value('900亿元')).toEqual({ ok: true, value: '900' });
    expect(value('5000万')).toEqual({ ok: true, value: '0.5' });
  });

  it('scaling is exact, not float: "0.07万" with unit 元 → "700"', () => {
    expect(value('0.07万', { unit: '元' })).toEqual({ ok: true, value: '700' });
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
