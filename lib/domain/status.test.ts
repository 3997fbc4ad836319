import { describe, it, expect } from 'vitest';
import { computeStatus, DEFAULT_TOLERANCES, STATUS_LABELS, STATUS_ORDER, statusSeverity } from './status';
import type { ProgressStatus } from './types';

const base = { kind: 'cumulative', direction: 'up', isOverdue: false } as const;

type Indicator = Omit<Parameters<typeof computeStatus>[0], 'actual' | 'target' | 'expected'>;
type StatusCase = [
  name: string,
  indicator: Indicator,
  figures: [actual: number | null, target: number | null, expected: number | null],
  status: ProgressStatus,
  gapPoints: number | null,
];

/** Each case: computeStatus of the indicator's [actual, target, expected] is exactly { status, gapPoints }. */
function statusCases(title: string, cases: StatusCase[]) {
  describe(title, () => {
    it.each(cases)('%s', (_name, indicator, [actual, target, expected], status, gapPoints) => {
      expect(computeStatus({ ...indicator, actual, target, expected })).toEqual({ status, gapPoints });
    });
  });
}

const down = { ...base, kind: 'level', direction: 'down' } as const;
const rate = { ...base, kind: 'rate' } as const;

statusCases('computeStatus: no data', [
  ['no actual before the deadline → grey', base, [null, 1000, 500], 'grey', null],
  ['no actual after the deadline → overdue', { ...base, isOverdue: true }, [null, 1000, 500], 'overdue', null],
  ['no target → grey (no basis), even with an actual', base, [10, null, null], 'grey', null],
]);

statusCases('computeStatus: a cumulative indicator', [
  ['on expected progress → green, gap 0', base, [500, 1000, 500], 'green', 0],
  ['ahead → green with a positive gap in points of the target', base, [550, 1000, 500], 'green', 5],
  ['9.9 points behind → yellow', base, [401, 1000, 500], 'yellow', -9.9],
  ['exactly −tolerance (10 points) behind → red, not yellow', base, [400, 1000, 500], 'red', -10],
  ['exactly −tolerance with float noise (0.4 vs 0.5 of 1) is still red', base, [0.4, 1, 0.5], 'red', -10],
]);

describe('computeStatus: a cumulative indicator, tolerance and rounding', () => {
  it('custom tolerance of 5 points turns 9.9 behind red', () => {
    const r = computeStatus({ ...base, actual: 401, target: 1000, expected: 500, tolerances: { progressPoints: 5 } });
    expect(r.status).toBe('red');
  });

  it('gap rounded to 4 decimals', () => {
    expect(computeStatus({ ...base, actual: 1, target: 3, expected: 1.25 }).gapPoints).toBe(-8.3333);
  });
});

statusCases('computeStatus: lower-is-better', [
  ['below the expected ceiling → green with a positive gap', down, [36, 34, 38.5], 'green', 7.3529],
  ['above the expected value by less than 10% of the target → yellow', down, [40, 34, 38.5], 'yellow', -4.4118],
]);

describe('computeStatus: lower-is-better, far above', () => {
  it('far above → red', () => {
    expect(computeStatus({ ...down, actual: 45, target: 34, expected: 38.5 }).status).toBe('red');
  });
});

statusCases('computeStatus: target 0', [
  ['higher-is-better: actual = expected → green, gap null', base, [0, 0, 0], 'green', null],
  ['higher-is-better: actual < expected → red, gap null', base, [-1, 0, 0], 'red', null],
  ['lower-is-better (zero accidents): none is green', down, [0, 0, 0], 'green', null],
  ['lower-is-better (zero accidents): one accident is red', down, [1, 0, 0], 'red', null],
]);

statusCases('computeStatus: a rate vs a cumulative indicator', [
  ['a rate is compared in points: 4.2 vs 4.5 → yellow, gap −0.3', rate, [4.2, 4.5, 4.5], 'yellow', -0.3],
  ['a rate exactly 0.5 point behind → red', rate, [4, 4.5, 4.5], 'red', -0.5],
  [
    'the same numbers as a cumulative indicator are judged by share of the target: 6.6667 points behind',
    base,
    [4.2, 4.5, 4.5],
    'yellow',
    -6.6667,
  ],
  ['a rate without expected uses its target', rate, [4.6, 4.5, null], 'green', 0.1],
  [
    'lower-is-better rate (energy use change −3% vs target −2.5%) → green',
    { ...rate, direction: 'down' },
    [-3, -2.5, -2.5],
    'green',
    0.5,
  ],
]);

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
