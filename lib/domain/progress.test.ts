import { describe, it, expect } from 'vitest';
import { monthValues } from '@/tests/helpers/pure/month-values';
import { completion, expectedFraction, expectedToDate, validatePhasing, type Phasing } from './progress';
import type { IndicatorKind } from './types';

const quarterly: Phasing = { kind: 'quarterly', values: monthValues([3, 150], [6, 450], [9, 700], [12, 1000]) };

describe('expectedFraction', () => {
  it('linear without phasing: June → 0.5 ("时间过半、任务过半"), January → 1/12, December → 1', () => {
    expect(expectedFraction({ month: 6, target: 1000 })).toBe(0.5);
    expect(expectedFraction({ month: 1, target: 1000 })).toBe(0.083333);
    expect(expectedFraction({ month: 12, target: 1000 })).toBe(1);
    expect(expectedFraction({ month: 6, target: 1000, phasing: { kind: 'none', values: [] } })).toBe(0.5);
  });

  it('phased vs linear: quarterly phasing gives 0.45 at June where linear gives 0.5', () => {
    expect(expectedFraction({ month: 6, target: 1000, phasing: quarterly })).toBe(0.45);
  });

  it('phased: between quarters holds the last quarter (May → March value 0.15)', () => {
    expect(expectedFraction({ month: 5, target: 1000, phasing: quarterly })).toBe(0.15);
  });

  it('phased: January, before the first phase, expects 0', () => {
    expect(expectedFraction({ month: 1, target: 1000, phasing: quarterly })).toBe(0);
  });

  it('target 0 falls back to linear even with phasing', () => {
    expect(expectedFraction({ month: 3, target: 0, phasing: quarterly })).toBe(0.25);
    expect(expectedFraction({ month: 3, target: null })).toBe(0.25);
  });
});

describe('expectedToDate', () => {
  it('a cumulative indicator, linear: 1000 × 3/12 = 250', () => {
    expect(expectedToDate({ kind: 'cumulative', month: 3, target: 1000 })).toBe(250);
  });

  it('a cumulative indicator, phased: the phased cumulative value (June 450)', () => {
    expect(expectedToDate({ kind: 'cumulative', month: 6, target: 1000, phasing: quarterly })).toBe(450);
  });

  it('a milestone, linear, rounded to 4 decimals: 15 × 1/12 = 1.25; 20000 套 × 7/12 = 11666.6667', () => {
    expect(expectedToDate({ kind: 'milestone', month: 1, target: 15 })).toBe(1.25);
    expect(expectedToDate({ kind: 'milestone', month: 7, target: 20000 })).toBe(11666.6667);
  });

  it('a level indicator: linear from the prior December baseline to the target', () => {
    expect(expectedToDate({ kind: 'level', month: 6, target: 700, baseline: 600 })).toBe(650);
  });

  it('a level indicator without baseline expects the target itself', () => {
    expect(expectedToDate({ kind: 'level', month: 6, target: 700 })).toBe(700);
  });

  it('a level indicator, lower-is-better, declines linearly (PM2.5 40 → 34: 38.5 at March)', () => {
    expect(expectedToDate({ kind: 'level', month: 3, target: 34, baseline: 40 })).toBe(38.5);
  });

  it('a level indicator, phased: the phased level', () => {
    const phasing: Phasing = { kind: 'monthly', values: monthValues([6, 640], [12, 700]) };
    expect(expectedToDate({ kind: 'level', month: 8, target: 700, baseline: 600, phasing })).toBe(640);
  });

  it('a rate vs a cumulative indicator: the rate expects its target every month', () => {
    expect(expectedToDate({ kind: 'rate', month: 2, target: 4.5 })).toBe(4.5);
    expect(expectedToDate({ kind: 'cumulative', month: 2, target: 4.5 })).toBe(0.75);
  });

  it('a rate, phased: the phased rate', () => {
    const phasing: Phasing = { kind: 'quarterly', values: monthValues([3, 4], [12, 4.5]) };
    expect(expectedToDate({ kind: 'rate', month: 4, target: 4.5, phasing })).toBe(4);
  });

  it('no target → null', () => {
    expect(expectedToDate({ kind: 'cumulative', month: 6, target: null })).toBeNull();
  });
});

describe('completion', () => {
  it('a cumulative indicator: 450 ÷ 1000 = 0.45; rounded to 6 decimals', () => {
    expect(completion({ kind: 'cumulative', direction: 'up', actual: 450, target: 1000 })).toBe(0.45);
    expect(completion({ kind: 'milestone', direction: 'up', actual: 1, target: 3 })).toBe(0.333333);
  });

  it('lower-is-better: actual ÷ ceiling, above 1 means over the ceiling', () => {
    expect(completion({ kind: 'level', direction: 'down', actual: 36, target: 30 })).toBe(1.2);
  });

  it('a rate returns null: rates are compared in points', () => {
    expect(completion({ kind: 'rate', direction: 'up', actual: 5, target: 4.5 })).toBeNull();
  });

  it('target 0 and no data return null', () => {
    expect(completion({ kind: 'cumulative', direction: 'up', actual: 5, target: 0 })).toBeNull();
    expect(completion({ kind: 'cumulative', direction: 'up', actual: null, target: 10 })).toBeNull();
    expect(completion({ kind: 'cumulative', direction: 'up', actual: 5, target: null })).toBeNull();
  });
});

describe('validatePhasing', () => {
  const monthly = (...pairs: [number, number][]): Phasing => ({ kind: 'monthly', values: monthValues(...pairs) });
  const byQuarter = (...pairs: [number, number][]): Phasing => ({ kind: 'quarterly', values: monthValues(...pairs) });

  it.each<[string, IndicatorKind, number, Phasing]>([
    ['a valid quarterly cumulative phasing', 'cumulative', 1000, quarterly],
    ['"none"', 'cumulative', 1000, { kind: 'none', values: [] }],
    [
      'December equal to the target within 1e-9 relative (0.1 + 0.2 vs 0.3)',
      'milestone',
      0.3,
      monthly([12, 0.1 + 0.2]),
    ],
    ['a level that decreases (lower-is-better) to the target in December', 'level', 34, byQuarter([3, 38], [12, 34])],
  ])('accepts %s', (_, kind, target, phasing) => {
    expect(validatePhasing({ kind, target, phasing })).toEqual({ ok: true });
  });

  it.each<[string, IndicatorKind, number, Phasing, string]>([
    [
      'a cumulative December value other than the annual target',
      'cumulative',
      100,
      monthly([6, 40], [12, 90]),
      '分解目标：12月的累计值 90 与全年目标 100 不一致',
    ],
    [
      'a cumulative value that decreases',
      'cumulative',
      100,
      monthly([3, 50], [6, 40], [12, 100]),
      '分解目标：6月的累计值 40 小于3月的 50，累计值不能减少',
    ],
    [
      'a December value of a rate other than the target',
      'rate',
      4.5,
      byQuarter([3, 4], [12, 5]),
      '分解目标：12月的目标值 5 与全年目标 4.5 不一致',
    ],
    [
      'a quarterly phasing with a month other than 3, 6, 9, 12',
      'cumulative',
      100,
      byQuarter([5, 10], [12, 100]),
      '分解目标：按季度分解只能填写3、6、9、12月，不能填写5月',
    ],
    ['an empty monthly phasing', 'cumulative', 100, monthly(), '分解目标：未填写任何月份'],
    [
      'a non-finite value, naming its month',
      'cumulative',
      100,
      monthly([7, Number.NaN], [12, 100]),
      '分解目标：7月的值不是有效数字',
    ],
  ])('refuses %s', (_, kind, target, phasing, message) => {
    expect(validatePhasing({ kind, target, phasing })).toMatchObject({ ok: false, message });
  });

  it('months out of order or repeated, month 13, December missing, all reported together', () => {
    const phasing: Phasing = { kind: 'monthly', values: monthValues([6, 10], [4, 20], [13, 30]) };
    const result = validatePhasing({ kind: 'cumulative', target: 100, phasing });
    expect(result).toEqual({
      ok: false,
      message:
        '分解目标：4月应排在6月之后，且每月只能填写一次；分解目标：月份 13 无效（应为1–12月）；分解目标：缺少12月的累计值（应等于全年目标 100）',
      messages: [
        '分解目标：4月应排在6月之后，且每月只能填写一次',
        '分解目标：月份 13 无效（应为1–12月）',
        '分解目标：缺少12月的累计值（应等于全年目标 100）',
      ],
    });
  });
});
