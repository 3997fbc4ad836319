/**
 * The indicator catalog (指标目录) for its administrators and for imports. Writes run inside the caller's
 * transaction; updates are conditional on the version (a stale write changes nothing).
 */
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/domain/actor';
import type { Db } from '../client';
import { actuals, auditEvents, departments, indicators, instructions, targets, workAreas } from '../schema';
import { listFiguresOfIndicators } from './actuals';
import { ownDepartmentWork } from './scope';
import { updateIfVersion } from './versioned';
import { firstOrNull } from './rows';

export type IndicatorRecord = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;

/** Every indicator with its department, area and how many figures (actuals and targets) it holds. */
export async function listCatalogRows(db: Db, args: { actor: Actor; includeRetired: boolean }) {
  const conditions = [];
  if (!args.includeRetired) conditions.push(eq(indicators.isRetired, false));
  conditions.push(ownDepartmentWork(args.actor));
  const actualCount = db
    .select({ indicatorId: actuals.indicatorId, n: count().as('actual_n') })
    .from(actuals)
    .groupBy(actuals.indicatorId)
    .as('actual_counts');
  const targetCount = db
    .select({ indicatorId: targets.indicatorId, n: count().as('target_n') })
    .from(targets)
    .groupBy(targets.indicatorId)
    .as('target_counts');
  return db
    .select({
      indicator: indicators,
      departmentCode: departments.code,
      departmentName: departments.name,
      departmentShortName: departments.shortName,
      areaSlug: workAreas.slug,
      areaName: workAreas.shortName,
      actualCount: sql<number>`coalesce(${actualCount.n}, 0)`.mapWith(Number),
      targetCount: sql<number>`coalesce(${targetCount.n}, 0)`.mapWith(Number),
    })
    .from(indicators)
    .innerJoin(departments, eq(departments.id, indicators.departmentId))
    .leftJoin(workAreas, eq(workAreas.id, indicators.areaId))
    .leftJoin(actualCount, eq(actualCount.indicatorId, indicators.id))
    .leftJoin(targetCount, eq(targetCount.indicatorId, indicators.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(indicators.isRetired), asc(indicators.areaId), asc(indicators.sortOrder), asc(indicators.id));
}

export function getIndicatorByCodeForUpdate(tx: Db, code: string) {
  return firstOrNull(tx.select().from(indicators).where(eq(indicators.code, code)).for('update').limit(1));
}

export function getDepartmentByCode(db: Db, code: string) {
  return firstOrNull(db.select().from(departments).where(eq(departments.code, code)).limit(1));
}

export function getDepartmentById(db: Db, id: number) {
  return firstOrNull(db.select().from(departments).where(eq(departments.id, id)).limit(1));
}

/** Inserts; null when the code is taken (checked before, so only a concurrent insert gets here). */
export function insertIndicator(tx: Db, values: NewIndicator): Promise<IndicatorRecord | null> {
  return firstOrNull(tx.insert(indicators).values(values).onConflictDoNothing().returning());
}

export const updateIndicatorIfVersion = (tx: Db, id: number, version: number, set: Partial<NewIndicator>) =>
  updateIfVersion(tx, indicators, id, version, set);

/** What refers to an indicator: a hard delete is possible only when all are zero. */
export async function countIndicatorUses(db: Db, indicatorId: number) {
  const [[a], [t], [i]] = await Promise.all([
    db.select({ n: count() }).from(actuals).where(eq(actuals.indicatorId, indicatorId)),
    db.select({ n: count() }).from(targets).where(eq(targets.indicatorId, indicatorId)),
    db.select({ n: count() }).from(instructions).where(eq(instructions.indicatorId, indicatorId)),
  ]);
  return { actuals: a?.n ?? 0, targets: t?.n ?? 0, instructions: i?.n ?? 0 };
}

export async function deleteIndicatorRow(tx: Db, id: number, version: number) {
  return firstOrNull(
    tx
      .delete(indicators)
      .where(and(eq(indicators.id, id), eq(indicators.version, version)))
      .returning(),
  );
}

export async function nextSortOrder(db: Db): Promise<number> {
  const [row] = await db
    .select({ max: sql<number>`coalesce(max(${indicators.sortOrder}), 0)`.mapWith(Number) })
    .from(indicators);
  return (row?.max ?? 0) + 1;
}

/** Who last wrote an entity, from the audit log (the catalog keeps no updated_by column). */
export async function getLastWriter(db: Db, entityType: string, entityId: string): Promise<string | null> {
  const [row] = await db
    .select({ username: auditEvents.actorUsername })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row?.username ?? null;
}

/** Indicators by code (imports), with their department's name. */
export async function listIndicatorsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ indicator: indicators, departmentName: departments.name })
    .from(indicators)
    .innerJoin(departments, eq(departments.id, indicators.departmentId))
    .where(inArray(indicators.code, codes));
}

/** Live indicators of one department, or of all (departmentId null), in catalogue order, for templates. */
export async function listTemplateIndicators(db: Db, args: { departmentId: number | null }) {
  const conditions = [eq(indicators.isRetired, false), sql`${indicators.section} <> 'review'`];
  if (args.departmentId !== null) conditions.push(eq(indicators.departmentId, args.departmentId));
  return db
    .select()
    .from(indicators)
    .where(and(...conditions))
    .orderBy(asc(indicators.departmentId), asc(indicators.areaId), asc(indicators.sortOrder), asc(indicators.id));
}

/**
 * Stored city figures of some indicators in some years (any status), and the units' too with `withUnits`: imports
 * compare against them.
 */
export async function listFiguresOf(db: Db, args: { indicatorIds: number[]; years: number[]; withUnits?: boolean }) {
  if (args.years.length === 0) return [];
  return listFiguresOfIndicators(
    db,
    args.indicatorIds,
    inArray(actuals.year, args.years),
    args.withUnits ? undefined : isNull(actuals.unitId),
  );
}
