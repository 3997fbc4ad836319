import { describe, expect, it } from 'vitest';
import { checkPlanPathEdit, type PlanPathCheck, type PlanPathEdit } from './plan-edit';

const PLAN = { firstYear: 2026, lastYear: 2030, unit: '亿元' };
const TYPED = { '2026': '10', '2027': '11', '2028': '12', '2029': '13', '2030': '１,４00' };

describe('checkPlanPathEdit', () => {
  const cases: [string, PlanPathEdit, PlanPathCheck][] = [
    [
      'straight to a final target, typed as the report would ("1,500亿元")',
      { pathKind: 'straight', finalTarget: '1,500亿元', annualGrowth: '' },
      { ok: true, values: { pathKind: 'straight', finalTarget: '1500', annualGrowth: null, typedValues: null } },
    ],
    [
      'compound at 年均增长 6.5%',
      { pathKind: 'compound', finalTarget: null, annualGrowth: ' 6.5 ' },
      { ok: true, values: { pathKind: 'compound', finalTarget: null, annualGrowth: '6.5', typedValues: null } },
    ],
    [
      'typed by year: every year, full-width digits understood',
      { pathKind: 'typed', typedValues: TYPED },
      {
        ok: true,
        values: {
          pathKind: 'typed',
          finalTarget: null,
          annualGrowth: null,
          typedValues: { '2026': '10', '2027': '11', '2028': '12', '2029': '13', '2030': '1400' },
        },
      },
    ],
    [
      'an unknown path kind',
      { pathKind: 'zigzag' },
      { ok: false, errors: { pathKind: ['「路径类型」应为：等额递进、按年均增速、逐年设定'] } },
    ],
    [
      'neither a final target nor a growth rate',
      { pathKind: 'straight', finalTarget: ' ', annualGrowth: null },
      { ok: false, errors: { finalTarget: ['「2030年目标值」与「年均增长」应填且只填一项（现均为空）'] } },
    ],
    [
      'both a final target and a growth rate',
      { pathKind: 'compound', finalTarget: '100', annualGrowth: '5' },
      { ok: false, errors: { annualGrowth: ['「2030年目标值」与「年均增长」应填且只填一项'] } },
    ],
    [
      'a final target that is not a number',
      { pathKind: 'straight', finalTarget: 'abc' },
      { ok: false, errors: { finalTarget: ['「2030年目标值」不是有效数字：请只填写数字，如 1027 或 25.3'] } },
    ],
    [
      'a growth rate of −100% or less',
      { pathKind: 'compound', annualGrowth: '-100' },
      { ok: false, errors: { annualGrowth: ['「年均增长」超出允许范围（-99.99 – 1000%）'] } },
    ],
    [
      'typed: a missing year is named, and a final target is not taken',
      { pathKind: 'typed', finalTarget: '5', typedValues: { ...TYPED, '2028': '' } },
      {
        ok: false,
        errors: {
          finalTarget: ['逐年设定的路径不填「2030年目标值」：最后一年的值即目标'],
          'typedValues.2028': ['「2028年路径值」未填写：请填写数字，如 1027 或 25.3'],
        },
      },
    ],
    [
      'typed: a year outside the plan',
      { pathKind: 'typed', typedValues: { ...TYPED, '2031': '9' } },
      { ok: false, errors: { typedValues: ['「逐年路径值」只填 2026—2030 年，不含 2031 年'] } },
    ],
    [
      'per-year values on a straight path',
      { pathKind: 'straight', finalTarget: '1', typedValues: { '2026': '1' } },
      { ok: false, errors: { typedValues: ['只有逐年设定的路径才填「逐年路径值」'] } },
    ],
  ];
  it.each(cases)('%s', (_name, edit, result) => {
    expect(checkPlanPathEdit(edit, PLAN)).toEqual(result);
  });
});
