/** Appending to the hash-chained audit log. Call inside the transaction of the write it records. */
import { desc } from 'drizzle-orm';
import type { Actor } from '@/lib/domain/actor';
import { changesDashboardData, type AuditAction } from '@/lib/domain/audit-actions';
import { GENESIS_HASH, hashEvent, toJsonValue, type ChainedEventContent } from '@/lib/domain/audit-chain';
import { queryRows, sql, type Db } from '../client';
import { auditEvents } from '../schema';
import { bumpDataVersion } from './data-version';

/** Serialises appends across connections and instances so that the chain never forks. */
export const AUDIT_CHAIN_LOCK_KEY = 7_720_002;

export interface AuditInput {
  actor: Actor;
  /** One of the listed actions (lib/domain/audit-actions.ts), so every written action is filterable. */
  action: AuditAction;
  entityType: string;
  entityId?: string | number | null;
  departmentId?: number | null;
  indicatorId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** Defaults to now; tests and generators may pass a time. */
  at?: Date;
}

/** Transactions that already hold the chain lock (it lasts until they end): a bulk import appends thousands. */
const lockedTransactions = new WeakSet<Db>();

/** Appends one event; `tx` must be a transaction so the event commits (or not) with the write it records. */
export async function appendAuditEvent(tx: Db, input: AuditInput): Promise<{ id: number; hash: string }> {
  if (!lockedTransactions.has(tx)) {
    await queryRows(tx, sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
    lockedTransactions.add(tx);
  }
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content = buildContent(input);
  const hash = hashEvent(content, prevHash);
  const [row] = await tx
    .insert(auditEvents)
    .values({
      ...content,
      occurredAt: new Date(content.occurredAt),
      prevHash,
      hash,
    })
    .returning({ id: auditEvents.id });
  if (!row) throw new Error('audit append returned no row');
  // Under the chain lock, in the write's transaction: the data version grows in commit order with the data.
  if (changesDashboardData(input.action)) await bumpDataVersion(tx);
  return { id: row.id, hash };
}

export function buildContent(input: AuditInput): ChainedEventContent {
  const at = input.at ?? new Date();
  return {
    occurredAt: at.toISOString(),
    actorId: input.actor.id,
    actorUsername: input.actor.username,
    actorRole: input.actor.role,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
    departmentId: input.departmentId ?? null,
    indicatorId: input.indicatorId ?? null,
    before: toJsonValue(input.before ?? null),
    after: toJsonValue(input.after ?? null),
    reason: input.reason ?? null,
    clientAddress: input.actor.clientAddress ?? null,
  };
}
