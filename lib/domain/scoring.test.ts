import { describe, expect, it } from 'vitest';
import {
  itemPoints,
  rankTotals,
  ruleFits,
  scoreItem,
  scoreSubject,
  type ItemInputs,
  type SchemeItem,
  type ScoredIndicator,
  type ScoringRule,
} from './scoring';
import { DEDUCTIONS, INDICATORS, INV, LVL, PM, TASK, WORDS } from './scoring.fixtures';

describe('ruleFits', () => {
  it.each<[ScoringRule, ScoredIndicator, boolean]>([
    ['completion', INV, true],
    ['on_time', INV, true],
    ['on_time', LVL, false], // a reading has no 序时 share of a total
    ['milestone', TASK, true],
    ['completion', TASK, false],
    ['lower_better', PM, true],
    ['completion', PM, false],
    ['completion', WORDS, false],
  ])('%s on %o → %s', (rule, indicator, fits) => {
    expect(ruleFits(rule, indicator)).toBe(fits);
  });
});

describe('itemPoints', () => {
  it.each([
    ['40', '25', 10],
    ['35', '33', 11.55],
    ['100', '100', 100],
    ['30', '33.3333', 10],
  ])('area %s × share %s%% = %s points', (area, share, points) => {
    expect(itemPoints(area, share)).toBe(points);
  });
});

const item = (indicatorCode: string, rule: ScoringRule, ceiling: string, weight = '50'): SchemeItem => ({
  indicatorCode,
  weight,
  rule,
  ceiling,
});

describe('scoreItem (area weight 20 × indicator weight 50% = 10 points)', () => {
  /** The score's tail as written out: 得分 = 主抓手权重 20 × 指标权重 50% × ratio = score. */
  const scored = (ratio: string, score: string) => `得分 = 主抓手权重 20 × 指标权重 50% × ${ratio} = ${score}`;
  const full = '得满分 = 主抓手权重 20 × 指标权重 50% = 10.00';
  // [case, indicator, rule, ceiling, [target, actual, month, milestone total], score, formula]
  const cases: [
    string,
    string,
    ScoringRule,
    string,
    [string | null, string | null, number | null, string?],
    number,
    string,
  ][] = [
    [
      'completion: 980 ÷ 1000 = 98.00% → 9.80',
      'INV',
      'completion',
      '120',
      ['1000', '980', 12],
      9.8,
      `完成率 = 实绩 980 ÷ 目标 1000 = 98.00%（上限 120%）；${scored('98.00%', '9.80')}`,
    ],
    [
      'completion capped at its ceiling: 150% counts as 120% → 12.00',
      'INV',
      'completion',
      '120',
      ['1000', '1500', 12],
      12,
      `完成率 = 实绩 1500 ÷ 目标 1000 = 150.00%，超过上限按 120% 计；${scored('120.00%', '12.00')}`,
    ],
    [
      'on time: by June 1200 × 6/12 = 600 is due; 540 ÷ 600 = 90% → 9.00',
      'INV',
      'on_time',
      '100',
      ['1200', '540', 6],
      9,
      `序时目标 = 1200 × 6/12 = 600；序时完成率 = 实绩 540 ÷ 600 = 90.00%（上限 100%）；${scored('90.00%', '9.00')}`,
    ],
    [
      'on time ahead: 660 ÷ 600 = 110% capped at 100% → 10.00',
      'INV',
      'on_time',
      '100',
      ['1200', '660', 6],
      10,
      `序时目标 = 1200 × 6/12 = 600；序时完成率 = 实绩 660 ÷ 600 = 110.00%，超过上限按 100% 计；${scored('100.00%', '10.00')}`,
    ],
    [
      'milestone done: the whole 10 points',
      'TASK',
      'milestone',
      '100',
      ['15', '15', 12, '15'],
      10,
      `已完成 15 / 15 项，${full}`,
    ],
    ['milestone not done: 0', 'TASK', 'milestone', '100', ['15', '12', 12, '15'], 0, '未完成（12 / 15 项），得 0 分'],
    [
      'milestone of a unit: its own target is the total',
      'TASK',
      'milestone',
      '100',
      ['3', '3', 12],
      10,
      `已完成 3 / 3 项，${full}`,
    ],
    [
      'lower is better, inverted: 30 ÷ 32 = 93.75% → 9.375 rounds half away to 9.38',
      'PM',
      'lower_better',
      '100',
      ['30', '32', 12],
      9.38,
      `反向完成率 = 目标 30 ÷ 实绩 32 = 93.75%（上限 100%）；${scored('93.75%', '9.38')}`,
    ],
    ['no approved figure', 'INV', 'completion', '100', ['1000', null, null], 0, '无已审核实绩，得 0 分'],
    ['no target', 'INV', 'completion', '100', [null, '5', 3], 0, '无年度目标，得 0 分'],
  ];
  it.each(cases)('%s', (_name, code, rule, ceiling, [target, actual, month, milestoneTotal], score, formula) => {
    const inputs: ItemInputs = { target, actual, month, milestoneTotal: milestoneTotal ?? null };
    expect(scoreItem(item(code, rule, ceiling), '20', INDICATORS.get(code)!, inputs)).toMatchObject({ score, formula });
  });
});

describe('scoreSubject', () => {
  it('(9.80 + 9.00) ÷ 20 × 100 = 94.00; − (2 × 0.5 + 1 × 1) = 2; + min(1 + 3, 3) = 3 → 95.00', () => {
    const s = scoreSubject(DEDUCTIONS, {
      items: [
        { points: '10', score: 9.8 },
        { points: '10', score: 9 },
      ],
      lateCount: 2,
      returnedCount: 1,
      bonuses: [
        { name: '国家级试点', points: '1' },
        { name: '省级表彰', points: '3' },
      ],
    });
    expect(s).toMatchObject({ base: 94, deduction: 2, bonus: 3, total: 95 });
    expect(s.formula).toBe(
      '基础分 = (9.80 + 9.00) ÷ 权重合计 20 × 100 = 94.00；扣分 = min(逾期 2 项 × 0.5 + 退回 1 项 × 1, 上限 5) = 2.00；加分 = min(国家级试点 1 + 省级表彰 3, 上限 3) = 3.00；总分 = 94.00 − 2.00 + 3.00 = 95.00',
    );
  });

  it('deductions stop at their cap: 20 late × 0.5 = 10 counts as 5', () => {
    expect(
      scoreSubject(DEDUCTIONS, { items: [{ points: '10', score: 10 }], lateCount: 20, returnedCount: 0, bonuses: [] }),
    ).toMatchObject({ base: 100, deduction: 5, total: 95 });
  });
});

describe('rankTotals', () => {
  it('equal totals share a rank: 90, 95, 90, 80 → 2, 1, 2, 4', () => {
    expect(rankTotals([90, 95, 90, 80])).toEqual([2, 1, 2, 4]);
  });
});
