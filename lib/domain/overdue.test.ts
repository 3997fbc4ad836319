import { describe, expect, it } from 'vitest';
import { findDueItems } from './overdue';

const monthly = { id: 1, frequency: 'monthly' as const, hasTarget: true };
const quarterly = { id: 2, frequency: 'quarterly' as const, hasTarget: true };
const unplanned = { id: 3, frequency: 'monthly' as const, hasTarget: false };
// 2026-11-04 12:00 in Shanghai (04:00 UTC): October's figures are due by the end of 5 November.
const nov4 = new Date('2026-11-04T04:00:00Z');

describe('findDueItems', () => {
  it('lists missing past months as overdue and the latest month as due soon within 3 days', () => {
    const submitted = new Set(Array.from({ length: 8 }, (_, i) => `1:${i + 1}`)); // Jan–Aug in
    const items = findDueItems({ indicators: [monthly], submitted, year: 2026, now: nov4, dueDay: 5 });
    expect(items.map((i) => [i.period.month, i.state])).toEqual([
      [9, 'overdue'],
      [10, 'due_soon'],
    ]);
    expect(items[1]?.daysLeft).toBe(1);
  });

  it('a quarterly indicator is due only at quarter ends', () => {
    const items = findDueItems({
      indicators: [quarterly],
      submitted: new Set(['2:3', '2:6']),
      year: 2026,
      now: nov4,
      dueDay: 5,
    });
    expect(items.map((i) => i.period.month)).toEqual([9]);
  });

  it('an indicator without a target for the year is not planned, so never overdue', () => {
    expect(findDueItems({ indicators: [unplanned], submitted: new Set(), year: 2026, now: nov4, dueDay: 5 })).toEqual(
      [],
    );
  });

  it('the deadline day itself is still due soon; the next day it is overdue', () => {
    const onDeadline = new Date('2026-11-05T15:59:59Z'); // 23:59:59 on the 5th in Shanghai
    const after = new Date('2026-11-05T16:00:00Z');
    const all = new Set(Array.from({ length: 9 }, (_, i) => `1:${i + 1}`));
    expect(
      findDueItems({ indicators: [monthly], submitted: all, year: 2026, now: onDeadline, dueDay: 5 })[0]?.state,
    ).toBe('due_soon');
    expect(findDueItems({ indicators: [monthly], submitted: all, year: 2026, now: after, dueDay: 5 })[0]?.state).toBe(
      'overdue',
    );
  });

  it('January: nothing of the new year is due yet; a past year has all twelve months due', () => {
    const jan = new Date('2027-01-10T04:00:00Z');
    expect(findDueItems({ indicators: [monthly], submitted: new Set(), year: 2027, now: jan, dueDay: 5 })).toEqual([]);
    expect(findDueItems({ indicators: [monthly], submitted: new Set(), year: 2026, now: jan, dueDay: 5 })).toHaveLength(
      12,
    );
  });
});
