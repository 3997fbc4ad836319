import { describe, expect, it } from 'vitest';
import { annualGrowthPercent, planPath, planProgress, type PlanPath } from './plan-path';

const PLAN = { firstYear: 2026, lastYear: 2030 };
const values = (p: PlanPath) => (p.ok ? p.points.map((x) => x.value) : p.message);

describe('planPath', () => {
  it('straight: 100 → 150 over five years is +10 a year', () => {
    const p = planPath({ ...PLAN, kind: 'straight', baseline: '100', finalTarget: '150', annualGrowth: null });
    expect(values(p)).toEqual(['110', '120', '130', '140', '150']);
    if (p.ok) expect(p.points.map((x) => x.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
  });

  it('compound from a stated 年均增长 10%: 110, 121, 133.1, 146.41, 161.051', () => {
    const p = planPath({ ...PLAN, kind: 'compound', baseline: '100', finalTarget: null, annualGrowth: '10' });
    expect(values(p)).toEqual(['110', '121', '133.1', '146.41', '161.051']);
  });

  it('compound towards a final target finds the rate that reaches it (100 → 161.051 is 10% a year)', () => {
    const p = planPath({ ...PLAN, kind: 'compound', baseline: '100', finalTarget: '161.051', annualGrowth: null });
    expect(values(p)).toEqual(['110', '121', '133.1', '146.41', '161.051']);
  });

  it('typed by year takes the written values and names a missing year', () => {
    const typed = { 2026: '4.8', 2027: '4.85', 2028: '4.9', 2029: '4.95', 2030: '5' };
    expect(
      values(planPath({ ...PLAN, kind: 'typed', baseline: null, finalTarget: null, annualGrowth: null, typed })),
    ).toEqual(['4.8', '4.85', '4.9', '4.95', '5']);
    const gap = { 2026: '1', 2027: '2', 2029: '4' };
    expect(
      values(planPath({ ...PLAN, kind: 'typed', baseline: null, finalTarget: null, annualGrowth: null, typed: gap })),
    ).toBe('逐年路径缺少 2028、2030 年的值');
  });

  it('a missing baseline: straight and compound cannot be drawn, and say which year is missing', () => {
    expect(
      values(planPath({ ...PLAN, kind: 'straight', baseline: null, finalTarget: '150', annualGrowth: null })),
    ).toBe('缺少基期（2025年）值，无法推算路径');
    expect(values(planPath({ ...PLAN, kind: 'compound', baseline: '', finalTarget: null, annualGrowth: '5' }))).toBe(
      '缺少基期（2025年）值，无法推算路径',
    );
  });

  it('neither a final target nor a growth rate', () => {
    expect(values(planPath({ ...PLAN, kind: 'straight', baseline: '1', finalTarget: null, annualGrowth: null }))).toBe(
      '缺少2030年目标值或年均增速',
    );
  });

  it('compound towards a target from a zero baseline is refused', () => {
    expect(values(planPath({ ...PLAN, kind: 'compound', baseline: '0', finalTarget: '10', annualGrowth: null }))).toBe(
      '基期值或目标值不为正数，不能按年均增速推算',
    );
  });
});

describe('annualGrowthPercent', () => {
  it('(121/100)^(1/2) − 1 = 10%; undefined for zero years or a non-positive value', () => {
    expect(annualGrowthPercent(100, 121, 2)).toBe(10);
    expect(annualGrowthPercent(100, 121, 0)).toBeNull();
    expect(annualGrowthPercent(0, 121, 2)).toBeNull();
  });
});

describe('planProgress', () => {
  const straight = planPath({ ...PLAN, kind: 'straight', baseline: '100', finalTarget: '150', annualGrowth: null });

  it('behind: 118 in 2027 against a path value of 120; achieved 8.63% a year, 需年均增长 8.33% for the three years left', () => {
    const p = planProgress({
      path: straight,
      baselineYear: 2025,
      baseline: '100',
      direction: 'up',
      latestYear: { year: 2027, value: '118' },
    });
    expect(p).toEqual({
      status: 'behind',
      yearsDone: 2,
      yearsLeft: 3,
      achievedGrowth: 8.63,
      neededGrowth: 8.33,
      wording: '需年均增长 8.33%',
    });
  });

  it('on track exactly on the path value (120 in 2027)', () => {
    const p = planProgress({
      path: straight,
      baselineYear: 2025,
      baseline: '100',
      direction: 'up',
      latestYear: { year: 2027, value: '120' },
    });
    expect(p.status).toBe('on_track');
  });

  it('no complete year yet: no status, the whole span still to go (100 → 150 in 5 years = 8.45%)', () => {
    const p = planProgress({ path: straight, baselineYear: 2025, baseline: '100', direction: 'up', latestYear: null });
    expect(p).toMatchObject({
      status: 'no_data',
      yearsDone: 0,
      yearsLeft: 5,
      neededGrowth: 8.45,
      wording: '需年均增长 8.45%',
    });
  });

  it('a year under way, running total: 56 by June against 110 × 6/12 = 55 is on track; 54 is behind', () => {
    const at = (value: string) =>
      planProgress({
        path: straight,
        baselineYear: 2025,
        baseline: '100',
        direction: 'up',
        latestYear: null,
        inYear: { year: 2026, month: 6, value, cumulative: true },
      }).status;
    expect(at('56')).toBe('on_track');
    expect(at('54')).toBe('behind');
  });

  it('a year under way, a reading: 104 by June against 100 + (110 − 100) × 6/12 = 105 is behind', () => {
    const p = planProgress({
      path: straight,
      baselineYear: 2025,
      baseline: '100',
      direction: 'up',
      latestYear: null,
      inYear: { year: 2026, month: 6, value: '104', cumulative: false },
    });
    expect(p.status).toBe('behind');
  });

  it('lower is better (PM2.5 30 → 27): 29 in 2026 beats the path value 29.4; 需年均下降 1.77%', () => {
    const pm = planPath({ ...PLAN, kind: 'straight', baseline: '30', finalTarget: '27', annualGrowth: null });
    const p = planProgress({
      path: pm,
      baselineYear: 2025,
      baseline: '30',
      direction: 'down',
      latestYear: { year: 2026, value: '29' },
    });
    expect(p).toMatchObject({ status: 'on_track', neededGrowth: -1.77, wording: '需年均下降 1.77%' });
  });

  it('the final target already reached', () => {
    const p = planProgress({
      path: straight,
      baselineYear: 2025,
      baseline: '100',
      direction: 'up',
      latestYear: { year: 2028, value: '151' },
    });
    expect(p).toMatchObject({ status: 'on_track', wording: '已达到规划目标' });
  });

  it('no path (missing baseline): the reason is the wording', () => {
    const none = planPath({ ...PLAN, kind: 'straight', baseline: null, finalTarget: '150', annualGrowth: null });
    expect(
      planProgress({ path: none, baselineYear: 2025, baseline: null, direction: 'up', latestYear: null }),
    ).toMatchObject({
      status: 'no_path',
      wording: '缺少基期（2025年）值，无法推算路径',
    });
  });
});
