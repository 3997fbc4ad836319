/**
 * Each seed loads once: a marker row in seed_runs, written in the seed's own transaction, so that a second run
 * changes nothing and an administrator's later edits survive restarts.
 */
import { eq } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import type { AuditAction } from '@/lib/domain/audit-actions';
import type { Db } from '../client';
import { appendAuditEvent } from '../queries/audit-append';
import { seedRuns } from '../schema';

/** Runs `load` in one transaction unless the seed `name` has run already (then answers `skipped`). */
export function seedOnce<S, R>(db: Db, name: string, skipped: S, load: (tx: Db) => Promise<R>): Promise<S | R> {
  return db.transaction(async (tx) => {
    const [done] = await tx.select().from(seedRuns).where(eq(seedRuns.name, name));
    return done ? skipped : load(tx);
  });
}

/** Marks the seed `name` as run with `details`; with `event`, records the run in the audit log too (same transaction). */
export async function recordSeedRun(
  tx: Db,
  name: string,
  details: Record<string, unknown>,
  event?: { action: AuditAction; reason: string },
): Promise<void> {
  await tx.insert(seedRuns).values({ name, details });
  if (!event) return;
  await appendAuditEvent(tx, {
    actor: SYSTEM_ACTOR,
    action: event.action,
    entityType: 'seed',
    entityId: name,
    after: details,
    reason: event.reason,
  });
}
