import { describe, it, expect } from 'vitest';
import { monthIncrement, periodOnPeriod, priorFromGrowth, yearOnYear } from './compare';

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
    const ytd = [
      { month: 1, value: 80 },
      { month: 2, value: 180 },
      { month: 3, value: 290 },
    ];
    expect(
      periodOnPeriod({ kind: 'cumulative', current: monthIncrement(ytd, 3), prior: monthIncrement(ytd, 2) }),
    ).toEqual({ change: 10, unit: 'percent' });
  });

  it('a level indicator month on month', () => {
    expect(periodOnPeriod({ kind: 'level', current: 205, prior: 200 })).toEqual({ change: 2.5, unit: 'percent' });
  });
});

describe('monthIncrement', () => {
  const ytd = [
    { month: 1, value: 80 },
    { month: 2, value: 180.3 },
    { month: 4, value: 400 },
  ];

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
