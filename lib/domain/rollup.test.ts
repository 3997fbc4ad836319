import { describe, expect, it } from 'vitest';
import { checkRollupRule, rollUp, type RollupInput, type RollupUnit } from './rollup';

const UNITS: RollupUnit[] = [
  { id: 1, name: '潞州区' },
  { id: 2, name: '上党区' },
  { id: 3, name: '襄垣县' },
];
/** One value per unit of UNITS, in order; `undefined` leaves the unit out (no figure at all), null is a null figure. */
const byUnit = (...xs: (string | null | undefined)[]) =>
  new Map(xs.flatMap((x, i) => (x === undefined ? [] : [[i + 1, x] as [number, string | null]])));
const roll = (rule: RollupInput['rule'], values: (string | null | undefined)[], more: Partial<RollupInput> = {}) =>
  rollUp({ rule, units: UNITS, values: byUnit(...values), ...more });

describe('rollUp', () => {
  it.each<[string, ReturnType<typeof rollUp>, Partial<ReturnType<typeof rollUp>>]>([
    // sum
    [
      'sum: adds every unit exactly (no float drift)',
      roll('sum', ['0.1', '0.2', '100.000001']),
      { state: 'complete', value: '100.300001', text: '3个县区数据之和' },
    ],
    [
      'sum: a missing unit is incomplete, named, with no partial sum',
      roll('sum', ['10', undefined, '5']),
      { state: 'incomplete', missing: ['上党区'], text: '上党区尚无本期数据，全市数据暂不汇总' },
    ],
    [
      'sum: a null figure counts as missing too',
      roll('sum', ['10', null, null]),
      { state: 'incomplete', missing: ['上党区', '襄垣县'] },
    ],
    [
      'sum: no units to roll up is refused',
      rollUp({ rule: 'sum', units: [], values: new Map() }),
      { state: 'refused' },
    ],
    // entered
    [
      'entered: never computes, the city figure is the one entered',
      roll('entered', []),
      { state: 'entered', text: '市级直接填报（不由县区汇总）' },
    ],
    // weighted
    [
      'weighted: Σ(rate × weight) ÷ Σweight',
      roll('weighted', ['5', '8', '6'], { weights: byUnit('100', '50', '0'), weightName: '地区生产总值' }),
      { state: 'complete', value: '6' },
    ],
    [
      'weighted: rounded half away from zero at 6 places (⅓)',
      roll('weighted', ['1', '0', '0'], { weights: byUnit('1', '1', '1') }),
      { value: '0.333333' },
    ],
    [
      'weighted: rounded half away from zero at 6 places (⅔)',
      roll('weighted', ['1', '1', '0'], { weights: byUnit('1', '1', '1') }),
      { value: '0.666667' },
    ],
    [
      'weighted: a rate without a weight is refused (enter it at city level instead)',
      roll('weighted', ['5', '8', '6']),
      { state: 'refused', text: '按权重汇总须指定权重指标；未指定时只能由市级直接填报' },
    ],
    [
      "weighted: a unit's missing weight is incomplete, named",
      roll('weighted', ['5', '8', '6'], { weights: byUnit('1', '1'), weightName: 'GDP' }),
      { state: 'incomplete', missing: ['襄垣县'], text: '襄垣县尚无权重（GDP）数据，全市数据暂不汇总' },
    ],
    [
      'weighted: weights adding up to zero are refused, not divided by',
      roll('weighted', ['5', '8', '6'], { weights: byUnit('0', '0', '0') }),
      { state: 'refused' },
    ],
    // all_done (milestones)
    [
      'all_done: done when every unit reaches its total',
      roll('all_done', ['4', '4', '5'], { milestoneTotal: '4' }),
      { state: 'complete', done: true, value: '4' },
    ],
    [
      'all_done: half done is not done, the slowest shown',
      roll('all_done', ['4', '2', '4'], { milestoneTotal: '4' }),
      { state: 'complete', done: false, value: '2' },
    ],
    [
      "all_done: a unit's own target overrides the indicator's total",
      roll('all_done', ['2', '4', '4'], { milestoneTotal: '4', unitTotals: byUnit('2') }),
      { done: true },
    ],
    [
      'all_done: a missing unit is incomplete, not done',
      roll('all_done', ['4', '4'], { milestoneTotal: '4' }),
      { state: 'incomplete', missing: ['襄垣县'] },
    ],
    [
      'all_done: without a total there is nothing to judge done by',
      roll('all_done', ['4', '4', '4']),
      { state: 'refused' },
    ],
  ])('%s', (_, result, expected) => {
    expect(result).toMatchObject(expected);
  });

  it('an incomplete sum carries no value at all', () => {
    expect('value' in roll('sum', ['10', undefined, '5'])).toBe(false);
  });

  it('half done names the units still short', () => {
    expect(roll('all_done', ['4', '2', '4'], { milestoneTotal: '4' }).text).toContain(
      '3个县区中2个已完成，未全部完成（上党区未完成）',
    );
  });
});

describe('checkRollupRule', () => {
  const GDP = { kind: 'cumulative', trackedByUnit: true, name: 'GDP' } as const;
  it.each<[string, Parameters<typeof checkRollupRule>[0], string | null]>([
    ['sum fits cumulative counts and amounts', { kind: 'cumulative', rule: 'sum' }, null],
    ['sum fits levels', { kind: 'level', rule: 'sum' }, null],
    ['sum does not fit rates', { kind: 'rate', rule: 'sum' }, '比率类指标不能求和'],
    ['sum does not fit milestones', { kind: 'milestone', rule: 'sum' }, '任务类指标不能求和'],
    ['a rate may be entered at city level', { kind: 'rate', rule: 'entered' }, null],
    ['a weighted rate needs a weight', { kind: 'rate', rule: 'weighted' }, '须指定权重指标'],
    ['a weighted rate with a tracked weight', { kind: 'rate', rule: 'weighted', weight: GDP }, null],
    [
      'the weight must be tracked by unit',
      { kind: 'rate', rule: 'weighted', weight: { ...GDP, trackedByUnit: false } },
      '未按县区填报',
    ],
    [
      'the weight must not be a rate',
      { kind: 'rate', rule: 'weighted', weight: { kind: 'rate', trackedByUnit: true, name: '增速' } },
      '是比率',
    ],
    ['only rates are weighted', { kind: 'cumulative', rule: 'weighted', weight: GDP }, '只有比率类'],
    ['all_done fits milestones', { kind: 'milestone', rule: 'all_done' }, null],
    ['all_done is for milestones only', { kind: 'cumulative', rule: 'all_done' }, '只适用于任务类'],
    ['a statement in words is never tracked', { kind: 'qualitative', rule: 'entered' }, '定性表述'],
  ])('%s', (_, args, problem) => {
    const result = checkRollupRule(args);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toContain(problem);
  });
});
