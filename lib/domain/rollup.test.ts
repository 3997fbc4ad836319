import { describe, expect, it } from 'vitest';
import { checkRollupRule, rollUp, type RollupUnit } from './rollup';

const UNITS: RollupUnit[] = [
  { id: 1, name: '潞州区' },
  { id: 2, name: '上党区' },
  { id: 3, name: '襄垣县' },
];
const values = (entries: [number, string | null][]) => new Map(entries);

describe('rollUp: sum', () => {
  it('adds every unit exactly (no float drift)', () => {
    const r = rollUp({
      rule: 'sum',
      units: UNITS,
      values: values([
        [1, '0.1'],
        [2, '0.2'],
        [3, '100.000001'],
      ]),
    });
    expect(r).toEqual({ state: 'complete', value: '100.300001', text: '3个县区数据之和' });
  });

  it('a missing unit: incomplete, names it, and gives no partial sum', () => {
    const r = rollUp({
      rule: 'sum',
      units: UNITS,
      values: values([
        [1, '10'],
        [3, '5'],
      ]),
    });
    expect(r.state).toBe('incomplete');
    expect(r).toEqual({ state: 'incomplete', missing: ['上党区'], text: '上党区尚无本期数据，全市数据暂不汇总' });
    expect('value' in r).toBe(false);
  });

  it('a unit whose figure is null counts as missing too', () => {
    const r = rollUp({
      rule: 'sum',
      units: UNITS,
      values: values([
        [1, '10'],
        [2, null],
        [3, null],
      ]),
    });
    expect(r).toMatchObject({ state: 'incomplete', missing: ['上党区', '襄垣县'] });
  });

  it('no units to roll up is refused', () => {
    expect(rollUp({ rule: 'sum', units: [], values: new Map() }).state).toBe('refused');
  });
});

describe('rollUp: entered at city level', () => {
  it('never computes: the city figure is the one entered', () => {
    expect(rollUp({ rule: 'entered', units: UNITS, values: new Map() })).toEqual({
      state: 'entered',
      text: '市级直接填报（不由县区汇总）',
    });
  });
});

describe('rollUp: weighted', () => {
  it('Σ(rate × weight) ÷ Σweight, rounded half away from zero at 6 places', () => {
    const r = rollUp({
      rule: 'weighted',
      units: UNITS,
      values: values([
        [1, '5'],
        [2, '8'],
        [3, '6'],
      ]),
      weights: values([
        [1, '100'],
        [2, '50'],
        [3, '0'],
      ]),
      weightName: '地区生产总值',
    });
    expect(r).toMatchObject({ state: 'complete', value: '6' });
    const third = rollUp({
      rule: 'weighted',
      units: UNITS,
      values: values([
        [1, '1'],
        [2, '0'],
        [3, '0'],
      ]),
      weights: values([
        [1, '1'],
        [2, '1'],
        [3, '1'],
      ]),
    });
    expect(third).toMatchObject({ value: '0.333333' });
    const twoThirds = rollUp({
      rule: 'weighted',
      units: UNITS,
      values: values([
        [1, '1'],
        [2, '1'],
        [3, '0'],
      ]),
      weights: values([
        [1, '1'],
        [2, '1'],
        [3, '1'],
      ]),
    });
    expect(twoThirds).toMatchObject({ value: '0.666667' });
  });

  it('a rate without a weight is refused (enter it at city level instead)', () => {
    const r = rollUp({
      rule: 'weighted',
      units: UNITS,
      values: values([
        [1, '5'],
        [2, '8'],
        [3, '6'],
      ]),
    });
    expect(r).toEqual({ state: 'refused', text: '按权重汇总须指定权重指标；未指定时只能由市级直接填报' });
  });

  it("a unit's missing weight: incomplete, named", () => {
    const r = rollUp({
      rule: 'weighted',
      units: UNITS,
      values: values([
        [1, '5'],
        [2, '8'],
        [3, '6'],
      ]),
      weights: values([
        [1, '1'],
        [2, '1'],
      ]),
      weightName: 'GDP',
    });
    expect(r).toEqual({
      state: 'incomplete',
      missing: ['襄垣县'],
      text: '襄垣县尚无权重（GDP）数据，全市数据暂不汇总',
    });
  });

  it('weights adding up to zero are refused, not divided by', () => {
    const r = rollUp({
      rule: 'weighted',
      units: UNITS,
      values: values([
        [1, '5'],
        [2, '8'],
        [3, '6'],
      ]),
      weights: values([
        [1, '0'],
        [2, '0'],
        [3, '0'],
      ]),
    });
    expect(r.state).toBe('refused');
  });
});

describe('rollUp: all_done (milestones)', () => {
  it('done when every unit reaches its total', () => {
    const r = rollUp({
      rule: 'all_done',
      units: UNITS,
      values: values([
        [1, '4'],
        [2, '4'],
        [3, '5'],
      ]),
      milestoneTotal: '4',
    });
    expect(r).toMatchObject({ state: 'complete', done: true, value: '4' });
  });

  it('half done is not done: names the units still short, and shows the slowest', () => {
    const r = rollUp({
      rule: 'all_done',
      units: UNITS,
      values: values([
        [1, '4'],
        [2, '2'],
        [3, '4'],
      ]),
      milestoneTotal: '4',
    });
    expect(r).toMatchObject({ state: 'complete', done: false, value: '2' });
    expect(r.text).toContain('3个县区中2个已完成，未全部完成（上党区未完成）');
  });

  it("a unit's own target overrides the indicator's total", () => {
    const r = rollUp({
      rule: 'all_done',
      units: UNITS,
      values: values([
        [1, '2'],
        [2, '4'],
        [3, '4'],
      ]),
      milestoneTotal: '4',
      unitTotals: values([[1, '2']]),
    });
    expect(r).toMatchObject({ done: true });
  });

  it('a missing unit is incomplete, not done', () => {
    const r = rollUp({
      rule: 'all_done',
      units: UNITS,
      values: values([
        [1, '4'],
        [2, '4'],
      ]),
      milestoneTotal: '4',
    });
    expect(r).toMatchObject({ state: 'incomplete', missing: ['襄垣县'] });
  });

  it('without a total there is nothing to judge done by', () => {
    expect(
      rollUp({
        rule: 'all_done',
        units: UNITS,
        values: values([
          [1, '4'],
          [2, '4'],
          [3, '4'],
        ]),
      }).state,
    ).toBe('refused');
  });
});

describe('checkRollupRule', () => {
  it('sum fits counts and amounts, not rates or milestones', () => {
    expect(checkRollupRule({ kind: 'cumulative', rule: 'sum' })).toBeNull();
    expect(checkRollupRule({ kind: 'level', rule: 'sum' })).toBeNull();
    expect(checkRollupRule({ kind: 'rate', rule: 'sum' })).toContain('比率类指标不能求和');
    expect(checkRollupRule({ kind: 'milestone', rule: 'sum' })).toContain('任务类指标不能求和');
  });

  it('a rate: entered at city level, or weighted by a named weight that is itself tracked by unit and not a rate', () => {
    expect(checkRollupRule({ kind: 'rate', rule: 'entered' })).toBeNull();
    expect(checkRollupRule({ kind: 'rate', rule: 'weighted' })).toContain('须指定权重指标');
    expect(
      checkRollupRule({
        kind: 'rate',
        rule: 'weighted',
        weight: { kind: 'cumulative', trackedByUnit: true, name: 'GDP' },
      }),
    ).toBeNull();
    expect(
      checkRollupRule({
        kind: 'rate',
        rule: 'weighted',
        weight: { kind: 'cumulative', trackedByUnit: false, name: 'GDP' },
      }),
    ).toContain('未按县区填报');
    expect(
      checkRollupRule({ kind: 'rate', rule: 'weighted', weight: { kind: 'rate', trackedByUnit: true, name: '增速' } }),
    ).toContain('是比率');
    expect(
      checkRollupRule({
        kind: 'cumulative',
        rule: 'weighted',
        weight: { kind: 'cumulative', trackedByUnit: true, name: 'GDP' },
      }),
    ).toContain('只有比率类');
  });

  it('all_done is for milestones only; a statement in words is never tracked', () => {
    expect(checkRollupRule({ kind: 'milestone', rule: 'all_done' })).toBeNull();
    expect(checkRollupRule({ kind: 'cumulative', rule: 'all_done' })).toContain('只适用于任务类');
    expect(checkRollupRule({ kind: 'qualitative', rule: 'entered' })).toContain('定性表述');
  });
});
