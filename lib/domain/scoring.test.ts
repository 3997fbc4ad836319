import { describe, expect, it } from 'vitest';
import {
  itemPoints,
  rankTotals,
  ruleFits,
  scoreItem,
  scoreSubject,
  upgradeLegacyScheme,
  validateScheme,
  type ItemInputs,
  type SchemeBody,
  type SchemeItem,
  type ScoredIndicator,
  type ScoringRule,
} from './scoring';

const INV: ScoredIndicator = {
  code: 'INV',
  name: '固定资产投资',
  kind: 'cumulative',
  direction: 'up',
  area: 'investment',
};
const LVL: ScoredIndicator = { code: 'LVL', name: '高新技术企业', kind: 'level', direction: 'up', area: 'innovation' };
const TASK: ScoredIndicator = {
  code: 'TASK',
  name: '民生实事',
  kind: 'milestone',
  direction: 'up',
  area: 'livelihood',
};
const PM: ScoredIndicator = { code: 'PM', name: 'PM2.5浓度', kind: 'level', direction: 'down', area: 'construction' };
const WORDS: ScoredIndicator = {
  code: 'WORDS',
  name: '八一广场',
  kind: 'qualitative',
  direction: 'up',
  area: 'tourism',
};
const REVIEW: ScoredIndicator = { code: 'REV', name: '城镇化率', kind: 'cumulative', direction: 'up', area: null };
const INDICATORS = new Map([INV, LVL, TASK, PM, WORDS, REVIEW].map((i) => [i.code, i]));

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
  const cases: [string, SchemeItem, ScoredIndicator, ItemInputs, number, string][] = [
    [
      'completion: 980 ÷ 1000 = 98.00% → 9.80',
      item('INV', 'completion', '120'),
      INV,
      { target: '1000', actual: '980', month: 12 },
      9.8,
      '完成率 = 实绩 980 ÷ 目标 1000 = 98.00%（上限 120%）；得分 = 主抓手权重 20 × 指标权重 50% × 98.00% = 9.80',
    ],
    [
      'completion capped at its ceiling: 1500 ÷ 1000 = 150% counts as 120% → 12.00',
      item('INV', 'completion', '120'),
      INV,
      { target: '1000', actual: '1500', month: 12 },
      12,
      '完成率 = 实绩 1500 ÷ 目标 1000 = 150.00%，超过上限按 120% 计；得分 = 主抓手权重 20 × 指标权重 50% × 120.00% = 12.00',
    ],
    [
      'on time: by June 1200 × 6/12 = 600 is due; 540 ÷ 600 = 90% → 9.00',
      item('INV', 'on_time', '100'),
      INV,
      { target: '1200', actual: '540', month: 6 },
      9,
      '序时目标 = 1200 × 6/12 = 600；序时完成率 = 实绩 540 ÷ 600 = 90.00%（上限 100%）；得分 = 主抓手权重 20 × 指标权重 50% × 90.00% = 9.00',
    ],
    [
      'on time ahead: 660 ÷ 600 = 110% capped at 100% → 10.00',
      item('INV', 'on_time', '100'),
      INV,
      { target: '1200', actual: '660', month: 6 },
      10,
      '序时目标 = 1200 × 6/12 = 600；序时完成率 = 实绩 660 ÷ 600 = 110.00%，超过上限按 100% 计；得分 = 主抓手权重 20 × 指标权重 50% × 100.00% = 10.00',
    ],
    [
      'milestone done: the whole 10 points',
      item('TASK', 'milestone', '100'),
      TASK,
      { target: '15', actual: '15', month: 12, milestoneTotal: '15' },
      10,
      '已完成 15 / 15 项，得满分 = 主抓手权重 20 × 指标权重 50% = 10.00',
    ],
    [
      'milestone not done: 0',
      item('TASK', 'milestone', '100'),
      TASK,
      { target: '15', actual: '12', month: 12, milestoneTotal: '15' },
      0,
      '未完成（12 / 15 项），得 0 分',
    ],
    [
      'milestone of a unit: its own target is the total (no catalogue total)',
      item('TASK', 'milestone', '100'),
      TASK,
      { target: '3', actual: '3', month: 12, milestoneTotal: null },
      10,
      '已完成 3 / 3 项，得满分 = 主抓手权重 20 × 指标权重 50% = 10.00',
    ],
    [
      'lower is better, inverted: 30 ÷ 32 = 93.75% → 9.375 rounds half away to 9.38',
      item('PM', 'lower_better', '100'),
      PM,
      { target: '30', actual: '32', month: 12 },
      9.38,
      '反向完成率 = 目标 30 ÷ 实绩 32 = 93.75%（上限 100%）；得分 = 主抓手权重 20 × 指标权重 50% × 93.75% = 9.38',
    ],
    [
      'no approved figure',
      item('INV', 'completion', '100'),
      INV,
      { target: '1000', actual: null, month: null },
      0,
      '无已审核实绩，得 0 分',
    ],
    [
      'no target',
      item('INV', 'completion', '100'),
      INV,
      { target: null, actual: '5', month: 3 },
      0,
      '无年度目标，得 0 分',
    ],
  ];
  it.each(cases)('%s', (_name, schemeItem, indicator, inputs, score, formula) => {
    expect(scoreItem(schemeItem, '20', indicator, inputs)).toMatchObject({ score, formula });
  });
});

const SCHEME = { latePoints: '0.5', returnedPoints: '1', deductionCap: '5', bonusCap: '3' };

describe('scoreSubject', () => {
  it('(9.80 + 9.00) ÷ 20 × 100 = 94.00; − (2 × 0.5 + 1 × 1) = 2; + min(1 + 3, 3) = 3 → 95.00', () => {
    const s = scoreSubject(SCHEME, {
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
      scoreSubject(SCHEME, { items: [{ points: '10', score: 10 }], lateCount: 20, returnedCount: 0, bonuses: [] }),
    ).toMatchObject({ base: 100, deduction: 5, total: 95 });
  });
});

describe('rankTotals', () => {
  it('equal totals share a rank: 90, 95, 90, 80 → 2, 1, 2, 4', () => {
    expect(rankTotals([90, 95, 90, 80])).toEqual([2, 1, 2, 4]);
  });
});

const good: SchemeBody = {
  areas: [
    { area: 'investment', weight: '60' },
    { area: 'livelihood', weight: '40' },
  ],
  items: [
    { indicatorCode: 'INV', weight: '100', rule: 'completion', ceiling: '120' },
    { indicatorCode: 'TASK', weight: '100', rule: 'milestone', ceiling: '100' },
  ],
  latePoints: '0.5',
  returnedPoints: '1',
  deductionCap: '5',
  bonuses: [{ name: '省级表彰', points: '2', subjects: ['fgw'] }],
  bonusCap: '3',
};
const SUBJECTS = new Set(['fgw']);
const [inv, task] = [good.items[0]!, good.items[1]!];

describe('validateScheme', () => {
  const cases: [string, Partial<SchemeBody>, string[]][] = [
    ['a good scheme has no problems', {}, []],
    [
      'area weights not adding to 100, named with their sum',
      {
        areas: [
          { area: 'investment', weight: '60' },
          { area: 'livelihood', weight: '30' },
        ],
      },
      ['各主抓手「权重」合计应为 100，现为 90'],
    ],
    [
      'indicator weights within an area not adding to 100, naming the area and the sum',
      {
        areas: [{ area: 'investment', weight: '100' }],
        items: [
          { ...inv, weight: '60' },
          { ...inv, indicatorCode: 'LVL', weight: '30' },
        ],
      },
      [
        '主抓手「抓招商、上项目」内各指标「权重」合计应为 100，现为 60',
        '指标「高新技术企业」属于主抓手「抓创新、育主体」，方案未设该主抓手的权重',
      ],
    ],
    [
      'an area without indicators, and an indicator whose area has no weight',
      {
        areas: [
          { area: 'investment', weight: '60' },
          { area: 'tourism', weight: '40' },
        ],
      },
      ['主抓手「抓文旅、扩消费」没有考核指标', '指标「民生实事」属于主抓手「抓民生、办实事」，方案未设该主抓手的权重'],
    ],
    [
      'an area weight of 0 and an unknown area',
      {
        areas: [
          { area: 'investment', weight: '0' },
          { area: 'livelihood', weight: '100' },
          { area: 'moon' as 'investment', weight: '0.5' },
        ],
      },
      ['主抓手「抓招商、上项目」的「权重」应为大于 0 的数', '主抓手「moon」不存在', '主抓手「moon」没有考核指标'],
    ],
    [
      'an indicator outside the seven work areas',
      { areas: [{ area: 'investment', weight: '100' }], items: [inv, { ...inv, indicatorCode: 'REV', weight: '100' }] },
      ['指标「城镇化率」不属于七个主抓手，不能计分'],
    ],
    [
      'a rule that does not fit the kind names the indicator, its kind and the rules that fit',
      { items: [{ ...inv, rule: 'milestone' }, task] },
      ['指标「固定资产投资」是累计值指标（越高越好），不适用「任务完成」规则；可用：「完成率」、「序时进度」'],
    ],
    [
      'a cap below zero, for a ceiling and for the bonus and deduction caps',
      { bonusCap: '-1', deductionCap: '-2', items: [{ ...inv, ceiling: '-5' }, task] },
      [
        '指标「固定资产投资」的「计分上限」不能小于 0（现为 -5%）',
        '「扣分上限」不能小于 0（现为 -2）',
        '「加分上限」不能小于 0（现为 -1）',
      ],
    ],
    ['an empty scheme', { areas: [], items: [] }, ['方案至少应包含一个考核指标']],
    [
      'a repeated indicator',
      {
        items: [{ ...inv, weight: '50' }, { ...inv, weight: '50' }, task],
      },
      ['指标「固定资产投资」重复出现'],
    ],
    ['an unknown indicator', { items: [{ ...inv, indicatorCode: 'NOPE' }, inv, task] }, ['指标「NOPE」不存在或已停用']],
    [
      'a bonus for an unknown subject',
      { bonuses: [{ name: '表彰', points: '1', subjects: ['xyz'] }] },
      ['加分项「表彰」的单位「xyz」不存在'],
    ],
  ];
  it.each(cases)('%s', (_name, patch, problems) => {
    expect(validateScheme({ ...good, ...patch }, INDICATORS, SUBJECTS)).toEqual(problems);
  });
});

describe('upgradeLegacyScheme', () => {
  const areaOf = (code: string) => INDICATORS.get(code)?.area ?? null;
  it('a body with area weights is returned as it is', () => {
    expect(upgradeLegacyScheme(good, areaOf)).toBe(good);
  });

  it('areas weigh their items’ points; items their share, the last of an area taking the remainder', () => {
    const legacy = {
      items: [
        { indicatorCode: 'INV', weight: '10', rule: 'completion' as const, ceiling: '120' },
        { indicatorCode: 'LVL', weight: '60', rule: 'completion' as const, ceiling: '120' },
        { indicatorCode: 'TASK', weight: '30', rule: 'milestone' as const, ceiling: '100' },
      ],
      latePoints: '0.5',
      returnedPoints: '1',
      deductionCap: '5',
      bonuses: [],
      bonusCap: '3',
    };
    const upgraded = upgradeLegacyScheme(legacy, areaOf);
    expect(upgraded.areas).toEqual([
      { area: 'investment', weight: '10' },
      { area: 'innovation', weight: '60' },
      { area: 'livelihood', weight: '30' },
    ]);
    expect(upgraded.items.map((i) => i.weight)).toEqual(['100', '100', '100']);
    expect(validateScheme(upgraded, INDICATORS, SUBJECTS)).toEqual([]);
  });

  it('thirds of an area: 33.33 + 33.33 + 33.34, adding to exactly 100', () => {
    const items = ['A', 'B', 'C'].map((indicatorCode) => ({ ...inv, indicatorCode, weight: '10' }));
    const legacy = { ...SCHEME, bonuses: [], items };
    const thirds = upgradeLegacyScheme(legacy, () => 'investment');
    expect(thirds.areas).toEqual([{ area: 'investment', weight: '30' }]);
    expect(thirds.items.map((i) => i.weight)).toEqual(['33.33', '33.33', '33.34']);
  });
});
