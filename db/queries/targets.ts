/**
 * Annual targets (目标) and their phasing (分解目标). Writes run inside the caller's transaction; updates are
 * conditional on the version. Targets are city-wide planning data: only target managers reach the writes.
 */
import { and, asc, eq, inArray, isNotNull, ne, or } from 'drizzle-orm';
import type { Db } from '../client';
import { departments, indicators, targetPhases, targets, users, workAreas } from '../schema';
import { indicatorRefColumns } from './columns';
import { updateIfVersion } from './versioned';
import { firstOrNull } from './rows';

export type TargetRecord = typeof targets.$inferSelect;
export type NewTarget = typeof targets.$inferInsert;
export interface PhaseValue {
  month: number;
  value: string;
}

async function phasesOf(db: Db, targetIds: number[]): Promise<Map<number, PhaseValue[]>> {
  const map = new Map<number, PhaseValue[]>();
  if (targetIds.length === 0) return map;
  const rows = await db
    .select()
    .from(targetPhases)
    .where(inArray(targetPhases.targetId, targetIds))
    .orderBy(asc(targetPhases.targetId), asc(targetPhases.month));
  for (const r of rows) map.set(r.targetId, [...(map.get(r.targetId) ?? []), { month: r.month, value: r.value }]);
  return map;
}

/** One indicator's target of a year with its phases, locked for update. */
export async function getTargetForUpdate(tx: Db, indicatorId: number, year: number) {
  const [row] = await tx
    .select()
    .from(targets)
    .where(and(eq(targets.indicatorId, indicatorId), eq(targets.year, year)))
    .for('update')
    .limit(1);
  if (!row) return null;
  return { ...row, phases: (await phasesOf(tx, [row.id])).get(row.id) ?? [] };
}
export type TargetWithPhases = NonNullable<Awaited<ReturnType<typeof getTargetForUpdate>>>;

/** Inserts; null when another writer inserted the same indicator and year first. */
export function insertTarget(tx: Db, values: NewTarget): Promise<TargetRecord | null> {
  return firstOrNull(tx.insert(targets).values(values).onConflictDoNothing().returning());
}

export const updateTargetIfVersion = (tx: Db, id: number, version: number, set: Partial<NewTarget>) =>
  updateIfVersion(tx, targets, id, version, set);

export async function replaceTargetPhases(tx: Db, targetId: number, phases: PhaseValue[]): Promise<void> {
  await tx.delete(targetPhases).where(eq(targetPhases.targetId, targetId));
  if (phases.length > 0)
    await tx.insert(targetPhases).values(phases.map((p) => ({ targetId, month: p.month, value: p.value })));
}

/** Every live indicator (outside the five-year review) and any indicator holding a target that year, with the target. */
// Unscoped: targets are readable by every signed-in role; who may change them is decided by the service.
export async function listTargetsForAdmin(db: Db, args: { year: number }) {
  const rows = await db
    .select({
      indicator: {
        ...indicatorRefColumns,
        direction: indicators.direction,
        frequency: indicators.frequency,
        minValue: indicators.minValue,
        maxValue: indicators.maxValue,
        isRetired: indicators.isRetired,
      },
      departmentShortName: departments.shortName,
      areaName: workAreas.shortName,
      target: targets,
      updatedByName: users.displayName,
    })
    .from(indicators)
    .innerJoin(departments, eq(departments.id, indicators.departmentId))
    .leftJoin(workAreas, eq(workAreas.id, indicators.areaId))
    .leftJoin(targets, and(eq(targets.indicatorId, indicators.id), eq(targets.year, args.year)))
    .leftJoin(users, eq(users.id, targets.updatedBy))
    .where(or(and(eq(indicators.isRetired, false), ne(indicators.section, 'review')), isNotNull(targets.id)))
    .orderBy(asc(indicators.areaId), asc(indicators.sortOrder), asc(indicators.id));
  const phases = await phasesOf(
    db,
    rows.flatMap((r) => (r.target ? [r.target.id] : [])),
  );
  return rows.map((r) => ({ ...r, phases: r.target ? (phases.get(r.target.id) ?? []) : [] }));
}
