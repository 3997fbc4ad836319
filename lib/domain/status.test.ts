import { describe, it, expect } from 'vitest';
import { computeStatus, DEFAULT_TOLERANCES, STATUS_LABELS, STATUS_ORDER, statusSeverity } from './status';

const base = { kind: 'cumulative', direction: 'up', isOverdue: false } as const;

describe('computeStatus: no data', () => {
  it('no actual before the deadline → grey; after it → overdue', () => {
    expect(computeStatus({ ...base, actual: null, target: 1000, expected: 500 })).toEqual({
      status: 'grey',
      gapPoints: null,
    });
    expect(computeStatus({ ...base, actual: null, target: 1000, expected: 500, isOverdue: true })).toEqual({
      status: 'overdue',
      gapPoints: null,
    });
  });

  it('no target → grey (no basis), even with an actual', () => {
    expect(computeStatus({ ...base, actual: 10, target: null, expected: null })).toEqual({
      status: 'grey',
      gapPoints: null,
    });
  });
});

describe('computeStatus: a cumulative indicator', () => {
  it('on expected progress → green, gap 0', () => {
    expect(computeStatus({ ...base, actual: 500, target: 1000, expected: 500 })).toEqual({
      status: 'green',
      gapPoints: 0,
    });
  });

  it('ahead → green with a positive gap in points of the target', () => {
    expect(computeStatus({ ...base, actual: 550, target: 1000, expected: 500 })).toEqual({
      status: 'green',
      gapPoints: 5,
    });
  });

  it('9.9 points behind → yellow', () => {
    expect(computeStatus({ ...base, actual: 401, target: 1000, expected: 500 })).toEqual({
      status: 'yellow',
      gapPoints: -9.9,
    });
  });

  it('exactly −tolerance (10 points) behind → red, not yellow', () => {
    expect(computeStatus({ ...base, actual: 400, target: 1000, expected: 500 })).toEqual({
      status: 'red',
      gapPoints: -10,
    });
  });

  it('exactly −tolerance with float noise (0.4 vs 0.5 of 1) is still red', () => {
    expect(computeStatus({ ...base, actual: 0.4, target: 1, expected: 0.5 })).toEqual({
      status: 'red',
      gapPoints: -10,
    });
  });

  it('custom tolerance of 5 points turns 9.9 behind red', () => {
    const r = computeStatus({ ...base, actual: 401, target: 1000, expected: 500, tolerances: { progressPoints: 5 } });
    expect(r.status).toBe('red');
  });

  it('gap rounded to 4 decimals', () => {
    expect(computeStatus({ ...base, actual: 1, target: 3, expected: 1.25 }).gapPoints).toBe(-8.3333);
  });
});

describe('computeStatus: lower-is-better', () => {
  const down = { ...base, kind: 'level', direction: 'down' } as const;

  it('below the expected ceiling → green with a positive gap', () => {
    expect(computeStatus({ ...down, actual: 36, target: 34, expected: 38.5 })).toEqual({
      status: 'green',
      gapPoints: 7.3529,
    });
  });

  it('above the expected value by less than 10% of the target → yellow', () => {
    expect(computeStatus({ ...down, actual: 40, target: 34, expected: 38.5 })).toEqual({
      status: 'yellow',
      gapPoints: -4.4118,
    });
  });

  it('far above → red', () => {
    expect(computeStatus({ ...down, actual: 45, target: 34, expected: 38.5 }).status).toBe('red');
  });
});

describe('computeStatus: target 0', () => {
  it('higher-is-better: green iff actual ≥ expected, gap null', () => {
    expect(computeStatus({ ...base, actual: 0, target: 0, expected: 0 })).toEqual({ status: 'green', gapPoints: null });
    expect(computeStatus({ ...base, actual: -1, target: 0, expected: 0 })).toEqual({ status: 'red', gapPoints: null });
  });

  it('lower-is-better (zero accidents): one accident is red', () => {
    const down = { ...base, kind: 'level', direction: 'down' } as const;
    expect(computeStatus({ ...down, actual: 0, target: 0, expected: 0 })).toEqual({ status: 'green', gapPoints: null });
    expect(computeStatus({ ...down, actual: 1, target: 0, expected: 0 })).toEqual({ status: 'red', gapPoints: null });
  });
});

describe('computeStatus: a rate vs a cumulative indicator', () => {
  const rate = { ...base, kind: 'rate' } as const;

  it('a rate is compared in points: 4.2 vs 4.5 → yellow, gap −0.3', () => {
    expect(computeStatus({ ...rate, actual: 4.2, target: 4.5, expected: 4.5 })).toEqual({
      status: 'yellow',
      gapPoints: -0.3,
    });
  });

  it('a rate exactly 0.5 point behind → red', () => {
    expect(computeStatus({ ...rate, actual: 4, target: 4.5, expected: 4.5 })).toEqual({
      status: 'red',
      gapPoints: -0.5,
    });
  });

  it('the same numbers as a cumulative indicator are judged by share of the target: 6.6667 points behind', () => {
    expect(computeStatus({ ...base, actual: 4.2, target: 4.5, expected: 4.5 })).toEqual({
      status: 'yellow',
      gapPoints: -6.6667,
    });
  });

  it('a rate without expected uses its target', () => {
    expect(computeStatus({ ...rate, actual: 4.6, target: 4.5, expected: null })).toEqual({
      status: 'green',
      gapPoints: 0.1,
    });
  });

  it('lower-is-better rate (energy use change −3% vs target −2.5%) → green', () => {
    expect(computeStatus({ ...rate, direction: 'down', actual: -3, target: -2.5, expected: -2.5 })).toEqual({
      status: 'green',
      gapPoints: 0.5,
    });
  });
});

describe('labels and order', () => {
  it('labels in Chinese', () => {
    expect(STATUS_LABELS).toEqual({
      green: '正常',
      yellow: '预警',
      red: '滞后',
      grey: '暂无数据',
      overdue: '逾期未报',
    });
  });

  it('worst first: red, overdue, yellow, grey, green', () => {
    expect(STATUS_ORDER).toEqual(['red', 'overdue', 'yellow', 'grey', 'green']);
    const sorted = (['green', 'grey', 'overdue', 'red', 'yellow'] as const)
      .slice()
      .sort((a, b) => statusSeverity(a) - statusSeverity(b));
    expect(sorted).toEqual(['red', 'overdue', 'yellow', 'grey', 'green']);
  });

  it('defaults: 10 points of progress, 0.5 point for a rate', () => {
    expect(DEFAULT_TOLERANCES).toEqual({ progressPoints: 10, ratePoints: 0.5 });
  });
});
