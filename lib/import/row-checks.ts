/**
 * The checks of one import row that need no database: the indicator (known, live, own department, unit),
 * the period, the number, the qualifier, duplicates within the file. Every message names the row and the
 * field, in Chinese. The database checks (locked period, approved figure, phasing…) run in the service.
 */
import { parseFigure } from '@/lib/domain/figure-parse';
import { formatPeriod, parsePeriod, type Period } from '@/lib/domain/period';
import { parseQualifier, QUALIFIER_CHOICES } from '@/lib/domain/qualifier';
import type { IndicatorKind, Qualifier } from '@/lib/domain/types';
import type { ImportKind, ImportRecord } from './sheet-table';
import { checkUnitCell, type ImportScope, type UnitInfo } from './unit-column';

export interface IndicatorInfo {
  id: number;
  code: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  departmentId: number;
  departmentName: string;
  isRetired: boolean;
  minValue: string | null;
  maxValue: string | null;
  /** Reported by each unit (县区) and rolled up to the city. */
  trackedByUnit: boolean;
}

export type RowStatus = 'ok' | 'error' | 'unchanged';

export interface ImportRowResult {
  row: number;
  indicatorCode: string;
  period: string;
  /** 县区 as written (blank: the city, or the importer's own unit). */
  unitRef: string;
  value: string;
  status: RowStatus;
  messages: string[];
}

/** A row that passed the checks here, ready for the service's write. */
export interface CheckedRow {
  record: ImportRecord;
  indicator: IndicatorInfo;
  /** The unit (县区) the row is of; null for the city's own figure or target. */
  unit: UnitInfo | null;
  period: Period | null;
  year: number;
  value: string;
  qualifier: Qualifier | undefined;
}

/** numeric(20, 6): at most 14 digits before the decimal point. */
const MAX_INTEGER_DIGITS = 14;
const NOTE_LIMIT = 1000;

const SHOWN_CHARS = 60;

export const rowMessage = (row: number, message: string) => `第 ${row} 行：${message}`;

/** Text shown back in the preview table: long cells cut. */
export function shown(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

function fitsStorage(value: string): boolean {
  return value.replace(/^-/, '').split('.')[0]!.length <= MAX_INTEGER_DIGITS;
}

/** Which other rows repeat each row's indicator and period (both rows of a pair are flagged). */
export function findDuplicates(records: ImportRecord[], periodKey: (r: ImportRecord) => string): Map<number, number[]> {
  const byKey = new Map<string, number[]>();
  for (const r of records) {
    const code = normalizeCode(r.indicatorCode);
    if (code === '') continue;
    const key = `${code}\u0000${periodKey(r)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r.row]);
  }
  const result = new Map<number, number[]>();
  for (const rows of byKey.values()) {
    if (rows.length < 2) continue;
    for (const row of rows)
      result.set(
        row,
        rows.filter((r) => r !== row),
      );
  }
  return result;
}

/** The period key used for duplicates: canonical when it parses, else as written. */
export function periodKeyOf(kind: ImportKind, r: ImportRecord): string {
  if (kind === 'targets') return r.period.trim();
  const p = parsePeriod(r.period);
  return p ? formatPeriod(p) : r.period.trim();
}

/**
 * Checks one record. `scope` is the importer's department and unit for scoped roles (else null); `units` every unit,
 * for the 县区 column. Returns the messages (empty when the row may go on to the write) and, when clean, the parsed row.
 */
export function checkRecord(args: {
  kind: ImportKind;
  record: ImportRecord;
  indicator: IndicatorInfo | undefined;
  scope: ImportScope | null;
  units: readonly UnitInfo[];
  duplicateOf: number[] | undefined;
}): { messages: string[]; checked: CheckedRow | null } {
  const { kind, record: r, indicator } = args;
  const messages: string[] = [];
  const say = (m: string) => messages.push(rowMessage(r.row, m));
  const code = normalizeCode(r.indicatorCode);

  if (code === '') say('「指标编码」未填写');
  else if (!indicator) say(`「指标编码」${shown(code)} 不存在，请核对编码（可下载模板查看本单位的指标）`);
  else if (args.scope && args.scope.departmentId !== null && indicator.departmentId !== args.scope.departmentId) {
    say(`「指标编码」${code}（${indicator.name}）属于${indicator.departmentName}，只能导入本单位的指标`);
  } else if (indicator.isRetired) say(`「指标编码」${code}（${indicator.name}）已停用，不能再导入数据`);
  if (indicator && r.unit !== '' && r.unit !== indicator.unit)
    say(`「单位」应为「${indicator.unit}」，文件中为「${shown(r.unit)}」`);

  const unitCell = checkUnitCell({ ref: r.unitRef, units: args.units, scope: args.scope, indicator });
  if (!unitCell.ok) unitCell.messages.forEach(say);
  else if (unitCell.unit && kind === 'targets' && r.phases.length > 0)
    say(`「1月」至「12月」：县区（${unitCell.unit.name}）的目标不分月分解，请只填写「全年目标」`);

  let period: Period | null = null;
  let year = NaN;
  if (kind === 'actuals') {
    period = parsePeriod(r.period);
    if (r.period === '') say('「填报期」未填写，应为 YYYY-MM，如 2026-03');
    else if (!period) say(`「填报期」${shown(r.period)} 无效，应为 YYYY-MM（月份 1–12），如 2026-03`);
    year = period?.year ?? NaN;
  } else {
    year = /^\d{4}$/.test(r.period) ? Number(r.period) : NaN;
    if (r.period === '') say('「年份」未填写，应为四位年份，如 2026');
    else if (!(year >= 2000 && year <= 2100))
      say(`「年份」${shown(r.period)} 无效，应为四位年份（2000–2100），如 2026`);
  }

  const field = kind === 'actuals' ? '数值' : '全年目标';
  const parsed = parseFigure(r.value, {
    field,
    unit: indicator?.unit,
    min: indicator?.minValue,
    max: indicator?.maxValue,
  });
  if (!parsed.ok) say(parsed.message);
  else if (!fitsStorage(parsed.value)) say(`「${field}」超出可存储的范围（整数部分最多 ${MAX_INTEGER_DIGITS} 位）`);

  const qualifier = r.qualifier === '' ? undefined : parseQualifier(r.qualifier);
  if (qualifier === null) say(`「限定词」${shown(r.qualifier)} 无效，可选：${QUALIFIER_CHOICES}（或留空）`);
  if (r.note.length > NOTE_LIMIT) say(`「${kind === 'actuals' ? '备注' : '修订原因'}」不能超过 ${NOTE_LIMIT} 个字`);

  if (args.duplicateOf?.length) {
    const what = kind === 'actuals' ? '填报期' : '年份';
    const where = r.unitRef === '' ? '' : `同一县区（${shown(r.unitRef)}）`;
    say(
      `与第 ${args.duplicateOf.join('、')} 行重复：同一指标（${code}）${where}同一${what}（${shown(r.period)}）只能出现一次`,
    );
  }

  if (messages.length > 0 || !indicator || !parsed.ok || qualifier === null || !unitCell.ok)
    return { messages, checked: null };
  return {
    messages,
    checked: { record: r, indicator, unit: unitCell.unit, period, year, value: parsed.value, qualifier },
  };
}
