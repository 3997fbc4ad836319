import { describe, expect, it } from 'vitest';
import { figureCell, numericText, SHANGHAI_CLOCK, shanghaiTime } from './cells';

describe('shanghaiTime', () => {
  it('writes Beijing time as "YYYY-MM-DD HH:MM:SS"', () => {
    expect(shanghaiTime(new Date('2025-03-05T06:03:22.999Z'))).toBe('2025-03-05 14:03:22');
    expect(shanghaiTime(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01 00:00:00');
    expect(shanghaiTime(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29 00:00:00');
    expect(shanghaiTime(new Date('2000-02-29T15:59:59Z'))).toBe('2000-02-29 23:59:59');
    expect(shanghaiTime(null)).toBeNull();
    expect(shanghaiTime(undefined)).toBeNull();
  });

  it('agrees with the time zone database at every day boundary, month end and leap day from 1991 to 2100', () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1991, 8, 1); ms < Date.UTC(2100, 0, 1); ms += 86_400_000 / 4 + 1_000) {
      const date = new Date(ms);
      if (shanghaiTime(date) !== SHANGHAI_CLOCK.format(date)) mismatches.push(date.toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees on 100,000 random instants to the second (a fixed seed)', () => {
    let seed = 20261130;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(1991, 0, 1);
    const to = Date.UTC(2200, 0, 1);
    for (let i = 0; i < 100_000; i += 1) {
      const date = new Date(from + Math.floor(random() * (to - from)));
      expect(shanghaiTime(date)).toBe(SHANGHAI_CLOCK.format(date));
    }
  });

  it('asks the time zone database before 1991-09-15 (when China still kept summer time)', () => {
    expect(shanghaiTime(new Date('1991-07-01T00:00:00Z'))).toBe('1991-07-01 09:00:00');
    expect(shanghaiTime(new Date('1991-09-14T16:59:59Z'))).toBe('1991-09-15 01:59:59');
    expect(shanghaiTime(new Date('1991-09-14T17:00:00Z'))).toBe('1991-09-15 01:00:00');
  });
});

describe('figure cells', () => {
  it('keeps a stored decimal as its exact text, without trailing zeros', () => {
    expect(figureCell('900.000000')).toEqual({ figure: '900' });
    expect(figureCell('-0.000')).toEqual({ figure: '0' });
    expect(figureCell('全部完成')).toBe('全部完成');
    expect(numericText({ figure: '2655.6' })).toBe('2655.6');
    expect(numericText(Number.NaN)).toBeNull();
  });
});
