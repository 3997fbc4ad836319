import { describe, expect, it } from 'vitest';
import { validateDecomposition, type DecompositionInput, type DecompositionUnit } from './decomposition';
import type { IndicatorKind, RollupRule } from './types';

const UNITS: DecompositionUnit[] = [
  { id: 1, code: 'luzhou', name: '潞州区', counted: true },
  { id: 2, code: 'xiangyuan', name: '襄垣县', counted: true },
  { id: 3, code: 'gaoxin', name: '长治高新区', counted: false },
];
const shares = (...pairs: [string, string][]): DecompositionInput => ({
  mode: 'shares',
  shares: pairs.map(([unitCode, value]) => ({ unitCode, value })),
});
const minEach = (value: string): DecompositionInput => ({ mode: 'min_each', value });
/** A summed count unless told otherwise: the city target 100. */
const check = (
  input: DecompositionInput,
  more: { kind?: IndicatorKind; rule?: RollupRule; cityTarget?: string | null } = {},
) =>
  validateDecomposition({
    kind: more.kind ?? 'cumulative',
    rule: more.rule ?? 'sum',
    cityTarget: more.cityTarget === undefined ? '100' : more.cityTarget,
    units: UNITS,
    input,
  });

describe('validateDecomposition', () => {
  it('summed shares adding up to the city target exactly are accepted; a zone is outside the sum', () => {
    expect(check(shares(['luzhou', '60.2'], ['xiangyuan', '40.3'], ['gaoxin', '30']), { cityTarget: '100.5' })).toEqual(
      {
        ok: true,
        rows: [
          { unitId: 1, value: '60.2', qualifier: 'exact' },
          { unitId: 2, value: '40.3', qualifier: 'exact' },
          { unitId: 3, value: '30', qualifier: 'exact' },
        ],
      },
    );
  });

  it.each<[string, DecompositionInput, Parameters<typeof check>[1], string]>([
    [
      'shares short of the city target: both totals and the difference',
      shares(['luzhou', '60'], ['xiangyuan', '30']),
      {},
      '各县区分解目标合计 90，与全市目标 100 不一致（少 10）',
    ],
    [
      'shares over the city target, by a millionth',
      shares(['luzhou', '60'], ['xiangyuan', '40.000001']),
      {},
      '各县区分解目标合计 100.000001，与全市目标 100 不一致（多 0.000001）',
    ],
    [
      'a summed indicator not handed to every counted unit',
      shares(['luzhou', '100']),
      {},
      '按求和汇总的指标须分解到每个县区，缺少：襄垣县',
    ],
    [
      'shares without a city target',
      shares(['luzhou', '50'], ['xiangyuan', '50']),
      { cityTarget: null },
      '全市年度目标尚未设定，不能按份额分解',
    ],
    [
      '"each unit ≥ X" for a kind other than a rate',
      minEach('5'),
      {},
      '「各县区不低于」只适用于比率类指标；其他指标请逐个县区填写分解目标',
    ],
    ['a negative floor', minEach('-1'), { kind: 'rate', rule: 'entered' }, '「各县区不低于」的值不能为负数（-1）'],
    ['nothing entered', shares(), { kind: 'level' }, '未填写任何县区的分解目标'],
  ])('refuses %s, naming the problem', (_, input, more, message) => {
    expect(check(input, more)).toMatchObject({ ok: false, message });
  });

  it('a negative share, an unknown unit, a repeated unit and a non-number are each named', () => {
    expect(check(shares(['luzhou', '-5'], ['nowhere', '1'], ['xiangyuan', 'abc'], ['luzhou', '3']))).toMatchObject({
      ok: false,
      messages: [
        '「潞州区」的分解目标不能为负数（-5）',
        '县区「nowhere」不存在',
        '「襄垣县」的分解目标「abc」不是有效数字',
        '「潞州区」重复填写',
      ],
    });
  });

  it('a rate entered at city level takes any per-unit targets, without a sum check', () => {
    expect(check(shares(['luzhou', '7']), { kind: 'rate', rule: 'entered', cityTarget: '6' }).ok).toBe(true);
  });

  it('"each unit ≥ X" for rates: one at_least row per unit', () => {
    expect(check(minEach('5.5'), { kind: 'rate', rule: 'weighted', cityTarget: '6' })).toEqual({
      ok: true,
      rows: UNITS.map((u) => ({ unitId: u.id, value: '5.5', qualifier: 'at_least' })),
    });
  });
});
