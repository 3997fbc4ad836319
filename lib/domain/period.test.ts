import { describe, it, expect } from 'vitest';
import {
  periodSearch,
  addMonths,
  comparePeriods,
  currentPeriod,
  daysUntilDeadline,
  entryDeadline,
  formatPeriod,
  formatPeriodLabel,
  isDueMonth,
  isOverdue,
  monthsOfFrequency,
  parsePeriod,
  periodFromIndex,
  periodIndex,
  previousPeriod,
  quarterOf,
  shanghaiDayNumber,
} from './period';

describe('parsePeriod', () => {
  it.each([
    ['2025-03', 3],
    ['2025-3', 3],
    ['2025/3', 3],
    ['2025年3月', 3],
    [' 2025年12月 ', 12],
  ])('accepts %j as month %i of 2025', (text, month) => {
    expect(parsePeriod(text)).toEqual({ year: 2025, month });
  });

  it.each([
    ['month 13', '2025-13'],
    ['month 00', '2025-00'],
    ['text', 'abc'],
    ['empty', ''],
    ['a day as well', '2025-03-01'],
    ['a year before 1000', '0999-01'],
    ['an overlong string', `2025-0${'3'.repeat(10_000)}`],
  ])('refuses %s', (_, text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('formatting and arithmetic', () => {
  it('formats "2025-03" and "2025年3月"', () => {
    expect(formatPeriod({ year: 2025, month: 3 })).toBe('2025-03');
    expect(formatPeriod({ year: 2025, month: 12 })).toBe('2025-12');
    expect(formatPeriodLabel({ year: 2025, month: 3 })).toBe('2025年3月');
  });

  it('maps months to quarters at the quarter boundaries', () => {
    expect([1, 3, 4, 6, 7, 9, 10, 12].map(quarterOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('orders periods across a year end', () => {
    expect(comparePeriods({ year: 2025, month: 12 }, { year: 2026, month: 1 })).toBe(-1);
    expect(comparePeriods({ year: 2025, month: 5 }, { year: 2025, month: 5 })).toBe(0);
    expect(comparePeriods({ year: 2026, month: 1 }, { year: 2025, month: 3 })).toBe(10);
    expect(periodIndex({ year: 2025, month: 1 })).toBe(24300);
    expect(periodFromIndex(24300)).toEqual({ year: 2025, month: 1 });
  });

  it('December + 1 month is January of the next year; January − 1 is December', () => {
    expect(addMonths({ year: 2025, month: 12 }, 1)).toEqual({ year: 2026, month: 1 });
    expect(addMonths({ year: 2025, month: 3 }, -15)).toEqual({ year: 2023, month: 12 });
    expect(previousPeriod({ year: 2026, month: 1 })).toEqual({ year: 2025, month: 12 });
    expect(previousPeriod({ year: 2025, month: 7 })).toEqual({ year: 2025, month: 6 });
  });
});

describe('currentPeriod in Asia/Shanghai', () => {
  it('16:00Z on 31 December is already January in Shanghai', () => {
    expect(currentPeriod(new Date('2025-12-31T16:00:00Z'))).toEqual({ year: 2026, month: 1 });
    expect(currentPeriod(new Date('2025-12-31T15:59:59Z'))).toEqual({ year: 2025, month: 12 });
  });

  it('ignores the offset the Date was written with', () => {
    expect(currentPeriod(new Date('2025-03-31T20:00:00-05:00'))).toEqual({ year: 2025, month: 4 });
  });
});

describe('shanghaiDayNumber', () => {
  it('turns at Shanghai midnight (16:00Z), which is when every deadline ends', () => {
    const deadline = entryDeadline({ year: 2025, month: 3 });
    expect(shanghaiDayNumber(new Date(deadline.getTime() - 1))).toBe(shanghaiDayNumber(deadline) - 1);
    expect(shanghaiDayNumber(new Date('2025-12-31T15:59:59Z'))).toBe(
      shanghaiDayNumber(new Date('2025-12-30T16:00:00Z')),
    );
    expect(shanghaiDayNumber(new Date('1970-01-01T16:00:00Z'))).toBe(1);
  });
});

describe('entryDeadline', () => {
  it('ends at 24:00 +08:00 on the 5th of the next month by default', () => {
    expect(entryDeadline({ year: 2025, month: 3 }).toISOString()).toBe('2025-04-05T16:00:00.000Z');
  });

  it('December figures are due in January of the next year', () => {
    expect(entryDeadline({ year: 2025, month: 12 }).toISOString()).toBe('2026-01-05T16:00:00.000Z');
  });

  it('takes a custom due day and clamps day 31 to the end of February', () => {
    expect(entryDeadline({ year: 2025, month: 3 }, 10).toISOString()).toBe('2025-04-10T16:00:00.000Z');
    expect(entryDeadline({ year: 2025, month: 1 }, 31).toISOString()).toBe('2025-02-28T16:00:00.000Z');
  });
});

describe('isOverdue', () => {
  const period = { year: 2025, month: 3 };

  it('is not overdue one second before the deadline ends', () => {
    expect(isOverdue({ period, now: new Date('2025-04-05T23:59:59+08:00'), hasSubmission: false })).toBe(false);
  });

  it('is overdue from 00:00 on the 6th (Shanghai) without a submission', () => {
    expect(isOverdue({ period, now: new Date('2025-04-06T00:00:00+08:00'), hasSubmission: false })).toBe(true);
  });

  it('is never overdue once submitted', () => {
    expect(isOverdue({ period, now: new Date('2025-06-01T00:00:00+08:00'), hasSubmission: true })).toBe(false);
  });

  it('honours a custom due day', () => {
    expect(isOverdue({ period, now: new Date('2025-04-08T12:00:00+08:00'), dueDay: 10, hasSubmission: false })).toBe(
      false,
    );
  });
});

describe('daysUntilDeadline', () => {
  const period = { year: 2025, month: 3 };

  it('counts whole Shanghai calendar days: 1 the day before, 0 on the due day, negative after', () => {
    expect(daysUntilDeadline(period, new Date('2025-04-04T23:59:00+08:00'))).toBe(1);
    expect(daysUntilDeadline(period, new Date('2025-04-05T00:00:00+08:00'))).toBe(0);
    expect(daysUntilDeadline(period, new Date('2025-04-05T23:59:00+08:00'))).toBe(0);
    expect(daysUntilDeadline(period, new Date('2025-04-06T00:00:00+08:00'))).toBe(-1);
    expect(daysUntilDeadline(period, new Date('2025-04-01T09:00:00+08:00'), 10)).toBe(9);
  });

  it('December: counts across the year end', () => {
    expect(daysUntilDeadline({ year: 2025, month: 12 }, new Date('2025-12-31T10:00:00+08:00'))).toBe(5);
  });
});

describe('frequencies', () => {
  it('monthly → 1..12, quarterly → 3, 6, 9, 12, annual → 12', () => {
    expect(monthsOfFrequency('monthly')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(monthsOfFrequency('quarterly')).toEqual([3, 6, 9, 12]);
    expect(monthsOfFrequency('annual')).toEqual([12]);
  });

  it('a quarterly indicator is due in March but not in January; an annual one only in December', () => {
    expect(isDueMonth('quarterly', 3)).toBe(true);
    expect(isDueMonth('quarterly', 1)).toBe(false);
    expect(isDueMonth('annual', 12)).toBe(true);
    expect(isDueMonth('annual', 11)).toBe(false);
    expect(isDueMonth('monthly', 1)).toBe(true);
  });

  it('returns a fresh array the caller may mutate', () => {
    monthsOfFrequency('annual').push(99);
    expect(monthsOfFrequency('annual')).toEqual([12]);
  });
});

describe('periodSearch', () => {
  it.each([
    [{ year: 2026, month: 10 }, '?year=2026&month=10'],
    [{ year: 2026 }, '?year=2026'],
    [{ month: 3 }, '?month=3'],
    [{}, ''],
  ])('%j → %s', (params, search) => {
    expect(periodSearch(params)).toBe(search);
  });
});
