import { describe, expect, it } from 'vitest';
import { monthValues } from '@/tests/helpers/pure/month-values';
import { ImportFileError } from './limits';
import { mapColumns, normalizeTitle, toImportRecords } from './sheet-table';

describe('the header row names the columns', () => {
  it('understands the template titles in any order, with marks and notes around them', () => {
    expect(normalizeTitle(' 指标编码* ')).toBe('指标编码');
    expect(normalizeTitle('数值（必填）')).toBe('数值');
    const { columns } = mapColumns('actuals', ['数值', '备注', '填报期', 'Code']);
    expect(columns).toEqual({ value: 0, note: 1, period: 2, indicatorCode: 3 });
  });

  it('refuses a file without a required column, and recognises the other kind of file', () => {
    expect(() => mapColumns('actuals', ['指标编码', '数值'])).toThrow(
      '文件缺少「填报期」列；请使用下载的模板（第 1 行为表头）',
    );
    expect(() => mapColumns('targets', ['指标编码', '填报期', '数值'])).toThrow(/这似乎是实绩导入文件/);
    expect(() => toImportRecords('actuals', [])).toThrow(ImportFileError);
  });

  it('reads each row after the header, trimming cells and keeping the filled month columns of a target', () => {
    const records = toImportRecords('targets', [
      { row: 1, cells: ['指标编码', '年份', '全年目标', '修订原因', '3月', '6月', '12月', '县区'] },
      { row: 4, cells: [' inv-a ', '2026', ' 1,200 ', '调整', '', '500', '1200', ' 全市 '] },
    ]);
    expect(records).toEqual([
      {
        row: 4,
        indicatorCode: 'inv-a',
        unit: '',
        period: '2026',
        value: '1,200',
        qualifier: '',
        note: '调整',
        unitRef: '全市',
        phases: monthValues([6, '500'], [12, '1200']),
      },
    ]);
  });
});
