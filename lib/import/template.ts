/**
 * The import templates (XLSX): a data sheet with the department's indicators filled in (code, name, unit,
 * period, and any figure already stored, so that uploading it unchanged changes nothing) and a 说明 sheet.
 */
import ExcelJS from 'exceljs';
import { QUALIFIER_CHOICES } from '@/lib/domain/qualifier';
import { reportingMonthsText } from '@/lib/domain/labels';
import { MAX_DATA_ROWS, MAX_UPLOAD_BYTES } from './limits';
import type { ImportKind } from './sheet-table';

export interface TemplateRow {
  code: string;
  name: string;
  unit: string;
  /** 指标类型 shown on the targets template ("累计值"…). */
  kindLabel?: string;
  period: string;
  value?: string | null;
  qualifier?: string | null;
  note?: string | null;
  /** 县区: a unit's name, or 全市 for the city's own figure (as the records export writes it). */
  unitRef: string;
  phases?: { month: number; value: string }[];
}

export interface TemplateInput {
  kind: ImportKind;
  /** Department name, or 全部单位. */
  scopeLabel: string;
  /** "2026年3月" or "2026年". */
  periodLabel: string;
  rows: TemplateRow[];
}

const QUALIFIER_LIST = `"${QUALIFIER_CHOICES.replaceAll('、', ',')}"`;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** The indicator's columns every template begins with: the code the row is matched by, and its name and unit to check. */
const INDICATOR_COLUMNS = [
  { header: '指标编码', width: 30 },
  { header: '指标名称', width: 36 },
  { header: '单位', width: 10 },
];
const UNIT_COLUMN = { header: '县区', width: 12 };
const QUALIFIER_COLUMN = { header: '限定词', width: 10 };

function columnsOf(kind: ImportKind): { header: string; width: number }[] {
  if (kind === 'actuals') {
    return [
      ...INDICATOR_COLUMNS,
      { header: '填报期', width: 10 },
      { header: '数值', width: 14 },
      QUALIFIER_COLUMN,
      { header: '备注', width: 30 },
      UNIT_COLUMN,
    ];
  }
  return [
    ...INDICATOR_COLUMNS,
    { header: '年份', width: 8 },
    { header: '全年目标', width: 14 },
    QUALIFIER_COLUMN,
    { header: '修订原因', width: 24 },
    { header: '指标类型', width: 10 },
    UNIT_COLUMN,
    ...MONTHS.map((m) => ({ header: `${m}月`, width: 10 })),
  ];
}

function instructions(input: TemplateInput): string[] {
  const common = [
    '第 1 行为表头，请勿修改或删除；从第 2 行起每行一条数据，行的顺序不限。',
    '「指标名称」「单位」仅供核对：单位与系统中不一致的行会被拒绝。',
    '数字只填数字，可带千分位逗号（如 1,027），可用全角数字；不要填写公式结果以外的文字。',
    `「限定词」可选：${QUALIFIER_CHOICES}；留空表示精确值（已有数据则保持原限定词）。`,
    `每个文件最多 ${MAX_DATA_ROWS} 行、${MAX_UPLOAD_BYTES / 1024 / 1024} MB；也可另存为 CSV（UTF-8 或 GBK 编码）上传。`,
    '「县区」填写县区名称（如 潞州区）或代码，全市数据填「全市」或留空；县区用户留空即为本县区。只有按县区填报的指标可以填写县区，县区数据只能由本县区的用户导入。',
    '上传后先显示预检结果，逐行列出错误；全部无误后才能导入。导入要么全部成功，要么不保存任何数据，每项改动都记入审计日志。',
  ];
  if (input.kind === 'actuals') {
    return [
      `本模板用于批量导入「${input.scopeLabel}」${input.periodLabel}的实绩数据。`,
      '必填列：「指标编码」「填报期」「数值」。「填报期」格式为 YYYY-MM，如 2026-03。',
      `${reportingMonthsText('quarterly')}，${reportingMonthsText('annual')}；已关账的月份和已审核通过的数据不能导入。`,
      '累计类指标填写年初至本期的累计值。未填写「数值」的行不导入；同一指标同一填报期只能出现一次。',
      '导入的数据保存为草稿，请在「数据填报」页面核对后提交审核。',
      ...common,
    ];
  }
  return [
    `本模板用于批量导入「${input.scopeLabel}」${input.periodLabel}的年度目标。`,
    '必填列：「指标编码」「年份」「全年目标」。「年份」为四位数字，如 2026。',
    '「1月」至「12月」为分解目标（可不填）：累计类、任务类指标填写截至该月的累计目标，时点类、比率类指标填写该月末应达到的值；',
    '只填 3、6、9、12 月即按季度分解。填写了分解目标时，12 月的值必须等于全年目标；累计值不能逐月减少。',
    '目标年度开始后修改目标，须在「修订原因」中写明原因，目标将标记为“已修订”。',
    '县区的行是该指标全市目标的分解（与「目标管理」中的分解到县区相同）：按求和汇总的指标，各县区之和须等于全市目标；文件中未列出的县区保留已有的分解目标；县区目标不分月分解。比率类指标各县区同为「以上」且数值相同，即“各县区不低于”。',
    '未填写「全年目标」的行不导入；同一指标同一县区同一年份只能出现一次。',
    ...common,
  ];
}

/** Stored decimals (at most 15 significant digits) are exact as numbers, so Excel shows them as numbers. */
function asNumber(value: string | null | undefined): number | string {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

/** Builds the template workbook. */
export async function buildTemplate(input: TemplateInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '抓手';
  const sheet = workbook.addWorksheet(input.kind === 'actuals' ? '实绩' : '目标', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const columns = columnsOf(input.kind);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  // Text format for codes and periods, so that Excel keeps "2026-03" as typed instead of making a date of it.
  for (const index of [1, 4]) sheet.getColumn(index).numFmt = '@';
  for (const r of input.rows) {
    const base = [r.code, r.name, r.unit, r.period, asNumber(r.value), r.qualifier ?? '', r.note ?? ''];
    const phases = MONTHS.map((m) => asNumber(r.phases?.find((p) => p.month === m)?.value));
    const row = sheet.addRow(
      input.kind === 'actuals' ? [...base, r.unitRef] : [...base, r.kindLabel ?? '', r.unitRef, ...phases],
    );
    row.getCell(6).dataValidation = { type: 'list', allowBlank: true, formulae: [QUALIFIER_LIST] };
  }
  const help = workbook.addWorksheet('说明');
  help.getColumn(1).width = 110;
  help.addRow(['填写说明']).font = { bold: true, size: 14 };
  instructions(input).forEach((line, i) => help.addRow([`${i + 1}. ${line}`]));
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}
