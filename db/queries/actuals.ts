/**
 * Reads and writes of figures for the reporting cycle. Writes run inside the caller's transaction; the
 * version column makes every update conditional (optimistic concurrency: a stale write changes nothing).
 */
import { and, asc, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '@/lib/domain/actor';
import type { Db } from '../client';
import { actuals, auditEvents, departments, indicators, periodLocks, units, users } from '../schema';
import { ownDepartmentWork, ownUnitFigures, selectFigures, visibleFigures, visibleUnitFigures } from './scope';
import { figurePeople, indicatorRefColumns } from './columns';
import { updateIfVersion } from './versioned';
import { firstOrNull } from './rows';

export type ActualRecord = typeof actuals.$inferSelect;
export type NewActual = typeof actuals.$inferInsert;

export function getIndicatorByCode(db: Db, code: string) {
  return firstOrNull(db.select().from(indicators).where(eq(indicators.code, code)).limit(1));
}

export function getIndicatorById(db: Db, id: number) {
  return firstOrNull(db.select().from(indicators).where(eq(indicators.id, id)).limit(1));
}

export function getPeriodLock(db: Db, year: number, month: number) {
  return firstOrNull(
    db
      .select()
      .from(periodLocks)
      .where(and(eq(periodLocks.year, year), eq(periodLocks.month, month)))
      .limit(1),
  );
}

/** The figure of one indicator, period and unit (null: the city's own), locked for update inside a transaction. */
export function getActualForUpdate(
  tx: Db,
  indicatorId: number,
  year: number,
  month: number,
  unitId: number | null = null,
) {
  return firstOrNull(
    tx
      .select()
      .from(actuals)
      .where(
        and(
          eq(actuals.indicatorId, indicatorId),
          eq(actuals.year, year),
          eq(actuals.month, month),
          unitId === null ? isNull(actuals.unitId) : eq(actuals.unitId, unitId),
        ),
      )
      .for('update')
      .limit(1),
  );
}

export function getActualByIdForUpdate(tx: Db, id: number) {
  return firstOrNull(tx.select().from(actuals).where(eq(actuals.id, id)).for('update').limit(1));
}

/** Inserts a new figure; null when another writer inserted the same period first. */
export function insertActual(tx: Db, values: NewActual): Promise<ActualRecord | null> {
  return firstOrNull(tx.insert(actuals).values(values).onConflictDoNothing().returning());
}

/** Updates when the stored version is still `version`; null when someone else saved first. */
export const updateActualIfVersion = (tx: Db, id: number, version: number, set: Partial<NewActual>) =>
  updateIfVersion(tx, actuals, id, version, set);

/** Who last wrote a figure, for a conflict message. */
/**
 * Everyone who saved or submitted the figure since it was last returned or reopened (or ever, if never):
 * read from its audit events, which every edit appends in its own transaction.
 */
export async function listActualEditorIds(db: Db, actualId: number): Promise<number[]> {
  const entity = and(eq(auditEvents.entityType, 'actual'), eq(auditEvents.entityId, String(actualId)));
  const lastReturn = db
    .select({ id: sql<number>`coalesce(max(${auditEvents.id}), 0)` })
    .from(auditEvents)
    .where(and(entity, inArray(auditEvents.action, ['actual.return', 'actual.reopen'])));
  const rows = await db
    .selectDistinct({ actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(
      and(
        entity,
        inArray(auditEvents.action, ['actual.save_draft', 'actual.submit']),
        sql`${auditEvents.id} > (${lastReturn})`,
      ),
    );
  return rows.flatMap((row) => (row.actorId === null ? [] : [row.actorId]));
}

export async function getUserDisplayName(db: Db, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1);
  return row?.name ?? null;
}

/** Figures of a period for a set of indicators that the actor may see (./scope.ts: its own department's drafts too). */
export async function listPeriodActuals(
  db: Db,
  args: { actor: Actor; indicatorIds: number[]; year: number; month: number },
) {
  if (!args.indicatorIds.length) return [];
  return selectFigures(db, getTableColumns(actuals)).where(
    and(
      inArray(actuals.indicatorId, args.indicatorIds),
      eq(actuals.year, args.year),
      eq(actuals.month, args.month),
      visibleFigures(args.actor),
    ),
  );
}

/** Submitted figures awaiting review, scoped to the actor's department for department roles. */
export async function listSubmittedActuals(db: Db, args: { actor: Actor }) {
  const conditions = [eq(actuals.status, 'submitted'), ownDepartmentWork(args.actor), ownUnitFigures(args.actor)];
  const { submittedBy } = figurePeople;
  return selectFigures(db, {
    actual: actuals,
    indicator: {
      ...indicatorRefColumns,
      departmentId: indicators.departmentId,
    },
    departmentName: departments.shortName,
    unitName: units.name,
    enteredByName: submittedBy.displayName,
  })
    .innerJoin(departments, eq(departments.id, indicators.departmentId))
    .leftJoin(units, eq(units.id, actuals.unitId))
    .leftJoin(submittedBy, eq(submittedBy.id, actuals.submittedBy))
    .where(and(...conditions))
    .orderBy(asc(actuals.submittedAt), asc(actuals.id));
}

export async function lockPeriod(
  tx: Db,
  args: { year: number; month: number; lockedBy: number | null; reason: string | null },
) {
  return firstOrNull(
    tx
      .insert(periodLocks)
      .values({ year: args.year, month: args.month, lockedBy: args.lockedBy, reason: args.reason })
      .onConflictDoNothing()
      .returning(),
  );
}

export async function unlockPeriod(tx: Db, year: number, month: number) {
  return firstOrNull(
    tx
      .delete(periodLocks)
      .where(and(eq(periodLocks.year, year), eq(periodLocks.month, month)))
      .returning(),
  );
}

export async function listPeriodLocks(db: Db, year: number) {
  return db.select().from(periodLocks).where(eq(periodLocks.year, year)).orderBy(asc(periodLocks.month));
}

/** The stored figures of some indicators (none when there are none) that meet `conditions`. */
export async function listFiguresOfIndicators(
  db: Db,
  indicatorIds: number[],
  ...conditions: (SQL | undefined)[]
): Promise<ActualRecord[]> {
  if (!indicatorIds.length) return [];
  return db
    .select()
    .from(actuals)
    .where(and(inArray(actuals.indicatorId, indicatorIds), ...conditions));
}

/** A unit's figures of a period for some indicators, drafts included for the unit's own roles (./scope.ts). */
export async function listUnitPeriodActuals(
  db: Db,
  args: { actor: Actor; unitId: number; indicatorIds: number[]; year: number; month: number },
) {
  return listFiguresOfIndicators(
    db,
    args.indicatorIds,
    eq(actuals.unitId, args.unitId),
    eq(actuals.year, args.year),
    eq(actuals.month, args.month),
    visibleUnitFigures(args.actor),
  );
}
