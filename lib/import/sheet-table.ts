/**
 * From the rows of an upload to import records: the header row names the columns (in any order; the
 * template's titles and a few common variants are understood), each later row becomes one record.
 */
import { cellToPeriodText, cellToText, type RawCell } from './cell-text';
import { ImportFileError } from './limits';
import type { SheetRow } from './xlsx-read';

export type ImportKind = 'actuals' | 'targets';

export interface ImportRecord {
  /** The row number as the spreadsheet shows it. */
  row: number;
  indicatorCode: string;
  unit: string;
  /** As written: "2026-03" (actuals) or "2026" (targets). */
  period: string;
  value: string;
  qualifier: string;
  /** 备注 (actuals) or 修订原因 (targets). */
  note: string;
  /** 县区 as written: a unit's name or code; empty or 全市 for the city's own figure (as the records export writes it). */
  unitRef: string;
  /** Targets only: the filled 1月…12月 columns (分解目标). */
  phases: { month: number; value: string }[];
}

type Field = 'indicatorCode' | 'unit' | 'period' | 'value' | 'qualifier' | 'note' | 'unitRef';

const UNIT_REF_TITLES = ['县区', '所属县区', '县区名称', '县区代码', 'county'];

/** The template's column titles, per kind (the first title of each field is the template's own). */
export const COLUMN_TITLES: Record<ImportKind, Record<Field, string[]>> = {
  actuals: {
    indicatorCode: ['指标编码', '编码', '指标代码', 'code'],
    unit: ['单位', '计量单位', 'unit'],
    period: ['填报期', '期间', '月份', '报告期', 'period'],
    value: ['数值', '实绩值', '本期数值', '完成值', 'value'],
    qualifier: ['限定词', 'qualifier'],
    note: ['备注', '说明', 'note'],
    unitRef: UNIT_REF_TITLES,
  },
  targets: {
    indicatorCode: ['指标编码', '编码', '指标代码', 'code'],
    unit: ['单位', '计量单位', 'unit'],
    period: ['年份', '年度', '目标年份', 'year'],
    value: ['全年目标', '年度目标', '目标值', 'value'],
    qualifier: ['限定词', 'qualifier'],
    note: ['修订原因', '备注', 'reason', 'note'],
    unitRef: UNIT_REF_TITLES,
  },
};

const REQUIRED: Field[] = ['indicatorCode', 'period', 'value'];

/** "指标编码*", " 数值（必填） " → "指标编码", "数值". */
export function normalizeTitle(title: string): string {
  return title
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[*＊\s]/g, '')
    .toLowerCase();
}

function monthOfTitle(title: string): number | null {
  const m = /^(\d{1,2})月/.exec(title);
  const month = m ? Number(m[1]) : NaN;
  return month >= 1 && month <= 12 ? month : null;
}

/** Column index (0-based) of each field, and of each month column for targets; throws when a required column is missing. */
export function mapColumns(kind: ImportKind, header: RawCell[]) {
  const titles = header.map((c) => normalizeTitle(cellToText(c)));
  const columns: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(COLUMN_TITLES[kind]) as Field[]) {
    const names = COLUMN_TITLES[kind][field].map(normalizeTitle);
    const index = titles.findIndex((t) => names.includes(t));
    if (index >= 0) columns[field] = index;
  }
  const months = new Map<number, number>();
  if (kind === 'targets') {
    titles.forEach((t, index) => {
      const month = monthOfTitle(t);
      if (month !== null && !months.has(month)) months.set(month, index);
    });
  }
  const missing = REQUIRED.filter((f) => columns[f] === undefined).map((f) => `「${COLUMN_TITLES[kind][f][0]}」`);
  if (missing.length > 0) {
    const other: ImportKind = kind === 'actuals' ? 'targets' : 'actuals';
    const looksOther = REQUIRED.every((f) =>
      titles.some((t) => COLUMN_TITLES[other][f].map(normalizeTitle).includes(t)),
    );
    const hint = looksOther
      ? `；这似乎是${other === 'targets' ? '目标' : '实绩'}导入文件，请在页面上选择对应的导入类型`
      : '；请使用下载的模板（第 1 行为表头）';
    throw new ImportFileError(`文件缺少${missing.join('、')}列${hint}`);
  }
  return { columns, months };
}

/** Every row after the header as a record (cells trimmed; a period written as a date reads as its month). */
export function toImportRecords(kind: ImportKind, rows: SheetRow[]): ImportRecord[] {
  const [header, ...data] = rows;
  if (!header) throw new ImportFileError('文件中没有数据：第 1 行应为表头，从第 2 行起每行一条数据');
  const { columns, months } = mapColumns(kind, header.cells);
  const text = (cells: RawCell[], index: number | undefined) => {
    const cell = index === undefined ? undefined : cells[index];
    return cell === undefined ? '' : cellToText(cell).trim();
  };
  return data.map(({ row, cells }) => {
    const periodCell = columns.period === undefined ? undefined : cells[columns.period];
    const phases: ImportRecord['phases'] = [];
    for (const [month, index] of [...months.entries()].sort((a, b) => a[0] - b[0])) {
      const value = text(cells, index);
      if (value !== '') phases.push({ month, value });
    }
    return {
      row,
      indicatorCode: text(cells, columns.indicatorCode),
      unit: text(cells, columns.unit),
      period: periodCell === undefined ? '' : cellToPeriodText(periodCell).trim(),
      value: text(cells, columns.value),
      qualifier: text(cells, columns.qualifier),
      note: text(cells, columns.note),
      unitRef: text(cells, columns.unitRef),
      phases,
    };
  });
}
