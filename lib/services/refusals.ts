/**
 * Refused access on the record (等保 8.1.4.3), throttled so that a flood cannot grow the audit log or hold
 * the chain lock: at most one event per client address and reason per minute, counted in the next one.
 * The check runs under the audit chain lock, so several instances on one database keep the limit too.
 */
import { and, eq, gt } from 'drizzle-orm';
import { getDb, queryRows, sql, type Db } from '@/db/client';
import { appendAuditEvent, AUDIT_CHAIN_LOCK_KEY } from '@/db/queries/audit-append';
import { auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';

export const REFUSAL_WINDOW_MS = 60_000;
const MAX_TRACKED_KEYS = 10_000;

export interface Refusal {
  /** The audit action, e.g. 'security.origin_refused'. */
  action: string;
  /** A short stable code (stored as the event's reason): 'foreign_origin', 'no_origin'… */
  reason: string;
  clientAddress: string;
  /** The signed-in user the request carried, when known; anonymous otherwise. */
  actor?: Actor | null;
  /** What was attempted (method, path, the Origin sent…); stored as the event's `after`. */
  details: Record<string, string | number | null>;
  now?: Date;
}

/** Suppressed refusals per address+reason since the last recorded one (per process). */
const recent = new Map<string, { since: number; suppressed: number }>();

/** Records a refused request unless one with the same address and reason was recorded in the last minute. */
export async function recordRefusal(refusal: Refusal, db?: Db): Promise<boolean> {
  const now = refusal.now ?? new Date();
  const key = `${refusal.action}|${refusal.clientAddress}|${refusal.reason}`;
  const seen = recent.get(key);
  if (seen && now.getTime() - seen.since < REFUSAL_WINDOW_MS) {
    seen.suppressed += 1;
    return false;
  }
  if (recent.size >= MAX_TRACKED_KEYS) recent.clear();
  const suppressed = seen?.suppressed ?? 0;
  recent.set(key, { since: now.getTime(), suppressed: 0 });
  const handle = db ?? (await getDb());
  const actor: Actor = refusal.actor ?? { id: null, username: '(未登录)', role: 'system', departmentId: null };
  return handle.transaction(async (tx) => {
    await queryRows(tx, sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
    const [already] = await tx
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          gt(auditEvents.occurredAt, new Date(now.getTime() - REFUSAL_WINDOW_MS)),
          eq(auditEvents.action, refusal.action),
          eq(auditEvents.clientAddress, refusal.clientAddress),
          eq(auditEvents.reason, refusal.reason),
        ),
      )
      .limit(1);
    if (already) return false;
    await appendAuditEvent(tx, {
      actor: { ...actor, clientAddress: refusal.clientAddress },
      action: refusal.action,
      entityType: 'request',
      reason: refusal.reason,
      after: { ...refusal.details, ...(suppressed > 0 ? { refusedSinceLastRecord: suppressed } : {}) },
      at: now,
    });
    return true;
  });
}

/** For tests: forget the per-process throttle. */
export function resetRefusalThrottle(): void {
  recent.clear();
}
