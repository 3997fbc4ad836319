import { describe, expect, it } from 'vitest';
import { checkRecord, findDuplicates, periodKeyOf, type IndicatorInfo } from './row-checks';
import type { ImportRecord } from './sheet-table';

const INDICATOR: IndicatorInfo = {
  id: 1,
  code: 'INV-A',
  name: '投资',
  unit: '亿元',
  kind: 'cumulative',
  departmentId: 7,
  departmentName: '市发改委',
  isRetired: false,
  minValue: '0',
  maxValue: '100000',
  trackedByUnit: false,
};
const record = (patch: Partial<ImportRecord> = {}): ImportRecord => ({
  row: 5,
  indicatorCode: 'inv-a',
  unit: '',
  period: '2026-03',
  value: '1,027',
  qualifier: '',
  note: '',
  unitRef: '',
  phases: [],
  ...patch,
});
const check = (
  patch: Partial<ImportRecord> = {},
  more: { indicator?: IndicatorInfo | undefined; scope?: number | null; dup?: number[] } = {},
) =>
  checkRecord({
    kind: 'actuals',
    record: record(patch),
    indicator: 'indicator' in more ? more.indicator : INDICATOR,
    scope: more.scope === null ? null : { role: 'official', departmentId: more.scope ?? 7, unitId: null },
    units: [],
    duplicateOf: more.dup,
  });

describe('the checks of one import row', () => {
  it('passes a clean row, with the number and qualifier understood', () => {
    const { messages, checked } = check({ qualifier: '以上' });
    expect(messages).toEqual([]);
    expect(checked).toMatchObject({
      value: '1027',
      qualifier: 'at_least',
      period: { year: 2026, month: 3 },
      year: 2026,
    });
  });

  it('names the row and the field of every problem, all at once', () => {
    const { messages, checked } = check({
      unit: '万元',
      period: '2025-13',
      value: 'abc',
      qualifier: 'roughly',
      note: 'x'.repeat(1001),
    });
    expect(checked).toBeNull();
    expect(messages).toEqual([
      '第 5 行：「单位」应为「亿元」，文件中为「万元」',
      '第 5 行：「填报期」2025-13 无效，应为 YYYY-MM（月份 1–12），如 2026-03',
      '第 5 行：「数值」不是有效数字：请只填写数字，如 1027 或 25.3',
      '第 5 行：「限定词」roughly 无效，可选：精确值、以上、左右、超、突破、以内、全部完成（或留空）',
      '第 5 行：「备注」不能超过 1000 个字',
    ]);
  });

  it('refuses an unknown code, another department’s indicator and a retired one', () => {
    expect(check({}, { indicator: undefined }).messages).toEqual([
      '第 5 行：「指标编码」INV-A 不存在，请核对编码（可下载模板查看本单位的指标）',
    ]);
    expect(check({}, { scope: 8 }).messages[0]).toBe(
      '第 5 行：「指标编码」INV-A（投资）属于市发改委，只能导入本单位的指标',
    );
    expect(check({}, { indicator: { ...INDICATOR, isRetired: true } }).messages[0]).toContain('已停用');
    expect(check({ indicatorCode: ' ' }).messages[0]).toBe('第 5 行：「指标编码」未填写');
  });

  it('refuses a value out of range, and one too large to store', () => {
    expect(check({ value: '200000' }).messages[0]).toContain('超出允许范围');
    // parseFigure or the storage check here (numeric(20, 6)), whichever refuses first.
    expect(check({ value: '999999999999999' }, { indicator: { ...INDICATOR, maxValue: null } }).messages[0]).toMatch(
      /^第 5 行：「数值」(超出可存储的范围|数值过大)/,
    );
  });

  it('flags both rows of a duplicate, whatever way the period is written', () => {
    const rows = [record({ row: 2, period: '2026-3' }), record({ row: 3 }), record({ row: 4, period: '2026-04' })];
    const duplicates = findDuplicates(rows, (r) => periodKeyOf('actuals', r));
    expect([...duplicates.entries()]).toEqual([
      [2, [3]],
      [3, [2]],
    ]);
    expect(check({}, { dup: [3] }).messages).toEqual([
      '第 5 行：与第 3 行重复：同一指标（INV-A）同一填报期（2026-03）只能出现一次',
    ]);
  });

  it('checks the year of a target row', () => {
    const target = (period: string) =>
      checkRecord({
        kind: 'targets',
        record: record({ period }),
        indicator: INDICATOR,
        scope: null,
        units: [],
        duplicateOf: undefined,
      });
    expect(target('2026').checked?.year).toBe(2026);
    expect(target('2025-13').messages).toEqual(['第 5 行：「年份」2025-13 无效，应为四位年份（2000–2100），如 2026']);
    expect(target('').messages[0]).toContain('「年份」未填写');
  });
});
