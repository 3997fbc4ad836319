import { describe, it, expect } from 'vitest';
import { monthValues } from '@/tests/helpers/pure/month-values';
import { forecastYearEnd } from './forecast';
import type { Phasing } from './progress';

const up = { direction: 'up' } as const;

describe('forecastYearEnd: a cumulative indicator', () => {
  it('linear: 300 by March → 1200 at year end, meets 1000', () => {
    expect(
      forecastYearEnd({ ...up, kind: 'cumulative', series: monthValues([1, 80], [3, 300]), target: 1000 }),
    ).toEqual({ value: 1200, willMeet: true, method: '按序时进度外推', basedOnMonth: 3 });
  });

  it('January: one month of YTD × 12', () => {
    expect(forecastYearEnd({ ...up, kind: 'cumulative', series: monthValues([1, 70]), target: 1000 })).toMatchObject({
      value: 840,
      willMeet: false,
    });
  });

  it('phased vs linear: 400 by June against a 45% phase → 888.8889 (linear would say 800)', () => {
    const phasing: Phasing = { kind: 'quarterly', values: monthValues([3, 150], [6, 450], [9, 700], [12, 1000]) };
    expect(
      forecastYearEnd({ ...up, kind: 'cumulative', series: monthValues([6, 400]), target: 1000, phasing })?.value,
    ).toBe(888.8889);
    expect(forecastYearEnd({ ...up, kind: 'cumulative', series: monthValues([6, 400]), target: 1000 })?.value).toBe(
      800,
    );
  });

  it('phased, before the first phase (February), falls back to the linear pace', () => {
    const phasing: Phasing = { kind: 'quarterly', values: monthValues([3, 300], [12, 1000]) };
    expect(
      forecastYearEnd({ ...up, kind: 'cumulative', series: monthValues([2, 100]), target: 1000, phasing })?.value,
    ).toBe(600);
  });

  it('December: the YTD figure is the year end', () => {
    expect(
      forecastYearEnd({ ...up, kind: 'cumulative', series: monthValues([11, 900], [12, 990]), target: 1000 }),
    ).toEqual({ value: 990, willMeet: false, method: '按12月实际值', basedOnMonth: 12 });
  });

  it('missing months and unsorted input: the latest month wins', () => {
    expect(
      forecastYearEnd({ ...up, kind: 'cumulative', series: monthValues([4, 400], [1, 90]), target: null }),
    ).toEqual({ value: 1200, willMeet: null, method: '按序时进度外推', basedOnMonth: 4 });
  });
});

describe('forecastYearEnd: a milestone', () => {
  it('is capped at its target (15 件 done by June would not become 30)', () => {
    expect(forecastYearEnd({ ...up, kind: 'milestone', series: monthValues([6, 15]), target: 15 })).toMatchObject({
      value: 15,
      willMeet: true,
    });
  });

  it('below pace stays below the target', () => {
    expect(forecastYearEnd({ ...up, kind: 'milestone', series: monthValues([9, 9]), target: 15 })).toMatchObject({
      value: 12,
      willMeet: false,
    });
  });
});

describe('forecastYearEnd: a level indicator', () => {
  it('extends the least-squares trend to December (missing months: 1, 2, 4)', () => {
    const series = monthValues([1, 100], [2, 102], [4, 106]);
    expect(forecastYearEnd({ ...up, kind: 'level', series, target: 120 })).toEqual({
      value: 122,
      willMeet: true,
      method: '按月度趋势线性外推',
      basedOnMonth: 4,
    });
  });

  it('rounds to 4 decimals', () => {
    const series = monthValues([1, 10], [2, 11], [3, 13]);
    expect(forecastYearEnd({ ...up, kind: 'level', series, target: 30 })?.value).toBe(26.3333);
  });

  it('one point: that value', () => {
    expect(forecastYearEnd({ ...up, kind: 'level', series: monthValues([5, 650]), target: 700 })).toMatchObject({
      value: 650,
      willMeet: false,
    });
  });

  it('lower-is-better: a falling PM2.5 meets a 34 ceiling', () => {
    const series = monthValues([1, 44], [2, 43], [3, 42]);
    expect(forecastYearEnd({ kind: 'level', direction: 'down', series, target: 34 })).toMatchObject({
      value: 33,
      willMeet: true,
    });
    expect(forecastYearEnd({ kind: 'level', direction: 'down', series, target: 32 })?.willMeet).toBe(false);
  });
});

describe('forecastYearEnd: a rate vs a cumulative indicator', () => {
  it('a rate keeps its latest YTD growth (not × 12/month)', () => {
    const series = monthValues([3, 5.2], [6, 4.4]);
    expect(forecastYearEnd({ ...up, kind: 'rate', series, target: 4.5 })).toEqual({
      value: 4.4,
      willMeet: false,
      method: '按最新累计增速',
      basedOnMonth: 6,
    });
  });

  it('a rate exactly at target meets it', () => {
    expect(forecastYearEnd({ ...up, kind: 'rate', series: monthValues([6, 4.5]), target: 4.5 })?.willMeet).toBe(true);
  });
});

describe('forecastYearEnd: no data', () => {
  it('an empty series → null; a series of only NaN or month 13 → null', () => {
    expect(forecastYearEnd({ ...up, kind: 'cumulative', series: [], target: 1000 })).toBeNull();
    expect(
      forecastYearEnd({ ...up, kind: 'cumulative', series: monthValues([3, Number.NaN], [13, 5]), target: 1 }),
    ).toBeNull();
  });
});
