import { describe, expect, it } from 'vitest';
import { checkUnitCell, resolveUnitRef, unitKeyOf, type ImportScope, type UnitInfo } from './unit-column';

const UNITS: UnitInfo[] = [
  { id: 1, code: 'changzhi', name: '长治市', kind: 'city', isActive: true },
  { id: 2, code: 'luzhou', name: '潞州区', kind: 'district', isActive: true },
  { id: 3, code: 'xiangyuan', name: '襄垣县', kind: 'county', isActive: true },
  { id: 4, code: 'old', name: '撤销区', kind: 'district', isActive: false },
];
const TRACKED = { code: 'INV-A', name: '投资', departmentId: 7, trackedByUnit: true };
const CITY_OFFICIAL: ImportScope = { role: 'official', departmentId: 7, unitId: null };
const LUZHOU_OFFICIAL: ImportScope = { role: 'official', departmentId: null, unitId: 2 };

const check = (ref: string, scope: ImportScope | null, indicator = TRACKED) =>
  checkUnitCell({ ref, units: UNITS, scope, indicator });

describe('the 县区 column of an import', () => {
  it.each([
    ['', null],
    ['全市', null],
    ['市本级', null],
    ['长治市', null],
    ['changzhi', null],
    ['潞州区', 'luzhou'],
    [' LUZHOU ', 'luzhou'],
    ['襄垣县', 'xiangyuan'],
  ])('reads %j as %s (what the records export writes: a name, or 全市)', (ref, code) => {
    expect(resolveUnitRef(ref, UNITS)?.code ?? null).toBe(code);
  });

  it('reads an unknown name as unknown, not as the city', () => {
    expect(resolveUnitRef('火星区', UNITS)).toBeUndefined();
    expect(check('火星区', null)).toEqual({
      ok: false,
      messages: ['「县区」火星区 不存在：请填写县区名称（如 潞州区）或代码，全市数据留空或填「全市」'],
    });
  });

  it('blank is the importer’s own unit for a unit official, the city for everyone else', () => {
    expect(check('', LUZHOU_OFFICIAL)).toMatchObject({ ok: true, unit: { code: 'luzhou' } });
    expect(check('', CITY_OFFICIAL)).toEqual({ ok: true, unit: null });
    expect(check('', null)).toEqual({ ok: true, unit: null });
    expect(unitKeyOf('', UNITS, LUZHOU_OFFICIAL)).toBe(unitKeyOf('潞州区', UNITS, null));
    expect(unitKeyOf('luzhou', UNITS, null)).toBe(unitKeyOf('潞州区', UNITS, null));
    expect(unitKeyOf('全市', UNITS, null)).toBe(unitKeyOf('', UNITS, null));
  });

  it.each([
    [
      'a unit official another unit',
      '襄垣县',
      LUZHOU_OFFICIAL,
      TRACKED,
      '「县区」只能导入本县区（潞州区）的数据，文件中为「襄垣县」',
    ],
    [
      'a unit official the city',
      '全市',
      LUZHOU_OFFICIAL,
      TRACKED,
      '「县区」只能导入本县区（潞州区）的数据，文件中为「全市」',
    ],
    [
      'a city official a unit',
      '潞州区',
      CITY_OFFICIAL,
      TRACKED,
      '「县区」潞州区的数据由该县区填报，市级单位只能导入全市数据（「县区」留空）',
    ],
    [
      'a unit for an indicator not tracked by unit',
      '潞州区',
      null,
      { ...TRACKED, trackedByUnit: false },
      '「县区」填写了潞州区，但指标 INV-A（投资）不按县区填报：全市数据请将「县区」留空或填「全市」',
    ],
    ['an inactive unit', '撤销区', null, TRACKED, '「县区」撤销区已停用，不能再导入数据'],
  ])('refuses %s, naming the column', (_, ref, scope, indicator, message) => {
    expect(check(ref, scope, indicator)).toEqual({ ok: false, messages: [message] });
  });

  it('lets an administrator write any unit of a tracked indicator, and a unit official its own', () => {
    expect(check('襄垣县', null)).toMatchObject({ ok: true, unit: { code: 'xiangyuan' } });
    expect(check('潞州区', LUZHOU_OFFICIAL)).toMatchObject({ ok: true, unit: { code: 'luzhou' } });
  });
});
