import { describe, expect, it } from 'vitest';
import {
  annualGrowthPercent,
  planPath,
  planProgress,
  type PlanPath,
  type PlanPathInput,
  type PlanProgress,
  type PlanProgressInput,
} from './plan-path';

const PLAN = { firstYear: 2026, lastYear: 2030 };
const values = (p: PlanPath) => (p.ok ? p.points.map((x) => x.value) : p.message);
const path = (
  kind: PlanPathInput['kind'],
  baseline: string | null,
  finalTarget: string | null,
  annualGrowth: string | null,
) => planPath({ ...PLAN, kind, baseline, finalTarget, annualGrowth });

describe('planPath', () => {
  const TYPED = { 2026: '4.8', 2027: '4.85', 2028: '4.9', 2029: '4.95', 2030: '5' };
  const cases: [string, PlanPath, string[] | string][] = [
    [
      'straight: 100 → 150 over five years is +10 a year',
      path('straight', '100', '150', null),
      ['110', '120', '130', '140', '150'],
    ],
    [
      'compound from a stated 年均增长 10%: 110, 121, 133.1, 146.41, 161.051',
      path('compound', '100', null, '10'),
      ['110', '121', '133.1', '146.41', '161.051'],
    ],
    [
      'compound towards a final target finds the rate that reaches it (100 → 161.051 is 10% a year)',
      path('compound', '100', '161.051', null),
      ['110', '121', '133.1', '146.41', '161.051'],
    ],
    [
      'typed by year takes the written values (no baseline needed)',
      planPath({ ...PLAN, kind: 'typed', baseline: null, finalTarget: null, annualGrowth: null, typed: TYPED }),
      ['4.8', '4.85', '4.9', '4.95', '5'],
    ],
    [
      'typed by year names the missing years',
      planPath({
        ...PLAN,
        kind: 'typed',
        baseline: null,
        finalTarget: null,
        annualGrowth: null,
        typed: { 2026: '1', 2027: '2', 2029: '4' },
      }),
      '逐年路径缺少 2028、2030 年的值',
    ],
    [
      'a missing baseline (straight) names the year',
      path('straight', null, '150', null),
      '缺少基期（2025年）值，无法推算路径',
    ],
    [
      'a missing baseline (compound, empty text)',
      path('compound', '', null, '5'),
      '缺少基期（2025年）值，无法推算路径',
    ],
    ['neither a final target nor a growth rate', path('straight', '1', null, null), '缺少2030年目标值或年均增速'],
    [
      'compound towards a target from a zero baseline',
      path('compound', '0', '10', null),
      '基期值或目标值不为正数，不能按年均增速推算',
    ],
  ];
  it.each(cases)('%s', (_name, p, expected) => {
    expect(values(p)).toEqual(expected);
  });

  it('the points are the plan years', () => {
    const p = path('straight', '100', '150', null);
    expect(p.ok && p.points.map((x) => x.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
  });
});

describe('annualGrowthPercent', () => {
  it.each<[number, number, number, number | null]>([
    [100, 121, 2, 10],
    [100, 121, 0, null],
    [0, 121, 2, null],
  ])('(%s → %s in %s years) = %s%%', (from, to, years, rate) => {
    expect(annualGrowthPercent(from, to, years)).toBe(rate);
  });
});

describe('planProgress', () => {
  const straight = path('straight', '100', '150', null);
  const progress = (patch: Partial<PlanProgressInput>) =>
    planProgress({ path: straight, baselineYear: 2025, baseline: '100', direction: 'up', latestYear: null, ...patch });
  const inYear = (value: string, cumulative: boolean) => ({ inYear: { year: 2026, month: 6, value, cumulative } });
  const cases: [string, Partial<PlanProgressInput>, Partial<PlanProgress>][] = [
    [
      'behind: 118 in 2027 against a path value of 120; achieved 8.63% a year, 需年均增长 8.33% for the three years left',
      { latestYear: { year: 2027, value: '118' } },
      {
        status: 'behind',
        yearsDone: 2,
        yearsLeft: 3,
        achievedGrowth: 8.63,
        neededGrowth: 8.33,
        wording: '需年均增长 8.33%',
      },
    ],
    [
      'on track exactly on the path value (120 in 2027)',
      { latestYear: { year: 2027, value: '120' } },
      { status: 'on_track' },
    ],
    [
      'no complete year yet: the whole span still to go (100 → 150 in 5 years = 8.45%)',
      {},
      { status: 'no_data', yearsDone: 0, yearsLeft: 5, neededGrowth: 8.45, wording: '需年均增长 8.45%' },
    ],
    [
      'a year under way, running total: 56 by June against 110 × 6/12 = 55 is on track',
      inYear('56', true),
      { status: 'on_track' },
    ],
    ['a year under way, running total: 54 by June is behind', inYear('54', true), { status: 'behind' }],
    [
      'a year under way, a reading: 104 by June against 100 + (110 − 100) × 6/12 = 105 is behind',
      inYear('104', false),
      { status: 'behind' },
    ],
    [
      'lower is better (PM2.5 30 → 27): 29 in 2026 beats the path value 29.4; 需年均下降 1.77%',
      {
        path: path('straight', '30', '27', null),
        baseline: '30',
        direction: 'down',
        latestYear: { year: 2026, value: '29' },
      },
      { status: 'on_track', neededGrowth: -1.77, wording: '需年均下降 1.77%' },
    ],
    [
      'the final target already reached',
      { latestYear: { year: 2028, value: '151' } },
      { status: 'on_track', wording: '已达到规划目标' },
    ],
    [
      'no path (missing baseline): the reason is the wording',
      { path: path('straight', null, '150', null), baseline: null },
      { status: 'no_path', wording: '缺少基期（2025年）值，无法推算路径' },
    ],
  ];
  it.each(cases)('%s', (_name, patch, expected) => {
    expect(progress(patch)).toMatchObject(expected);
  });
});
