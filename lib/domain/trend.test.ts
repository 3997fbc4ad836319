import { describe, expect, it } from 'vitest';
import { monthValues } from '@/tests/helpers/pure/month-values';
import { buildTrendRows } from './trend';
import type { Frequency, IndicatorKind } from './types';

type TrendArgs = Parameters<typeof buildTrendRows>[0];

/** The trend of a `kind` indicator reported `frequency`, through month `throughMonth` of `year`. */
function trendOf(
  kind: IndicatorKind,
  frequency: Frequency,
  [year, throughMonth]: [number, number],
  rest: Omit<TrendArgs, 'kind' | 'frequency' | 'year' | 'throughMonth'>,
) {
  return buildTrendRows({ kind, frequency, year, throughMonth, ...rest });
}

describe('buildTrendRows', () => {
  it('a cumulative monthly indicator: 12 rows, the expected path rises linearly to the target, the projection runs to December', () => {
    const rows = trendOf('cumulative', 'monthly', [2026, 3], {
      figures: [
        { year: 2026, month: 1, value: 80 },
        { year: 2026, month: 3, value: 300 },
        { year: 2026, month: 4, value: 999 }, // after the period: left out
        { year: 2025, month: 3, value: 260 },
      ],
      target: 1200,
      forecast: 1200,
    });
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ month: 1, actual: 80, prior: null, expected: 100, target: 1200, projection: null });
    // missing months: February has no figure
    expect(rows[1]?.actual).toBeNull();
    expect(rows[2]).toEqual({ month: 3, actual: 300, prior: 260, expected: 300, target: 1200, projection: 300 });
    expect(rows[3]?.actual).toBeNull();
    expect(rows[11]).toMatchObject({ month: 12, expected: 1200, projection: 1200 });
  });

  it('a December period: no projection (the year is complete)', () => {
    const rows = trendOf('cumulative', 'monthly', [2025, 12], {
      figures: [{ year: 2025, month: 12, value: 1027 }],
      target: null,
      forecast: 1027,
    });
    expect(rows[11]).toEqual({ month: 12, actual: 1027, prior: null, expected: null, target: null, projection: null });
    expect(rows.every((r) => r.projection === null)).toBe(true);
  });

  it('a quarterly indicator has four rows; a phased target rules the expected path', () => {
    const rows = trendOf('cumulative', 'quarterly', [2026, 6], {
      figures: [{ year: 2026, month: 6, value: 400 }],
      target: 1000,
      phasing: { kind: 'quarterly', values: monthValues([3, 200], [6, 450], [9, 700], [12, 1000]) },
    });
    expect(rows.map((r) => r.month)).toEqual([3, 6, 9, 12]);
    expect(rows.map((r) => r.expected)).toEqual([200, 450, 700, 1000]);
    expect(rows.every((r) => r.projection === null)).toBe(true); // no forecast given
  });

  it('a lower-is-better level indicator: the expected path falls from the baseline to the ceiling', () => {
    const rows = trendOf('level', 'monthly', [2026, 2], {
      figures: [{ year: 2026, month: 2, value: 39 }],
      target: 34,
      baseline: 40,
      forecast: 33,
    });
    expect(rows[2]?.expected).toBe(38.5);
    expect(rows[11]?.expected).toBe(34);
    expect(rows[1]?.projection).toBe(39);
    expect(rows[11]?.projection).toBe(33);
  });

  it('a rate: the expected path is the target every month', () => {
    const rows = trendOf('rate', 'monthly', [2026, 1], { figures: [], target: 4.5 });
    expect(new Set(rows.map((r) => r.expected))).toEqual(new Set([4.5]));
  });

  it('an annual indicator: one row, December', () => {
    const rows = trendOf('level', 'annual', [2025, 12], {
      figures: [{ year: 2025, month: 12, value: 334 }],
      target: null,
    });
    expect(rows).toEqual([{ month: 12, actual: 334, prior: null, expected: null, target: null, projection: null }]);
  });
});
