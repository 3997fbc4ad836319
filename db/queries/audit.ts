/**
 * Reading the audit log: a keyset-paginated filtered list (newest first), one event, the chain in id order
 * and filtered iterators for exports — all in batches by id, so that millions of rows never sit in memory.
 * Scoping: only a role with `audit.view` sees audit rows; anyone else gets none, whatever called this.
 */
import { and, asc, count, desc, eq, gt, gte, like, lt, lte, max, min, type SQL } from 'drizzle-orm';
import { can } from '@/lib/domain/permissions';
import type { Actor } from '@/lib/domain/actor';
import type { StoredAuditEvent } from '@/lib/domain/audit-verify';
import { queryRows, sql, type Db } from '../client';
import { copyEngine, copyOut } from '../copy';
import { CopyScratch } from '../copy-query';
import { auditEvents, departments, indicators } from '../schema';
import { cutCopyWindows, parsePackedAuditRows, type WindowBuffers } from './audit-packed';
import { firstOrNull } from './rows';

export interface AuditQueryFilter {
  from?: Date;
  /** Exclusive. */
  to?: Date;
  username?: string;
  role?: string;
  /** An action, or a namespace prefix "actual.*". */
  action?: string;
  entityType?: string;
  departmentId?: number;
  indicatorId?: number;
}

export const CHAIN_BATCH_SIZE = 5000;
/**
 * Bytes of COPY text per window, by default (verify's): about a hundred events. A thread's work on a window is garbage
 * at its end; small windows let it die in the thread's small young generation. On a million events, two threads:
 * verify 9.4 s with 1 MB windows, 5.0 s with 32 KB (the table of sizes: scripts/bench/README.md). The audit CSV,
 * written as bytes without events, takes larger windows (lib/services/exports/exports.ts).
 */
export const COPY_WINDOW_BYTES = 32 * 1024;

/**
 * Lets other work run between batches. PGlite answers in-process without waiting for I/O, so a long walk over
 * it would otherwise hold the event loop (and every other request) until it ended.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const columns = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  actorId: auditEvents.actorId,
  actorUsername: auditEvents.actorUsername,
  actorRole: auditEvents.actorRole,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  departmentId: auditEvents.departmentId,
  indicatorId: auditEvents.indicatorId,
  before: auditEvents.before,
  after: auditEvents.after,
  reason: auditEvents.reason,
  clientAddress: auditEvents.clientAddress,
  prevHash: auditEvents.prevHash,
  hash: auditEvents.hash,
};

export type AuditRow = StoredAuditEvent;

const canRead = (actor: Actor) => can(actor, 'audit.view');

function filterConditions(filter: AuditQueryFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.from) where.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) where.push(lt(auditEvents.occurredAt, filter.to));
  if (filter.username) where.push(eq(auditEvents.actorUsername, filter.username));
  if (filter.role) where.push(eq(auditEvents.actorRole, filter.role));
  if (filter.action) {
    const prefix = /^([a-z]+)\.\*$/.exec(filter.action)?.[1];
    where.push(prefix ? like(auditEvents.action, `${prefix}.%`) : eq(auditEvents.action, filter.action));
  }
  if (filter.entityType) where.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.departmentId !== undefined) where.push(eq(auditEvents.departmentId, filter.departmentId));
  if (filter.indicatorId !== undefined) where.push(eq(auditEvents.indicatorId, filter.indicatorId));
  return where;
}

/** One page, newest first: events with id < beforeId, `limit + 1` rows so the caller knows whether more follow. */
export async function listAuditPage(
  db: Db,
  args: { actor: Actor; filter: AuditQueryFilter; beforeId?: number; limit: number },
): Promise<AuditRow[]> {
  if (!canRead(args.actor)) return [];
  const where = filterConditions(args.filter);
  if (args.beforeId !== undefined) where.push(lt(auditEvents.id, args.beforeId));
  return db
    .select(columns)
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(args.limit + 1);
}

export async function getAuditEventRow(db: Db, args: { actor: Actor; id: number }): Promise<AuditRow | null> {
  if (!canRead(args.actor)) return null;
  return firstOrNull(db.select(columns).from(auditEvents).where(eq(auditEvents.id, args.id)).limit(1));
}

/**
 * The last event (greatest id) and its hash; null for an empty log. Not scoped: the head's id and hash say
 * nothing about any event's content, and every export (records ones by leaders too) states it.
 */
export async function getChainHead(db: Db): Promise<{ id: number; hash: string } | null> {
  return firstOrNull(
    db.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1),
  );
}

/** How many events match, up to and including `throughId`. */
export async function countAuditEvents(
  db: Db,
  args: { actor: Actor; filter: AuditQueryFilter; throughId: number | null },
): Promise<number> {
  if (!canRead(args.actor) || args.throughId === null) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(...filterConditions(args.filter), lte(auditEvents.id, args.throughId)));
  return row?.n ?? 0;
}

interface WalkArgs {
  actor: Actor;
  filter: AuditQueryFilter;
  throughId: number | null;
  batchSize?: number;
}

/**
 * The ranges of ids (afterId, upTo] that cover the matching events up to `throughId`, `size` consecutive ids each
 * (each holds at most `size` events): every statement is a short range of the primary key whatever the planner's
 * statistics say. With "id > x order by id limit n" a table without them yet (just restored, just bulk-loaded) was
 * read to its end and sorted for every batch.
 */
async function* idRanges(db: Db, base: SQL[], throughId: number, size: number): AsyncGenerator<[number, number]> {
  const [first] = await db
    .select({ id: min(auditEvents.id) })
    .from(auditEvents)
    .where(and(...base, lte(auditEvents.id, throughId)));
  if (first?.id === null || first?.id === undefined) return;
  for (let afterId = Number(first.id) - 1; afterId < throughId; afterId += size)
    yield [afterId, Math.min(afterId + size, throughId)];
}

const inRange = ([afterId, upTo]: [number, number]) => [gt(auditEvents.id, afterId), lte(auditEvents.id, upTo)];

/**
 * Matching events in ascending id order, `batchSize` at a time, up to `throughId` (fixed by the caller at
 * the start, so that the rows and their count describe one state of the log).
 *
 * Each batch comes back as one JSON text built by the database (json_agg), parsed once by the caller: the walks
 * over a million events (verify, export) otherwise paid the driver's per-row, per-field conversion — most of
 * their time on PGlite. `jsonb` is the JSON text of before/after: parsed (`json`) for the chain, which hashes
 * the values, or kept as the database writes it (`text`) for an export, which writes it out as it is.
 */
async function* walkAuditWindows(db: Db, args: WalkArgs, jsonb: 'json' | 'text'): AsyncGenerator<string> {
  if (!canRead(args.actor) || args.throughId === null) return;
  const base = filterConditions(args.filter);
  const changes = jsonb === 'json' ? sql`before, after` : sql`before::text, after::text`;
  const fetchWindow = async (range: [number, number]) => {
    const [result] = await queryRows<{ batch: string | null }>(
      db,
      sql`select json_agg(json_build_array(id, occurred_at, actor_id, actor_username, actor_role, action, entity_type,
            entity_id, department_id, indicator_id, ${changes}, reason, client_address, prev_hash, hash) order by id)::text as batch
          from ${auditEvents} where ${and(...base, ...inRange(range))}`,
    );
    return result?.batch ?? null;
  };
  // One window ahead: on PostgreSQL the server builds the next batch while the caller works on this one.
  let pending: Promise<string | null> | null = null;
  for await (const range of idRanges(db, base, args.throughId, args.batchSize ?? CHAIN_BATCH_SIZE)) {
    const next = fetchWindow(range);
    next.catch(() => undefined); // a caller that stops early leaves it unread; its failure surfaces when awaited
    const batch = pending ? await pending : null;
    pending = next;
    if (batch) yield batch;
    await yieldToEventLoop();
  }
  const last = pending ? await pending : null;
  if (last) yield last;
}

/** The events as the chain holds them: before/after as values, the time as a Date. */
export async function* iterateAuditEvents(db: Db, args: WalkArgs): AsyncGenerator<AuditRow[]> {
  for await (const text of walkAuditWindows(db, args, 'json')) yield parsePackedAuditRows(text);
}

/** An event as an export writes it: before/after as the database's JSON text (null when absent). */
export interface AuditExportRow extends Omit<AuditRow, 'before' | 'after'> {
  before: string | null;
  after: string | null;
}

/**
 * The events for an export: as iterateAuditEvents, but before/after stay JSON text. An export of a million
 * events spent more on parsing them into objects and serialising them again (and collecting that garbage)
 * than on anything else.
 */
export async function* iterateAuditExportRows(db: Db, args: WalkArgs): AsyncGenerator<AuditExportRow[]> {
  // walkAuditWindows('text') selects before::text and after::text: strings or null.
  for await (const text of walkAuditWindows(db, args, 'text')) yield parsePackedAuditRows(text) as AuditExportRow[];
}

/** A window of the log for a worker thread: JSON text of packed rows, or COPY text lines (./audit-packed). */
export type AuditWindow = string | Uint8Array;

/** The columns for COPY, in PackedAuditRow's order; the time as its JSON text, as the JSON walk has it. */
const copyColumns = { ...columns, occurredAt: sql<string>`to_json(${auditEvents.occurredAt})` };

/**
 * Matching events in id order up to `throughId`, as COPY text in complete lines: on PostgreSQL one COPY of them
 * all; on PGlite, whose COPY hands its whole output over at once, one COPY per `batchSize` ids, each written over
 * the last in one buffer (a chunk is valid until the next is asked for: cutCopyWindows keeps none).
 */
async function* copyAuditEvents(db: Db, args: WalkArgs): AsyncGenerator<Uint8Array> {
  if (args.throughId === null) return;
  const base = filterConditions(args.filter);
  const scratch = new CopyScratch();
  const copy = (where: SQL[]) => {
    const query = db
      .select(copyColumns)
      .from(auditEvents)
      .where(and(...base, ...where))
      .orderBy(asc(auditEvents.id));
    return copyOut(db, query.toSQL(), scratch) ?? [];
  };
  if (copyEngine(db) === 'postgres') {
    yield* copy([lte(auditEvents.id, args.throughId)]);
    return;
  }
  for await (const range of idRanges(db, base, args.throughId, args.batchSize ?? CHAIN_BATCH_SIZE)) {
    yield* copy(inRange(range));
    await yieldToEventLoop();
  }
}

/**
 * Matching events in id order up to `throughId`, as windows for the worker threads (lib/services/audit/window-threads),
 * which parse each beside the walk: COPY text cut into windows of about `windowBytes` at line ends. COPY's text costs
 * the database a fraction of building JSON (PostgreSQL, a million events: 3.2 s against 14.5 s) and this thread only
 * passes bytes on; before/after arrive as the database's JSON text. A handle without COPY (a transaction's) gets the
 * JSON windows of walkAuditWindows, before/after as `changes` says.
 */
export async function* iterateAuditWindows(
  db: Db,
  args: WalkArgs & { windowBytes?: number; buffers?: WindowBuffers },
  changes: 'json' | 'text',
): AsyncGenerator<AuditWindow> {
  if (!canRead(args.actor) || args.throughId === null) return;
  if (copyEngine(db))
    yield* cutCopyWindows(copyAuditEvents(db, args), args.windowBytes ?? COPY_WINDOW_BYTES, args.buffers);
  else yield* walkAuditWindows(db, args, changes);
}

/** The whole chain in id order, as windows for the verifier's worker threads. */
export function iterateChainWindows(
  db: Db,
  args: { actor: Actor; throughId: number | null; batchSize?: number; windowBytes?: number; buffers?: WindowBuffers },
): AsyncGenerator<AuditWindow> {
  return iterateAuditWindows(db, { ...args, filter: {} }, 'json');
}

/** What the log holds at and before a checkpoint's head, to compare with the checkpoint. */
export async function getCheckpointFacts(db: Db, args: { actor: Actor; headId: number }) {
  if (!canRead(args.actor)) return { hashAtHead: null, countThroughHead: 0, lastPresentId: null };
  const [atHead] = await db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.id, args.headId))
    .limit(1);
  const [summary] = await db
    .select({ n: count(), lastId: max(auditEvents.id) })
    .from(auditEvents)
    .where(lte(auditEvents.id, args.headId));
  return {
    hashAtHead: atHead?.hash ?? null,
    countThroughHead: summary?.n ?? 0,
    lastPresentId: summary?.lastId ?? null,
  };
}

/** Departments and indicators to choose from in the audit filters (for auditors). */
export async function listAuditFilterChoices(db: Db, args: { actor: Actor }) {
  if (!canRead(args.actor)) return { departments: [], indicators: [] };
  const [departmentRows, indicatorRows] = [
    await db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.code)),
    await db
      .select({ id: indicators.id, code: indicators.code, name: indicators.name })
      .from(indicators)
      .orderBy(asc(indicators.areaId), asc(indicators.sortOrder), asc(indicators.id)),
  ];
  return { departments: departmentRows, indicators: indicatorRows };
}
