import { describe, expect, it } from 'vitest';
import { formatShanghaiDateTime, formatShanghaiTime, isOlderThan } from './datetime';

describe('Shanghai date and time', () => {
  it('adds eight hours whatever the host zone, crossing midnight and the year end', () => {
    expect(formatShanghaiDateTime('2026-04-10T04:05:00Z')).toBe('2026-04-10 12:05');
    expect(formatShanghaiDateTime(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01 00:30');
    expect(formatShanghaiTime(Date.UTC(2026, 10, 29, 23, 3, 9))).toBe('07:03:09');
  });

  it('an invalid instant reads —', () => {
    expect(formatShanghaiDateTime('not a date')).toBe('—');
    expect(formatShanghaiTime(Number.NaN)).toBe('—');
  });
});

describe('isOlderThan (the cockpit’s stale warning)', () => {
  it('stale only past the limit; a missing time is stale', () => {
    expect(isOlderThan(1_000, 91_000, 90_000)).toBe(false);
    expect(isOlderThan(1_000, 91_001, 90_000)).toBe(true);
    expect(isOlderThan(null, 5, 90_000)).toBe(true);
    expect(isOlderThan(0, 5, 90_000)).toBe(true);
  });
});
