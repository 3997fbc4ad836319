import { describe, expect, it } from 'vitest';
import type { ItemInputs, SchemeBody } from './scoring';
import { itemWeightParts, runScoring, type ItemRecord, type RunIndicator, type RunSubject } from './scoring-run';
import { schemeItem, schemeOf } from './scoring.fixtures';

const SCHEME: SchemeBody = schemeOf({ investment: '60', livelihood: '40' }, [
  schemeItem('SIGNED', '50', 'completion', '120'),
  schemeItem('INVEST', '50', 'completion', '120'),
  schemeItem('JOBS', '100', 'completion', '100'),
]);

const ind = (id: number, code: string, area: 'investment' | 'livelihood'): RunIndicator => ({
  id,
  code,
  name: code,
  kind: 'cumulative',
  direction: 'up',
  area,
  areaName: area === 'investment' ? '抓招商、上项目' : '抓民生、办实事',
  milestoneTotal: null,
});
const INDICATORS = new Map(
  [ind(1, 'SIGNED', 'investment'), ind(2, 'INVEST', 'investment'), ind(3, 'JOBS', 'livelihood')].map((i) => [
    i.code,
    i,
  ]),
);
/** Department 10 owns SIGNED and INVEST, department 20 owns JOBS; SIGNED is tracked by unit. */
const OWNER = new Map([
  [1, 10],
  [2, 10],
  [3, 20],
]);
const FGW: RunSubject = { kind: 'department', id: 10, code: 'fgw', name: '发改委' };
const RSJ: RunSubject = { kind: 'department', id: 20, code: 'rsj', name: '人社局' };
const LUZHOU: RunSubject = { kind: 'unit', id: 1, code: 'luzhou', name: '潞州区' };
const XIANGYUAN: RunSubject = { kind: 'unit', id: 2, code: 'xiangyuan', name: '襄垣县' };
const QINXIAN: RunSubject = { kind: 'unit', id: 3, code: 'qinxian', name: '沁县' };

const figures = (target: string, actual: string): ItemInputs => ({ target, actual, month: 12 });
/** City figures by indicator; unit figures by unit and indicator (沁县 has no target: not scored). */
const CITY = new Map([
  [1, figures('100', '90')],
  [2, figures('1000', '1100')],
  [3, figures('5', '5')],
]);
const UNITS = new Map([
  ['1:1', figures('20', '25')],
  ['2:1', figures('10', '8')],
]);

const results = runScoring({
  scheme: SCHEME,
  subjects: [FGW, RSJ, LUZHOU, XIANGYUAN, QINXIAN],
  indicators: INDICATORS,
  inputsOf: (s, i) =>
    s.kind === 'department'
      ? OWNER.get(i.id) === s.id
        ? (CITY.get(i.id) ?? null)
        : null
      : (UNITS.get(`${s.id}:${i.id}`) ?? null),
  countsOf: (s, i) =>
    s.code === 'xiangyuan' && i.code === 'SIGNED' ? { late: 2, returned: 1 } : { late: 0, returned: 0 },
});
const of = (code: string) => results.find((r) => r.subject.code === code);

describe('runScoring', () => {
  it('a department on its own indicators: SIGNED 60 × 50% = 30 points × 90% = 27; INVEST 30 × 110% = 33 → 60 ÷ 60 × 100 = 100, + 2', () => {
    expect(of('fgw')).toMatchObject({ base: '100.00', bonus: '2.00', total: '102.00', rank: 1 });
    expect(of('fgw')?.inputs.items.map((i) => [i.indicatorCode, i.areaWeight, i.weight, i.points, i.score])).toEqual([
      ['SIGNED', '60', '50', '30', '27.00'],
      ['INVEST', '60', '50', '30', '33.00'],
    ]);
    expect(of('fgw')?.formula).toMatch(/^基础分 = \(27\.00 \+ 33\.00\) ÷ 权重合计 60 × 100 = 100\.00；/);
    expect(of('rsj')).toMatchObject({ base: '100.00', total: '100.00', rank: 2 });
  });

  it('a unit on the tracked indicators against its own target: 潞州 25 ÷ 20 = 125% capped at 120% → 36 ÷ 30 × 100 = 120', () => {
    expect(of('luzhou')).toMatchObject({ base: '120.00', total: '120.00', rank: 1 });
    expect(of('luzhou')?.inputs.items[0]).toMatchObject({ target: '20', actual: '25', score: '36.00' });
  });

  it('a unit’s own deductions: 襄垣 8 ÷ 10 = 80% → 24 ÷ 30 × 100 = 80; − (2 × 0.5 + 1) = 78', () => {
    expect(of('xiangyuan')).toMatchObject({ base: '80.00', deduction: '2.00', total: '78.00', rank: 2 });
  });

  it('departments and units are ranked apart, departments first; a unit without a target of its own is not scored', () => {
    expect(results.map((r) => [r.subject.kind, r.subject.code, r.rank])).toEqual([
      ['department', 'fgw', 1],
      ['department', 'rsj', 2],
      ['unit', 'luzhou', 1],
      ['unit', 'xiangyuan', 2],
    ]);
  });
});

describe('itemWeightParts', () => {
  const base: ItemRecord = {
    indicatorCode: 'X',
    indicatorName: 'X',
    areaName: null,
    rule: 'completion',
    weight: '15',
    ceiling: '100',
    target: null,
    actual: null,
    month: null,
    score: '0',
    formula: '',
  };
  it.each<[string, ItemRecord, ReturnType<typeof itemWeightParts>]>([
    [
      'a snapshot published before area weights: the points alone',
      base,
      { areaWeight: null, share: null, points: '15' },
    ],
    [
      'both levels',
      { ...base, weight: '50', areaWeight: '30', points: '15' },
      { areaWeight: '30', share: '50', points: '15' },
    ],
  ])('%s', (_name, record, parts) => {
    expect(itemWeightParts(record)).toEqual(parts);
  });
});
