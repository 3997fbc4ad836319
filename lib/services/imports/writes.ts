/**
 * The write of one checked import row, per kind, through the one write path of its figure (`writeActual`,
 * `writeTarget`; a unit's targets through `writeDecomposition`, per indicator and year), its input parsed by the same
 * zod schema as the form's. A row equal to what is stored is not written (no version bump, no audit event).
 */
import type { Db } from '@/db/client';
import { listFiguresOf } from '@/db/queries/catalog';
import { listUnits, listUnitTargets } from '@/db/queries/units';
import type { Actor } from '@/lib/domain/actor';
import { formatPeriod } from '@/lib/domain/period';
import type { CheckedRow } from '@/lib/import/row-checks';
import { saveActualSchema } from '@/lib/validation/actuals';
import { parseOrThrow } from '@/lib/validation/parse';
import { upsertTargetSchema } from '@/lib/validation/targets';
import { plainDecimal } from '../dashboards/catalog';
import { writeActual } from '../reporting/actual-entry';
import { inferPhasing } from '../admin/target-list';
import { writeTarget } from '../admin/targets';
import { writeDecomposition } from '../units/targets';
import { traitsOf } from '@/lib/domain/kind-traits';
import { toMicros } from '@/lib/domain/exact6';
import { AppError, isAppError } from '@/lib/errors';
import { decompositionSchema } from '@/lib/validation/units';

export type WriteOutcome = 'written' | 'unchanged';
export type RowWriter = (tx: Db, row: CheckedRow) => Promise<WriteOutcome>;

/** Loads the stored figures the rows touch (once, inside the transaction) and returns the per-row writer. */
export async function actualsWriter(transaction: Db, actor: Actor, rows: CheckedRow[], now: Date): Promise<RowWriter> {
  const stored = await listFiguresOf(transaction, {
    indicatorIds: [...new Set(rows.map((r) => r.indicator.id))],
    years: [...new Set(rows.map((r) => r.year))],
    withUnits: rows.some((r) => r.unit !== null),
  });
  const keyOf = (indicatorId: number, unitId: number | null, year: number, month: number) =>
    `${indicatorId}:${unitId ?? 'city'}:${year}:${month}`;
  const byKey = new Map(stored.map((a) => [keyOf(a.indicatorId, a.unitId, a.year, a.month), a]));
  return async (tx, row) => {
    if (!row.period) throw new Error('actual import row without a period');
    const existing = byKey.get(keyOf(row.indicator.id, row.unit?.id ?? null, row.period.year, row.period.month));
    const note = row.record.note;
    if (
      existing &&
      plainDecimal(existing.value) === row.value &&
      existing.qualifier === (row.qualifier ?? existing.qualifier) &&
      (note === '' || note === existing.note)
    ) {
      return 'unchanged';
    }
    const input = parseOrThrow(saveActualSchema, {
      indicatorCode: row.indicator.code,
      period: formatPeriod(row.period),
      value: row.value,
      qualifier: row.qualifier,
      note: note === '' ? undefined : note,
      unitCode: row.unit?.code,
      version: null,
      action: 'draft',
    });
    await writeActual(tx, actor, input, now, 'import');
    return 'written';
  };
}

export function targetsWriter(actor: Actor, now: Date): RowWriter {
  return async (tx, row) => {
    const input = parseOrThrow(upsertTargetSchema, {
      indicatorCode: row.indicator.code,
      year: row.year,
      value: row.value,
      qualifier: row.qualifier,
      phasing: inferPhasing(row.record.phases.map((p) => p.month)),
      phases: row.record.phases,
      version: null,
      reason: row.record.note === '' ? undefined : row.record.note,
    });
    const result = await writeTarget(tx, actor, input, now, 'import');
    return result.status === 'unchanged' ? 'unchanged' : 'written';
  };
}

export interface UnitTargetGroup<T extends { checked: CheckedRow }> {
  rows: T[];
  outcome: WriteOutcome | AppError;
}

/**
 * Writes the unit rows of a target import, one decomposition per indicator and year: the file's units over the
 * stored ones (units the file leaves out keep their targets), checked whole as the /admin/targets form's is. Every unit
 * "以上" the same value is "各县区不低于" (a rate); otherwise shares, exact. A refusal is that group's rows' error.
 */
export async function writeUnitTargetGroups<T extends { checked: CheckedRow }>(
  tx: Db,
  actor: Actor,
  pending: T[],
): Promise<UnitTargetGroup<T>[]> {
  const groups = new Map<string, T[]>();
  for (const p of pending) {
    const key = `${p.checked.indicator.code}:${p.checked.year}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const results: UnitTargetGroup<T>[] = [];
  for (const rows of groups.values()) {
    const first = rows[0]!.checked;
    try {
      const stored = await listUnitTargets(tx, { year: first.year, indicatorIds: [first.indicator.id] });
      const fromFile = new Map(rows.map(({ checked }) => [checked.unit!.id, checked]));
      const merged = [
        ...stored
          .filter((t) => !fromFile.has(t.unitId))
          .map((t) => ({ unitId: t.unitId, value: t.value, qualifier: t.qualifier })),
        ...rows.map(({ checked }) => ({
          unitId: checked.unit!.id,
          value: checked.value,
          qualifier: checked.qualifier ?? stored.find((t) => t.unitId === checked.unit!.id)?.qualifier ?? 'exact',
        })),
      ];
      const codeOf = new Map((await listUnits(tx)).map((u) => [u.id, u.code]));
      const code = (unitId: number) => codeOf.get(unitId) ?? String(unitId);
      const floors = merged.filter((m) => m.qualifier === 'at_least');
      const isFloor =
        floors.length === merged.length && new Set(merged.map((m) => toMicros(m.value)?.toString())).size === 1;
      if (merged.some((m) => m.qualifier !== 'exact' && m.qualifier !== 'at_least') || (floors.length && !isFloor)) {
        throw new AppError(
          'invalid_input',
          '「限定词」：县区目标留空（精确值）；或各县区同为「以上」且数值相同（各县区不低于，仅比率类指标）',
        );
      }
      if (isFloor && !traitsOf(first.indicator.kind).comparedInPoints)
        throw new AppError('invalid_input', '「限定词」「以上」（各县区不低于）只适用于比率类指标，其他指标请留空');
      const request = parseOrThrow(
        decompositionSchema,
        isFloor
          ? { year: first.year, mode: 'min_each', value: merged[0]!.value }
          : {
              year: first.year,
              mode: 'shares',
              shares: merged.map((m) => ({ unitCode: code(m.unitId), value: m.value })),
            },
      );
      const written = await writeDecomposition(tx, actor, first.indicator.code, request, 'import');
      results.push({ rows, outcome: written.status });
    } catch (error) {
      if (!isAppError(error)) throw error;
      const prefix = `「全年目标」${first.indicator.code} ${first.year}年的县区分解：`;
      results.push({ rows, outcome: new AppError('invalid_input', `${prefix}${error.message}`) });
    }
  }
  return results;
}
