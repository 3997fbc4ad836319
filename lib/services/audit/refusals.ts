/**
 * Refused access on the record (等保 8.1.4.3), throttled: failed sign-ins, refused writes (401/403) and
 * cross-site requests are each counted per client address, reason and minute, and only the first of a
 * minute appends an audit event (`refusal.<reason>`), which also carries the count of that address's
 * previous minute for the reason. A flood from one address thus costs one event a minute, and none of
 * them moves the dashboards' data version.
 */
import { getDb, type Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { countRefusal } from '@/db/queries/refusals';
import type { Actor } from '@/lib/domain/actor';
import type { RefusalReason } from '@/lib/domain/audit-actions';

export interface RefusalInput {
  clientAddress: string;
  reason: RefusalReason;
  /** The signed-in user refused, when there is one. */
  actorId?: number | null;
  /** The account named (a sign-in) or the signed-in user's name. */
  username?: string | null;
  /** The signed-in user's role, when known. */
  role?: Actor['role'];
  departmentId?: number | null;
  method: string;
  path: string;
  /** Anything else worth keeping with the first event of the minute (e.g. the refusal's message). */
  detail?: Record<string, string | number | boolean | null>;
}

const WINDOW_MS = 60_000;
const MAX_TEXT = 200;

/** The start of the minute `now` falls in. */
export function refusalWindowStart(now: Date): Date {
  return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
}

/** Counts the refusal and, for the first of its minute, appends its audit event; in its own transaction. */
export async function recordRefusal(
  db: Db | undefined,
  input: RefusalInput,
  now = new Date(),
): Promise<{ recorded: boolean }> {
  const conn = db ?? (await getDb());
  return conn.transaction((tx) => recordRefusalIn(tx, input, now));
}

/** recordRefusal inside the caller's transaction (a failed sign-in also updates the lockout counters). */
export async function recordRefusalIn(tx: Db, input: RefusalInput, now = new Date()): Promise<{ recorded: boolean }> {
  const address = (input.clientAddress || 'unknown').slice(0, MAX_TEXT);
  const counted = await countRefusal(tx, address, input.reason, refusalWindowStart(now));
  if (counted.count !== 1) return { recorded: false };
  const actor: Actor = {
    id: input.actorId ?? null,
    username: (input.username ?? '').slice(0, 64) || '(匿名)',
    role: input.role ?? 'system',
    departmentId: input.departmentId ?? null,
    clientAddress: address,
  };
  await appendAuditEvent(tx, {
    actor,
    action: `refusal.${input.reason}`,
    entityType: 'request',
    entityId: `${input.method.slice(0, 10)} ${input.path.slice(0, MAX_TEXT)}`,
    departmentId: input.departmentId ?? null,
    after: {
      reason: input.reason,
      method: input.method.slice(0, 10),
      path: input.path.slice(0, MAX_TEXT),
      username: input.username?.slice(0, 64) ?? null,
      windowStart: refusalWindowStart(now).toISOString(),
      ...(counted.previousWindowStart && counted.previousCount !== null
        ? { previousWindow: { start: counted.previousWindowStart.toISOString(), count: counted.previousCount } }
        : {}),
      ...(input.detail ?? {}),
    },
    at: now,
  });
  return { recorded: true };
}
