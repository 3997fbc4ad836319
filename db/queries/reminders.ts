/**
 * 催报提醒: the reads the planner needs (a system job: every department, status only), the outbox and the worker
 * lease. Claiming, marking and releasing each take the claim token, so a worker whose lease was taken over cannot
 * overwrite what the next one did.
 */
import { and, asc, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { actuals, reminderOutbox, targets, users, workerLeases, type OutboxStatus } from '../schema';
import { firstOrNull } from './rows';

/** Every user who could be reminded (the planner skips disabled ones), with the e-mail address if any. */
export async function listReminderUsers(db: Db) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      departmentId: users.departmentId,
      disabled: users.isDisabled,
      email: users.email,
    })
    .from(users)
    .where(inArray(users.role, ['official', 'reviewer', 'admin']))
    .orderBy(asc(users.id));
}

/** The status of every figure of the given years, whatever its state (drafts and returned ones are still missing). */
export async function listFigureStates(db: Db, years: number[]) {
  return db
    .select({ indicatorId: actuals.indicatorId, year: actuals.year, month: actuals.month, status: actuals.status })
    .from(actuals)
    .where(inArray(actuals.year, years));
}

/** (indicator, year) of every target of the given years: what is planned, hence due. */
export async function listTargetYears(db: Db, years: number[]) {
  return db
    .select({ indicatorId: targets.indicatorId, year: targets.year })
    .from(targets)
    .where(inArray(targets.year, years));
}

export type NewOutboxMessage = typeof reminderOutbox.$inferInsert;
export type OutboxMessage = typeof reminderOutbox.$inferSelect;

/** Inserts the messages whose key is new (ON CONFLICT DO NOTHING); returns the keys actually enqueued. */
export async function enqueueMessages(db: Db, messages: NewOutboxMessage[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await db
    .insert(reminderOutbox)
    .values(messages)
    .onConflictDoNothing({ target: reminderOutbox.idempotencyKey })
    .returning({ key: reminderOutbox.idempotencyKey });
  return rows.map((r) => r.key);
}

/**
 * Claims up to `limit` messages due at `now` — queued with their next attempt due, or left `sending` by a worker
 * whose lease has expired — in one statement: status sending, attempts + 1, a lease until `now + leaseMs` and the
 * claim token. Rows another transaction is claiming are skipped (FOR UPDATE SKIP LOCKED).
 */
export async function claimMessages(
  db: Db,
  args: { now: Date; leaseMs: number; limit: number; token: string },
): Promise<OutboxMessage[]> {
  const due = db
    .select({ id: reminderOutbox.id })
    .from(reminderOutbox)
    .where(
      or(
        and(eq(reminderOutbox.status, 'queued'), lte(reminderOutbox.nextAttemptAt, args.now)),
        and(eq(reminderOutbox.status, 'sending'), lt(reminderOutbox.leaseUntil, args.now)),
      ),
    )
    .orderBy(asc(reminderOutbox.nextAttemptAt), asc(reminderOutbox.id))
    .limit(args.limit)
    .for('update', { skipLocked: true });
  return db.transaction(async (tx) =>
    tx
      .update(reminderOutbox)
      .set({
        status: 'sending',
        attempts: sql`${reminderOutbox.attempts} + 1`,
        leaseUntil: new Date(args.now.getTime() + args.leaseMs),
        claimToken: args.token,
      })
      .where(inArray(reminderOutbox.id, due))
      .returning(),
  );
}

/** Marks a claimed message sent; false when the claim was lost (another worker took it after the lease). */
export async function markSent(db: Db, id: number, token: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(reminderOutbox)
    .set({ status: 'sent', sentAt: now, leaseUntil: null, claimToken: null, lastError: null })
    .where(and(eq(reminderOutbox.id, id), eq(reminderOutbox.claimToken, token), eq(reminderOutbox.status, 'sending')))
    .returning({ id: reminderOutbox.id });
  return rows.length > 0;
}

/** Records a failed attempt: queued again at `nextAttemptAt`, or `failed` for good. */
export async function markAttemptFailed(
  db: Db,
  id: number,
  token: string,
  outcome: { status: 'queued' | 'failed'; nextAttemptAt: Date; error: string },
): Promise<boolean> {
  const rows = await db
    .update(reminderOutbox)
    .set({
      status: outcome.status,
      nextAttemptAt: outcome.nextAttemptAt,
      lastError: outcome.error.slice(0, 1000),
      leaseUntil: null,
      claimToken: null,
    })
    .where(and(eq(reminderOutbox.id, id), eq(reminderOutbox.claimToken, token), eq(reminderOutbox.status, 'sending')))
    .returning({ id: reminderOutbox.id });
  return rows.length > 0;
}

/** The latest messages, optionally of one status, newest first. */
export async function listOutbox(db: Db, args: { status?: OutboxStatus; limit: number }) {
  return db
    .select()
    .from(reminderOutbox)
    .where(args.status ? eq(reminderOutbox.status, args.status) : undefined)
    .orderBy(desc(reminderOutbox.createdAt), desc(reminderOutbox.id))
    .limit(args.limit);
}

/** How many messages are in each status. */
export async function countOutbox(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .select({ status: reminderOutbox.status, n: sql<number>`count(*)::int` })
    .from(reminderOutbox)
    .groupBy(reminderOutbox.status);
  const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** A failed message queued again now with a fresh round of attempts; null when it is not (or no longer) failed. */
export function requeueFailed(tx: Db, id: number, now: Date): Promise<OutboxMessage | null> {
  return firstOrNull(
    tx
      .update(reminderOutbox)
      .set({ status: 'queued', attempts: 0, nextAttemptAt: now })
      .where(and(eq(reminderOutbox.id, id), eq(reminderOutbox.status, 'failed')))
      .returning(),
  );
}

export function getOutboxMessage(db: Db, id: number): Promise<OutboxMessage | null> {
  return firstOrNull(db.select().from(reminderOutbox).where(eq(reminderOutbox.id, id)));
}

/**
 * Takes or renews the named lease for `holder` until `now + ttlMs`: granted when nobody holds it, when it has
 * expired, or when `holder` already holds it. One statement (INSERT … ON CONFLICT DO UPDATE … WHERE), so two
 * instances racing for it cannot both win; works the same on PostgreSQL and PGlite.
 */
export async function takeLease(
  db: Db,
  args: { name: string; holder: string; now: Date; ttlMs: number },
): Promise<boolean> {
  const expiresAt = new Date(args.now.getTime() + args.ttlMs);
  const rows = await db
    .insert(workerLeases)
    .values({ name: args.name, holder: args.holder, expiresAt })
    .onConflictDoUpdate({
      target: workerLeases.name,
      set: { holder: args.holder, expiresAt },
      setWhere: or(lt(workerLeases.expiresAt, args.now), eq(workerLeases.holder, args.holder)),
    })
    .returning({ holder: workerLeases.holder });
  return rows[0]?.holder === args.holder;
}

/** Gives the lease up (at a clean stop), so that another instance need not wait for it to expire. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.delete(workerLeases).where(and(eq(workerLeases.name, name), eq(workerLeases.holder, holder)));
}

export function getLease(db: Db, name: string) {
  return firstOrNull(db.select().from(workerLeases).where(eq(workerLeases.name, name)));
}
