import { describe, expect, it } from 'vitest';
import type { SchemeBody } from './scoring';
import { DEDUCTIONS, INDICATORS, schemeItem, schemeOf } from './scoring.fixtures';
import { upgradeLegacyScheme, validateScheme } from './scoring-scheme';

const good: SchemeBody = schemeOf({ investment: '60', livelihood: '40' }, [
  schemeItem('INV', '100', 'completion', '120'),
  schemeItem('TASK', '100', 'milestone', '100'),
]);
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
    const legacy = { ...DEDUCTIONS, bonuses: [], items };
    const thirds = upgradeLegacyScheme(legacy, () => 'investment');
    expect(thirds.areas).toEqual([{ area: 'investment', weight: '30' }]);
    expect(thirds.items.map((i) => i.weight)).toEqual(['33.33', '33.33', '33.34']);
  });
});
