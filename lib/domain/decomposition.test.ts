import { describe, expect, it } from 'vitest';
import { validateDecomposition, type DecompositionUnit } from './decomposition';

const UNITS: DecompositionUnit[] = [
  { id: 1, code: 'luzhou', name: '潞州区', counted: true },
  { id: 2, code: 'xiangyuan', name: '襄垣县', counted: true },
  { id: 3, code: 'gaoxin', name: '长治高新区', counted: false },
];
const shares = (...pairs: [string, string][]) => ({
  mode: 'shares' as const,
  shares: pairs.map(([unitCode, value]) => ({ unitCode, value })),
});

describe('validateDecomposition', () => {
  it('summed shares adding up to the city target exactly are accepted; a zone is outside the sum', () => {
    const r = validateDecomposition({
      kind: 'cumulative',
      rule: 'sum',
      cityTarget: '100.5',
      units: UNITS,
      input: shares(['luzhou', '60.2'], ['xiangyuan', '40.3'], ['gaoxin', '30']),
    });
    expect(r).toEqual({
      ok: true,
      rows: [
        { unitId: 1, value: '60.2', qualifier: 'exact' },
        { unitId: 2, value: '40.3', qualifier: 'exact' },
        { unitId: 3, value: '30', qualifier: 'exact' },
      ],
    });
  });

  it('shares that do not add up: names both totals and the difference', () => {
    const r = validateDecomposition({
      kind: 'cumulative',
      rule: 'sum',
      cityTarget: '100',
      units: UNITS,
      input: shares(['luzhou', '60'], ['xiangyuan', '30']),
    });
    expect(r).toMatchObject({ ok: false, message: '各县区分解目标合计 90，与全市目标 100 不一致（少 10）' });
    const over = validateDecomposition({
      kind: 'cumulative',
      rule: 'sum',
      cityTarget: '100',
      units: UNITS,
      input: shares(['luzhou', '60'], ['xiangyuan', '40.000001']),
    });
    expect(over).toMatchObject({
      ok: false,
      message: '各县区分解目标合计 100.000001，与全市目标 100 不一致（多 0.000001）',
    });
  });

  it('a negative share, an unknown unit, a repeated unit and a non-number are each named', () => {
    const r = validateDecomposition({
      kind: 'cumulative',
      rule: 'sum',
      cityTarget: '100',
      units: UNITS,
      input: shares(['luzhou', '-5'], ['nowhere', '1'], ['xiangyuan', 'abc'], ['luzhou', '3']),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.messages).toEqual([
      '「潞州区」的分解目标不能为负数（-5）',
      '县区「nowhere」不存在',
      '「襄垣县」的分解目标「abc」不是有效数字',
      '「潞州区」重复填写',
    ]);
  });

  it('a summed indicator must be handed to every counted unit, and needs a city target', () => {
    expect(
      validateDecomposition({
        kind: 'cumulative',
        rule: 'sum',
        cityTarget: '100',
        units: UNITS,
        input: shares(['luzhou', '100']),
      }),
    ).toMatchObject({
      ok: false,
      message: '按求和汇总的指标须分解到每个县区，缺少：襄垣县',
    });
    expect(
      validateDecomposition({
        kind: 'cumulative',
        rule: 'sum',
        cityTarget: null,
        units: UNITS,
        input: shares(['luzhou', '50'], ['xiangyuan', '50']),
      }),
    ).toMatchObject({
      ok: false,
      message: '全市年度目标尚未设定，不能按份额分解',
    });
  });

  it('a rate entered at city level takes any per-unit targets, without a sum check', () => {
    expect(
      validateDecomposition({
        kind: 'rate',
        rule: 'entered',
        cityTarget: '6',
        units: UNITS,
        input: shares(['luzhou', '7']),
      }).ok,
    ).toBe(true);
  });

  it('"each unit ≥ X" for rates: one at_least row per unit; refused for other kinds and for a negative floor', () => {
    const r = validateDecomposition({
      kind: 'rate',
      rule: 'weighted',
      cityTarget: '6',
      units: UNITS,
      input: { mode: 'min_each', value: '5.5' },
    });
    expect(r).toEqual({ ok: true, rows: UNITS.map((u) => ({ unitId: u.id, value: '5.5', qualifier: 'at_least' })) });
    expect(
      validateDecomposition({
        kind: 'cumulative',
        rule: 'sum',
        cityTarget: '6',
        units: UNITS,
        input: { mode: 'min_each', value: '5' },
      }),
    ).toMatchObject({
      ok: false,
      message: '「各县区不低于」只适用于比率类指标；其他指标请逐个县区填写分解目标',
    });
    expect(
      validateDecomposition({
        kind: 'rate',
        rule: 'entered',
        cityTarget: '6',
        units: UNITS,
        input: { mode: 'min_each', value: '-1' },
      }).ok,
    ).toBe(false);
  });

  it('nothing entered is refused', () => {
    expect(
      validateDecomposition({ kind: 'level', rule: 'sum', cityTarget: '1', units: UNITS, input: shares() }),
    ).toMatchObject({ ok: false, message: '未填写任何县区的分解目标' });
  });
});
