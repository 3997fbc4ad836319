import { describe, expect, it } from 'vitest';
import {
  rankTotals,
  ruleFits,
  scoreItem,
  scoreSubject,
  validateScheme,
  type SchemeBody,
  type ScoredIndicator,
} from './scoring';

const INV: ScoredIndicator = { code: 'INV', name: '固定资产投资', kind: 'cumulative', direction: 'up' };
const LVL: ScoredIndicator = { code: 'LVL', name: '高新技术企业', kind: 'level', direction: 'up' };
const TASK: ScoredIndicator = { code: 'TASK', name: '民生实事', kind: 'milestone', direction: 'up' };
const PM: ScoredIndicator = { code: 'PM', name: 'PM2.5浓度', kind: 'level', direction: 'down' };
const WORDS: ScoredIndicator = { code: 'WORDS', name: '八一广场', kind: 'qualitative', direction: 'up' };
const INDICATORS = new Map([INV, LVL, TASK, PM, WORDS].map((i) => [i.code, i]));

describe('ruleFits', () => {
  it('each rule fits its kinds only', () => {
    expect(ruleFits('completion', INV)).toBe(true);
    expect(ruleFits('on_time', INV)).toBe(true);
    expect(ruleFits('on_time', LVL)).toBe(false); // a reading has no 序时 share of a total
    expect(ruleFits('milestone', TASK)).toBe(true);
    expect(ruleFits('completion', TASK)).toBe(false);
    expect(ruleFits('lower_better', PM)).toBe(true);
    expect(ruleFits('completion', PM)).toBe(false);
    expect(ruleFits('completion', WORDS)).toBe(false);
  });
});

describe('scoreItem', () => {
  it('completion: 980 ÷ 1000 = 98.00% × weight 10 = 9.80', () => {
    const s = scoreItem({ indicatorCode: 'INV', weight: '10', rule: 'completion', ceiling: '120' }, INV, {
      target: '1000',
      actual: '980',
      month: 12,
    });
    expect(s.score).toBe(9.8);
    expect(s.formula).toBe('完成率 = 实绩 980 ÷ 目标 1000 = 98.00%（上限 120%）；得分 = 权重 10 × 98.00% = 9.80');
  });

  it('completion capped at its ceiling: 1500 ÷ 1000 = 150% counts as 120% → 12.00', () => {
    const s = scoreItem({ indicatorCode: 'INV', weight: '10', rule: 'completion', ceiling: '120' }, INV, {
      target: '1000',
      actual: '1500',
      month: 12,
    });
    expect(s.score).toBe(12);
    expect(s.ratio).toBe(1.2);
    expect(s.formula).toContain('超过上限按 120% 计');
  });

  it('on time: by June 1200 × 6/12 = 600 is due; 540 ÷ 600 = 90% → 9.00; 660 capped at 100% → 10.00', () => {
    const item = { indicatorCode: 'INV', weight: '10', rule: 'on_time' as const, ceiling: '100' };
    const behind = scoreItem(item, INV, { target: '1200', actual: '540', month: 6 });
    expect(behind.score).toBe(9);
    expect(behind.formula).toBe(
      '序时目标 = 1200 × 6/12 = 600；序时完成率 = 实绩 540 ÷ 600 = 90.00%（上限 100%）；得分 = 权重 10 × 90.00% = 9.00',
    );
    expect(scoreItem(item, INV, { target: '1200', actual: '660', month: 6 }).score).toBe(10);
  });

  it('milestone: done gets the whole weight, not done gets 0', () => {
    const item = { indicatorCode: 'TASK', weight: '5', rule: 'milestone' as const, ceiling: '100' };
    expect(scoreItem(item, TASK, { target: '15', actual: '15', month: 12, milestoneTotal: '15' })).toMatchObject({
      score: 5,
      formula: '已完成 15 / 15 项，得满分 5',
    });
    expect(scoreItem(item, TASK, { target: '15', actual: '12', month: 12, milestoneTotal: '15' })).toMatchObject({
      score: 0,
      formula: '未完成（12 / 15 项），得 0 分',
    });
  });

  it('lower is better, inverted: target 30 ÷ actual 32 = 93.75% → 9.375 rounds half away to 9.38', () => {
    const s = scoreItem({ indicatorCode: 'PM', weight: '10', rule: 'lower_better', ceiling: '100' }, PM, {
      target: '30',
      actual: '32',
      month: 12,
    });
    expect(s.score).toBe(9.38);
    expect(s.formula).toBe('反向完成率 = 目标 30 ÷ 实绩 32 = 93.75%（上限 100%）；得分 = 权重 10 × 93.75% = 9.38');
  });

  it('no approved figure or no target: 0 with the reason', () => {
    const item = { indicatorCode: 'INV', weight: '10', rule: 'completion' as const, ceiling: '100' };
    expect(scoreItem(item, INV, { target: '1000', actual: null, month: null })).toMatchObject({
      score: 0,
      formula: '无已审核实绩，得 0 分',
    });
    expect(scoreItem(item, INV, { target: null, actual: '5', month: 3 })).toMatchObject({
      score: 0,
      formula: '无年度目标，得 0 分',
    });
  });
});

const SCHEME = { latePoints: '0.5', returnedPoints: '1', deductionCap: '5', bonusCap: '3' };

describe('scoreSubject', () => {
  it('(9.80 + 9.00) ÷ 20 × 100 = 94.00; − (2 × 0.5 + 1 × 1) = 2; + min(1 + 3, 3) = 3 → 95.00', () => {
    const s = scoreSubject(SCHEME, {
      items: [
        { weight: '10', score: 9.8 },
        { weight: '10', score: 9 },
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
      scoreSubject(SCHEME, { items: [{ weight: '10', score: 10 }], lateCount: 20, returnedCount: 0, bonuses: [] }),
    ).toMatchObject({ base: 100, deduction: 5, total: 95 });
  });
});

describe('rankTotals', () => {
  it('equal totals share a rank: 90, 95, 90, 80 → 2, 1, 2, 4', () => {
    expect(rankTotals([90, 95, 90, 80])).toEqual([2, 1, 2, 4]);
  });
});

const good: SchemeBody = {
  items: [
    { indicatorCode: 'INV', weight: '60', rule: 'completion', ceiling: '120' },
    { indicatorCode: 'TASK', weight: '40', rule: 'milestone', ceiling: '100' },
  ],
  latePoints: '0.5',
  returnedPoints: '1',
  deductionCap: '5',
  bonuses: [{ name: '省级表彰', points: '2', subjects: ['fgw'] }],
  bonusCap: '3',
};
const SUBJECTS = new Set(['fgw']);

describe('validateScheme', () => {
  it('a good scheme has no problems', () => {
    expect(validateScheme(good, INDICATORS, SUBJECTS)).toEqual([]);
  });

  it('weights not adding to 100 are named with their sum', () => {
    const bad = {
      ...good,
      items: [
        { ...good.items[0]!, weight: '60' },
        { ...good.items[1]!, weight: '30' },
      ],
    };
    expect(validateScheme(bad, INDICATORS, SUBJECTS)).toEqual(['各指标「权重」合计应为 100，现为 90']);
  });

  it('a rule that does not fit the indicator kind names the indicator, its kind and the rules that fit', () => {
    const bad = { ...good, items: [{ ...good.items[0]!, rule: 'milestone' as const }, good.items[1]!] };
    expect(validateScheme(bad, INDICATORS, SUBJECTS)).toEqual([
      '指标「固定资产投资」是累计值指标（越高越好），不适用「任务完成」规则；可用：「完成率」、「序时进度」',
    ]);
  });

  it('a cap below zero is refused, for a ceiling and for the bonus and deduction caps', () => {
    const bad = {
      ...good,
      bonusCap: '-1',
      deductionCap: '-2',
      items: [{ ...good.items[0]!, ceiling: '-5' }, good.items[1]!],
    };
    expect(validateScheme(bad, INDICATORS, SUBJECTS)).toEqual([
      '指标「固定资产投资」的「计分上限」不能小于 0（现为 -5%）',
      '「扣分上限」不能小于 0（现为 -2）',
      '「加分上限」不能小于 0（现为 -1）',
    ]);
  });

  it('unknown and repeated indicators, an empty scheme, a bonus for an unknown unit', () => {
    expect(validateScheme({ ...good, items: [] }, INDICATORS, SUBJECTS)).toEqual(['方案至少应包含一个考核指标']);
    const dup = {
      ...good,
      items: [
        { ...good.items[0]!, weight: '50' },
        { ...good.items[0]!, weight: '50' },
      ],
    };
    expect(validateScheme(dup, INDICATORS, SUBJECTS)).toEqual(['指标「固定资产投资」重复出现']);
    const unknown = { ...good, items: [{ ...good.items[0]!, indicatorCode: 'NOPE', weight: '100' }] };
    expect(validateScheme(unknown, INDICATORS, SUBJECTS)).toEqual(['指标「NOPE」不存在或已停用']);
    const bonus = { ...good, bonuses: [{ name: '表彰', points: '1', subjects: ['xyz'] }] };
    expect(validateScheme(bonus, INDICATORS, SUBJECTS)).toEqual(['加分项「表彰」的单位「xyz」不存在']);
  });
});
