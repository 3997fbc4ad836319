/**
 * The conditional update every versioned row (figures, targets, indicators) takes: optimistic concurrency, so a
 * write based on a stale version changes nothing and the caller answers 409.
 */
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../client';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** Applies `set` to row `id` only if it still has `version` (which then goes up by one); null when it had not. */
export async function updateIfVersion<T extends VersionedTable>(
  tx: Db,
  table: T,
  id: number,
  version: number,
  set: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect'] | null> {
  const rows = (await tx
    .update(table)
    .set({ ...set, version: version + 1, updatedAt: new Date() } as PgUpdateSetSource<T>)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning()) as T['$inferSelect'][];
  return rows[0] ?? null;
}
