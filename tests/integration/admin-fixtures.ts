/** Shared by the admin-service, catalog, targets and imports tests: a whole-database snapshot and the audit log's length. */
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { actuals, auditEvents, indicators, periodLocks, settings, targetPhases, targets } from '@/db/schema';

/** Everything an admin write or an import could change, as one string to compare before and after. */
export async function snapshot(db: Db): Promise<string> {
  const [a, t, p, i, s, l, [audit]] = await Promise.all([
    db.select().from(actuals).orderBy(asc(actuals.id)),
    db.select().from(targets).orderBy(asc(targets.id)),
    db.select().from(targetPhases).orderBy(asc(targetPhases.targetId), asc(targetPhases.month)),
    db.select().from(indicators).orderBy(asc(indicators.id)),
    db.select().from(settings).orderBy(asc(settings.key)),
    db.select().from(periodLocks).orderBy(asc(periodLocks.year), asc(periodLocks.month)),
    db.select({ n: count() }).from(auditEvents),
  ]);
  return JSON.stringify({ a, t, p, i, s, l, audit: audit?.n ?? 0 });
}

export async function auditCount(db: Db, action?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(action ? eq(auditEvents.action, action) : undefined);
  return row?.n ?? 0;
}
