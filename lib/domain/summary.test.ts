import { describe, expect, it } from 'vitest';
import {
  changeQuality,
  compareWorstFirst,
  countStatuses,
  groupStatus,
  isJudged,
  progressShares,
  statusLabel,
  summarizeProgress,
  worstOf,
} from './summary';

const item = (
  name: string,
  status: 'green' | 'yellow' | 'red' | 'grey' | 'overdue',
  gapPoints: number | null = null,
) => ({
  name,
  status,
  gapPoints,
});

describe('countStatuses', () => {
  it('counts every status, zero when absent', () => {
    expect(countStatuses([item('a', 'green'), item('b', 'green'), item('c', 'overdue')])).toEqual({
      green: 2,
      yellow: 0,
      red: 0,
      grey: 0,
      overdue: 1,
    });
    expect(countStatuses([])).toEqual({ green: 0, yellow: 0, red: 0, grey: 0, overdue: 0 });
  });
});

describe('worstOf', () => {
  it('red before overdue before yellow; the larger lag first; green and grey left out', () => {
    const items = [
      item('green', 'green', 3),
      item('yellow', 'yellow', -4),
      item('red-small', 'red', -12),
      item('grey', 'grey'),
      item('overdue', 'overdue'),
      item('red-big', 'red', -30),
    ];
    expect(worstOf(items, 3).map((v) => v.name)).toEqual(['red-big', 'red-small', 'overdue']);
    expect(worstOf(items, 10).map((v) => v.name)).toEqual(['red-big', 'red-small', 'overdue', 'yellow']);
  });

  it('no problem indicators → empty; limit 0 → empty', () => {
    expect(worstOf([item('a', 'green'), item('b', 'grey')], 3)).toEqual([]);
    expect(worstOf([item('a', 'red', -20)], 0)).toEqual([]);
  });

  it('equal status and gap keep the catalogue order', () => {
    expect(worstOf([item('first', 'overdue'), item('second', 'overdue')], 2).map((v) => v.name)).toEqual([
      'first',
      'second',
    ]);
    expect(compareWorstFirst(item('a', 'yellow', -1), item('b', 'yellow', -1))).toBe(0);
  });
});

describe('summarizeProgress', () => {
  const up = { kind: 'cumulative', direction: 'up' } as const;

  it('mean completion, each capped at 1, with the mean expected share', () => {
    const summary = summarizeProgress([
      { ...up, completion: 0.5, expected: 500, target: 1000 },
      { ...up, completion: 1.4, expected: 50, target: 100 },
    ]);
    // (0.5 + 1) / 2 = 0.75; expected (0.5 + 0.5) / 2
    expect(summary).toEqual({ completion: 0.75, expected: 0.5, counted: 2 });
  });

  it('leaves out a rate, a lower-is-better ceiling and indicators without completion or target', () => {
    const summary = summarizeProgress([
      { kind: 'rate', direction: 'up', completion: null, expected: 4.5, target: 4.5 },
      { kind: 'level', direction: 'down', completion: 0.9, expected: 34, target: 34 },
      { ...up, completion: null, expected: 250, target: 1000 },
      { ...up, completion: 0.2, expected: null, target: null },
      { kind: 'milestone', direction: 'up', completion: 8 / 15, expected: 7.5, target: 15 },
    ]);
    expect(summary).toEqual({ completion: 0.533333, expected: 0.5, counted: 1 });
  });

  it('nothing countable → nulls', () => {
    expect(summarizeProgress([])).toEqual({ completion: null, expected: null, counted: 0 });
  });
});

describe('progressShares', () => {
  it('a cumulative indicator: actual and expected as shares of the target, over 1 not capped', () => {
    expect(progressShares({ kind: 'cumulative', actual: 300, expected: 250, target: 1000 })).toEqual({
      actual: 0.3,
      expected: 0.25,
    });
    expect(progressShares({ kind: 'cumulative', actual: 1200, expected: 1000, target: 1000 })).toEqual({
      actual: 1.2,
      expected: 1,
    });
  });

  it('a milestone: done ÷ total', () => {
    expect(progressShares({ kind: 'milestone', actual: 8, expected: 7.5, target: 15 })).toEqual({
      actual: 0.533333,
      expected: 0.5,
    });
  });

  it('a rate has no bar; no target or target 0 has none either; a missing actual is null', () => {
    expect(progressShares({ kind: 'rate', actual: 4.2, expected: 4.5, target: 4.5 })).toBeNull();
    expect(progressShares({ kind: 'cumulative', actual: 1, expected: 0, target: 0 })).toBeNull();
    expect(progressShares({ kind: 'cumulative', actual: 1, expected: null, target: null })).toBeNull();
    expect(progressShares({ kind: 'cumulative', actual: null, expected: 10, target: 40 })).toEqual({
      actual: null,
      expected: 0.25,
    });
  });
});

describe('statusLabel', () => {
  it('grey with a figure and no target reads 未设目标; grey without a figure reads 暂无数据', () => {
    expect(statusLabel({ status: 'grey', hasFigure: true, hasTarget: false })).toBe('未设目标');
    expect(statusLabel({ status: 'grey', hasFigure: false, hasTarget: true })).toBe('暂无数据');
    expect(statusLabel({ status: 'red', hasFigure: true, hasTarget: true })).toBe('滞后');
    expect(statusLabel({ status: 'overdue', hasFigure: false, hasTarget: true })).toBe('逾期未报');
  });
});

describe('groupStatus', () => {
  const none = { green: 0, yellow: 0, red: 0, grey: 0, overdue: 0 };
  it('red wins; overdue counts as a warning; all grey stays grey', () => {
    expect(groupStatus({ ...none, green: 5, red: 1 })).toBe('red');
    expect(groupStatus({ ...none, green: 5, overdue: 1 })).toBe('yellow');
    expect(groupStatus({ ...none, green: 5, grey: 2 })).toBe('green');
    expect(groupStatus({ ...none, grey: 2 })).toBe('grey');
  });
});

describe('changeQuality', () => {
  it('up: a rise is better; lower-is-better (PM2.5 51 → 30): a fall is better; no change → null', () => {
    expect(changeQuality({ change: 17.7 }, 'up')).toBe('better');
    expect(changeQuality({ change: -41.2 }, 'down')).toBe('better');
    expect(changeQuality({ change: 3 }, 'down')).toBe('worse');
    expect(changeQuality({ change: 0 }, 'up')).toBeNull();
    expect(changeQuality(null, 'up')).toBeNull();
  });
});

describe('statements in words (qualitative)', () => {
  it('are not judged and say so instead of a status', () => {
    expect(isJudged({ kind: 'qualitative' })).toBe(false);
    expect(isJudged({ kind: 'milestone' })).toBe(true);
    expect(statusLabel({ status: 'grey', hasFigure: true, hasTarget: false, kind: 'qualitative' })).toBe('定性表述');
    expect(statusLabel({ status: 'grey', hasFigure: true, hasTarget: false, kind: 'milestone' })).toBe('未设目标');
  });
});
