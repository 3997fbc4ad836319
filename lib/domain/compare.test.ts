import { describe, it, expect } from 'vitest';
import { monthValues } from '@/tests/helpers/pure/month-values';
import { changeToShow, isPercentValued, monthIncrement, periodOnPeriod, priorFromGrowth, yearOnYear } from './compare';

describe('yearOnYear', () => {
  it('a cumulative indicator: (12.6 − 10.7) ÷ 10.7 → +17.757 percent', () => {
    expect(yearOnYear({ kind: 'cumulative', current: 12.6, prior: 10.7 })).toEqual({ change: 17.757, unit: 'percent' });
  });

  it('a rate vs a cumulative indicator: a rate changes in points (4.5 vs 5.2 → −0.7 point)', () => {
    expect(yearOnYear({ kind: 'rate', current: 4.5, prior: 5.2 })).toEqual({ change: -0.7, unit: 'points' });
    expect(yearOnYear({ kind: 'cumulative', current: 4.5, prior: 5.2 })).toEqual({ change: -13.4615, unit: 'percent' });
  });

  it('a negative prior uses |prior| so improvement reads positive (−10 → −5: +50%)', () => {
    expect(yearOnYear({ kind: 'level', current: -5, prior: -10 })).toEqual({ change: 50, unit: 'percent' });
  });

  it('prior 0 → null for a share, but a rate from 0 is a points change', () => {
    expect(yearOnYear({ kind: 'cumulative', current: 5, prior: 0 })).toBeNull();
    expect(yearOnYear({ kind: 'rate', current: 1.5, prior: 0 })).toEqual({ change: 1.5, unit: 'points' });
  });

  it('no data: a missing current or prior → null', () => {
    expect(yearOnYear({ kind: 'level', current: null, prior: 5 })).toBeNull();
    expect(yearOnYear({ kind: 'level', current: 5, prior: null })).toBeNull();
    expect(yearOnYear({ kind: 'rate', current: Number.NaN, prior: 5 })).toBeNull();
  });
});

describe('periodOnPeriod', () => {
  it('compares month increments of a cumulative series (March 110 vs February 100 → +10%)', () => {
    const ytd = monthValues([1, 80], [2, 180], [3, 290]);
    expect(
      periodOnPeriod({ kind: 'cumulative', current: monthIncrement(ytd, 3), prior: monthIncrement(ytd, 2) }),
    ).toEqual({ change: 10, unit: 'percent' });
  });

  it('a level indicator month on month', () => {
    expect(periodOnPeriod({ kind: 'level', current: 205, prior: 200 })).toEqual({ change: 2.5, unit: 'percent' });
  });
});

describe('monthIncrement', () => {
  const ytd = monthValues([1, 80], [2, 180.3], [4, 400]);

  it('January: the YTD figure itself', () => {
    expect(monthIncrement(ytd, 1)).toBe(80);
  });

  it('February: YTD(2) − YTD(1), rounded to 4 decimals', () => {
    expect(monthIncrement(ytd, 2)).toBe(100.3);
  });

  it('missing months: April without March → null; March itself → null', () => {
    expect(monthIncrement(ytd, 4)).toBeNull();
    expect(monthIncrement(ytd, 3)).toBeNull();
  });
});

describe('priorFromGrowth', () => {
  it('derives the prior year from a reported growth rate: 12.6 at +17.7% → 10.7052', () => {
    expect(priorFromGrowth(12.6, 17.7)).toBe(10.7052);
  });

  it('−100% growth cannot be inverted → null', () => {
    expect(priorFromGrowth(0, -100)).toBeNull();
  });
});

describe('percent-valued indicators change in percentage points', () => {
  it('a share in % (森林覆盖率 26.82 → 27.97) is +1.15 points, never +4.3 percent', () => {
    expect(yearOnYear({ kind: 'level', unit: '%', current: 27.97, prior: 26.82 })).toEqual({
      change: 1.15,
      unit: 'points',
    });
    expect(isPercentValued('level', '%')).toBe(true);
    expect(isPercentValued('cumulative', '亿元')).toBe(false);
    expect(isPercentValued('rate', '个百分点')).toBe(true);
  });
});

describe('changeToShow', () => {
  const exports = { value: 12.6, isReported: true };
  const prior = { value: 10.71, isDerived: true, derivedNote: '由2025年出口12.6亿元、增长17.7%推算：12.6÷1.177≈10.71' };

  it('a stated change wins over the computed one, with its words (出口 增长17.7%, not +17.6%)', () => {
    const stated = { change: 17.7, unit: 'percent' as const, basis: 'prior_year' as const, text: '增长17.7%' };
    expect(
      changeToShow({ kind: 'cumulative', unit: '亿元', stated, current: exports, prior, priorLabel: '上年' }),
    ).toEqual({ change: 17.7, unit: 'percent', source: 'stated', text: '增长17.7%' });
  });

  it('computed from a derived prior: estimated (推算), with the formula and how the prior was derived', () => {
    const shown = changeToShow({ kind: 'cumulative', unit: '亿元', current: exports, prior, priorLabel: '上年' });
    expect(shown).toMatchObject({ change: 17.6471, unit: 'percent', source: 'estimated' });
    expect(shown?.method).toBe(`(12.6 − 上年10.71) ÷ 10.71 × 100% ≈ +17.6%；${prior.derivedNote}`);
  });

  it('two published figures the report gives no change for: estimated, in points for a share', () => {
    const shown = changeToShow({
      kind: 'rate',
      unit: '%',
      current: { value: 41, isReported: true },
      prior: { value: 24.2, isReported: true },
      priorLabel: '2020年',
    });
    expect(shown).toMatchObject({
      change: 16.8,
      unit: 'points',
      source: 'estimated',
      method: '41% − 2020年24.2% = +16.8个百分点',
    });
  });

  it('two entered figures: computed (not an estimate); a decrease reads with a minus sign', () => {
    const shown = changeToShow({
      kind: 'level',
      unit: '家',
      current: { value: 90 },
      prior: { value: 100 },
      priorLabel: '上年',
    });
    expect(shown).toMatchObject({
      change: -10,
      unit: 'percent',
      source: 'computed',
      method: '(90 − 上年100) ÷ 100 × 100% ≈ −10%',
    });
  });

  it('no prior, no current or prior 0: nothing to show', () => {
    expect(
      changeToShow({ kind: 'level', unit: '家', current: { value: 5 }, prior: null, priorLabel: '上年' }),
    ).toBeNull();
    expect(
      changeToShow({ kind: 'level', unit: '家', current: null, prior: { value: 5 }, priorLabel: '上年' }),
    ).toBeNull();
    expect(
      changeToShow({ kind: 'level', unit: '家', current: { value: 5 }, prior: { value: 0 }, priorLabel: '上年' }),
    ).toBeNull();
  });
});
