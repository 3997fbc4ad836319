/**
 * The 县区 column of an import: which unit (county, district, zone) a row's figure or target is of, and whether the
 * importer may write it. The records export writes a unit's name, or 全市 for the city's own figure; the column takes
 * those, a unit's code, or blank. Blank is the importer's own unit for a unit's official, else the city. Pure.
 */
import { mayActOnFigure } from '@/lib/domain/permissions';
import type { Actor } from '@/lib/domain/actor';
import type { UnitKind } from '@/lib/domain/types';
import { reportsOwnFigures } from '@/lib/domain/units';

export interface UnitInfo {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  isActive: boolean;
}

/** Who imports: a department- or unit-scoped role (official), or null for a role not scoped (an administrator). */
export interface ImportScope {
  role: Actor['role'];
  departmentId: number | null;
  unitId: number | null;
}

/** The words that name the city's own figure in the 县区 column (besides the city unit's own code and name). */
const CITY_WORDS = ['全市', '市本级', '市级'];

/**
 * The unit a 县区 cell names: null for the city's own figure, undefined when no unit has that code or name. Codes
 * compare case-insensitively; names exactly (after trimming).
 */
export function resolveUnitRef(ref: string, units: readonly UnitInfo[]): UnitInfo | null | undefined {
  const text = ref.trim();
  if (text === '' || CITY_WORDS.includes(text)) return null;
  const unit = units.find((u) => u.name === text || u.code === text.toLowerCase());
  if (!unit) return undefined;
  return reportsOwnFigures(unit.kind) ? unit : null;
}

/** The key of a row's unit for finding duplicate rows: "潞州区" and "luzhou" are the same unit. */
export function unitKeyOf(ref: string, units: readonly UnitInfo[], scope: ImportScope | null): string {
  const unit = ref.trim() === '' && scope?.unitId != null ? units.find((u) => u.id === scope.unitId) : undefined;
  const resolved = unit ?? resolveUnitRef(ref, units);
  return resolved === null ? '' : resolved === undefined ? `?${ref.trim()}` : resolved.code;
}

/**
 * Checks the 县区 cell of a row against the indicator and the importer's scope (the same rule as the entry sheet's,
 * lib/domain/permissions.ts mayActOnFigure). Returns the unit (null: the city's own) or the messages to show.
 */
export function checkUnitCell(args: {
  ref: string;
  units: readonly UnitInfo[];
  scope: ImportScope | null;
  indicator: { code: string; name: string; departmentId: number; trackedByUnit: boolean } | undefined;
}): { ok: true; unit: UnitInfo | null } | { ok: false; messages: string[] } {
  const { ref, scope, indicator } = args;
  const own = scope?.unitId != null ? args.units.find((u) => u.id === scope.unitId) : undefined;
  const unit = ref.trim() === '' && own ? own : resolveUnitRef(ref, args.units);
  const shownRef = ref.trim().slice(0, 40);
  if (unit === undefined) {
    return {
      ok: false,
      messages: [`「县区」${shownRef} 不存在：请填写县区名称（如 潞州区）或代码，全市数据留空或填「全市」`],
    };
  }
  const messages: string[] = [];
  if (unit && !unit.isActive) messages.push(`「县区」${unit.name}已停用，不能再导入数据`);
  if (unit && indicator && !indicator.trackedByUnit) {
    messages.push(
      `「县区」填写了${unit.name}，但指标 ${indicator.code}（${indicator.name}）不按县区填报：全市数据请将「县区」留空或填「全市」`,
    );
  }
  if (scope && indicator && messages.length === 0) {
    const figure = { departmentId: indicator.departmentId, trackedByUnit: true, unitId: unit?.id ?? null };
    if (!mayActOnFigure(scope, figure)) {
      if (own && unit?.id !== own.id)
        messages.push(`「县区」只能导入本县区（${own.name}）的数据，文件中为「${shownRef || '全市'}」`);
      else if (!own && unit)
        messages.push(`「县区」${unit.name}的数据由该县区填报，市级单位只能导入全市数据（「县区」留空）`);
    }
  }
  return messages.length ? { ok: false, messages } : { ok: true, unit };
}
