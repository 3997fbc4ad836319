/** How an indicator is shown to its administrators and recorded in the audit log; the allowed range's parsing. */
import type { IndicatorRecord } from '@/db/queries/catalog';
import { roundDecimalString } from '@/lib/domain/decimal';
import { parseFigure } from '@/lib/domain/figure-parse';
import type { FieldErrors } from '@/lib/errors';

/** "10.500000" → "10.5"; null stays null. */
export function plainDecimal(value: string | null): string | null {
  return value === null ? null : (roundDecimalString(value, 6) ?? value);
}

export function indicatorAuditView(row: IndicatorRecord) {
  return {
    code: row.code,
    name: row.name,
    unit: row.unit,
    kind: row.kind,
    direction: row.direction,
    frequency: row.frequency,
    planType: row.planType,
    definition: row.definition,
    departmentId: row.departmentId,
    areaId: row.areaId,
    minValue: plainDecimal(row.minValue),
    maxValue: plainDecimal(row.maxValue),
    isRetired: row.isRetired,
    version: row.version,
  };
}

/** Parses the allowed range (each bound optional); problems go into `errors` under minValue / maxValue. */
export function parseRange(
  rawMin: string | number | null,
  rawMax: string | number | null,
  unit: string,
  errors: FieldErrors,
): { min: string | null; max: string | null } {
  const bound = (raw: string | number | null, field: 'minValue' | 'maxValue', label: string): string | null => {
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
    const parsed = parseFigure(raw, { field: label, unit });
    if (parsed.ok) return parsed.value;
    (errors[field] ??= []).push(parsed.message);
    return null;
  };
  const min = bound(rawMin, 'minValue', '允许范围下限');
  const max = bound(rawMax, 'maxValue', '允许范围上限');
  if (min !== null && max !== null && Number(min) > Number(max)) {
    (errors.maxValue ??= []).push(`「允许范围上限」${max} 小于「允许范围下限」${min}`);
  }
  return { min, max };
}

export type IndicatorView = ReturnType<typeof indicatorAuditView>;
