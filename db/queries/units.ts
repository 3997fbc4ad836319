/**
 * Units (县区), their targets (分解目标) and their figures. Unit figures are read here in the dashboards' scope
 * (submitted and approved, ./scope.ts `unitDashboardFigures`) or approved only (the roll-up), set-based: one
 * statement whatever the number of units or indicators.
 */
import { and, asc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { actuals, indicators, units, unitTargets } from '../schema';
import { unitDashboardFigures } from './scope';
import { firstOrNull, idIn } from './rows';

export type UnitRecord = typeof units.$inferSelect;

export function getUnitByCode(db: Db, code: string): Promise<UnitRecord | null> {
  return firstOrNull(db.select().from(units).where(eq(units.code, code)).limit(1));
}

export function getUnitById(db: Db, id: number): Promise<UnitRecord | null> {
  return firstOrNull(db.select().from(units).where(eq(units.id, id)).limit(1));
}

export function getUnitByCodeForUpdate(tx: Db, code: string): Promise<UnitRecord | null> {
  return firstOrNull(tx.select().from(units).where(eq(units.code, code)).for('update').limit(1));
}

/** Every unit in display order (inactive ones too: the admin list). */
export async function listUnits(db: Db): Promise<UnitRecord[]> {
  return db.select().from(units).orderBy(asc(units.sortOrder), asc(units.id));
}

/** Inserts a unit; null when the code is taken. */
export function insertUnit(tx: Db, values: typeof units.$inferInsert): Promise<UnitRecord | null> {
  return firstOrNull(tx.insert(units).values(values).onConflictDoNothing().returning());
}

export function updateUnitRow(tx: Db, id: number, set: Partial<typeof units.$inferInsert>): Promise<UnitRecord | null> {
  return firstOrNull(
    tx
      .update(units)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(units.id, id))
      .returning(),
  );
}

export interface UnitFigureRow {
  indicatorId: number;
  unitId: number;
  year: number;
  month: number;
  value: string | null;
  status: (typeof actuals.$inferSelect)['status'];
  isSample: boolean;
}

const figureColumns = {
  indicatorId: actuals.indicatorId,
  unitId: actuals.unitId,
  year: actuals.year,
  month: actuals.month,
  value: actuals.value,
  status: actuals.status,
  isSample: actuals.isSample,
};

/**
 * Unit figures in the dashboards' scope (or approved only), of some indicators (all when absent), one unit
 * (all when absent), one year through a month (or one month exactly).
 */
export async function listUnitFigures(
  db: Db,
  args: {
    year: number;
    throughMonth?: number;
    month?: number;
    indicatorIds?: number[];
    unitId?: number;
    approvedOnly?: boolean;
  },
): Promise<UnitFigureRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(actuals.year, args.year),
    args.approvedOnly ? and(eq(actuals.status, 'approved'), isNotNull(actuals.unitId)) : unitDashboardFigures(),
  ];
  if (args.month !== undefined) conditions.push(eq(actuals.month, args.month));
  if (args.throughMonth !== undefined)
    conditions.push(
      inArray(
        actuals.month,
        Array.from({ length: args.throughMonth }, (_, i) => i + 1),
      ),
    );
  if (args.indicatorIds) conditions.push(idIn(actuals.indicatorId, args.indicatorIds));
  if (args.unitId !== undefined) conditions.push(eq(actuals.unitId, args.unitId));
  const rows = await db
    .select(figureColumns)
    .from(actuals)
    .where(and(...conditions))
    .orderBy(asc(actuals.indicatorId), asc(actuals.unitId), asc(actuals.month));
  return rows.flatMap((row) => (row.unitId === null ? [] : [{ ...row, unitId: row.unitId }]));
}

export type UnitTargetRow = typeof unitTargets.$inferSelect;

/** Unit targets of a year: of some indicators and/or one unit. */
export async function listUnitTargets(
  db: Db,
  args: { year: number; indicatorIds?: number[]; unitId?: number },
): Promise<UnitTargetRow[]> {
  const conditions: (SQL | undefined)[] = [eq(unitTargets.year, args.year)];
  if (args.indicatorIds) conditions.push(idIn(unitTargets.indicatorId, args.indicatorIds));
  if (args.unitId !== undefined) conditions.push(eq(unitTargets.unitId, args.unitId));
  return db
    .select()
    .from(unitTargets)
    .where(and(...conditions))
    .orderBy(asc(unitTargets.indicatorId), asc(unitTargets.unitId));
}

/** Replaces an indicator's unit targets of a year (inside the caller's transaction); returns what was stored before. */
export async function replaceUnitTargets(
  tx: Db,
  args: {
    indicatorId: number;
    year: number;
    rows: { unitId: number; value: string; qualifier: 'exact' | 'at_least' }[];
    updatedBy: number | null;
  },
): Promise<UnitTargetRow[]> {
  const where = and(eq(unitTargets.indicatorId, args.indicatorId), eq(unitTargets.year, args.year));
  const before = await tx.delete(unitTargets).where(where).returning();
  if (args.rows.length) {
    await tx.insert(unitTargets).values(
      args.rows.map((r) => ({
        indicatorId: args.indicatorId,
        year: args.year,
        unitId: r.unitId,
        value: r.value,
        qualifier: r.qualifier,
        updatedBy: args.updatedBy,
      })),
    );
  }
  return before;
}

/** Indicators tracked by unit (not retired), in catalogue order. */
export async function listTrackedIndicators(db: Db) {
  return db
    .select()
    .from(indicators)
    .where(and(eq(indicators.trackedByUnit, true), eq(indicators.isRetired, false)))
    .orderBy(asc(indicators.areaId), asc(indicators.sortOrder), asc(indicators.id));
}

export async function setIndicatorRollup(
  tx: Db,
  indicatorId: number,
  set: {
    trackedByUnit: boolean;
    rollupRule: (typeof indicators.$inferSelect)['rollupRule'];
    rollupWeightIndicatorId: number | null;
  },
) {
  return firstOrNull(
    tx
      .update(indicators)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(indicators.id, indicatorId))
      .returning(),
  );
}
