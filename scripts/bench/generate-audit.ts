/**
 * The benchmark city's audit history: every generated figure's trail (drafts, submit, approve) and sign-ins,
 * in time order, appended to the existing chain. Hashes are computed here exactly as appendAuditEvent does
 * (buildContent → hashEvent over the previous hash), so `audit:verify` walks a valid chain; rows go in with
 * one statement per 5,000 events (COPY on PGlite) instead of one transaction per event.
 */
import { buildContent, type AuditInput } from '@/db/queries/audit-append';
import { queryRows, sql, type Db } from '@/db/client';
import { pgliteOf } from '@/db/copy';
import type { Actor } from '@/lib/domain/actor';
import { GENESIS_HASH, hashEvent } from '@/lib/domain/audit-chain';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
const BATCH = 5000;

/** A user who entered or approved the history: the actor of its audit events as it is. */
export interface HistoryUser extends Actor {
  id: number;
  role: 'official' | 'reviewer';
  departmentId: number;
  clientAddress: string;
}

/** When a figure was drafted (one time per save), submitted and approved: the audit trail and its columns agree. */
export interface FigureTimeline {
  drafts: number[];
  submit: number;
  approve: number | null;
  /** Entered by the bulk migration of history (an import), not in its own reporting cycle. */
  migrated: boolean;
}

export interface GeneratedFigure extends FigureTimeline {
  id: number;
  indicatorId: number;
  year: number;
  month: number;
  value: string;
  official: HistoryUser;
  reviewer: HistoryUser;
}

export interface AuditWindow {
  start: number;
  end: number;
}

/** Figures are entered in the first days of the month after their period, approved a day or two later;
 * periods whose cycle falls before the window were migrated in its first two months. */
export function planTimeline(
  year: number,
  month: number,
  approved: boolean,
  window: AuditWindow,
  random: () => number,
): FigureTimeline {
  const natural = Date.UTC(year, month, 1 + Math.floor(random() * 4), 9) - SHANGHAI + random() * 8 * HOUR;
  const migrated = natural < window.start;
  const first = migrated ? window.start + random() * 60 * DAY : natural;
  const count = migrated ? 1 : 1 + Math.floor(random() * 4);
  const drafts: number[] = [];
  let at = first;
  for (let i = 0; i < count; i += 1) {
    if (i > 0) at += 60_000 + random() * 2 * HOUR;
    drafts.push(Math.round(Math.min(at, window.end - 3 * HOUR)));
  }
  const submit = Math.round(Math.min((drafts.at(-1) ?? first) + 60_000 + random() * HOUR, window.end - 2 * HOUR));
  const approve = approved ? Math.round(Math.min(submit + 2 * HOUR + random() * 2 * DAY, window.end - HOUR)) : null;
  return { drafts, submit, approve, migrated };
}

function figureView(f: GeneratedFigure, status: string, version: number) {
  return {
    value: f.value,
    valueText: null,
    qualifier: 'exact',
    status,
    version,
    note: null,
    explanation: null,
    evidenceUrl: null,
    returnReason: null,
  };
}

/** The event of step `step` of a figure's trail: 0..k−1 drafts, k submit, k+1 approve (as the services record them). */
function figureEvent(f: GeneratedFigure, step: number): AuditInput {
  const k = f.drafts.length;
  const period = `${f.year}-${String(f.month).padStart(2, '0')}`;
  const common = {
    entityType: 'actual',
    entityId: f.id,
    departmentId: f.official.departmentId,
    indicatorId: f.indicatorId,
  };
  if (step < k) {
    return {
      ...common,
      actor: f.official,
      action: 'actual.save_draft',
      reason: f.migrated ? '批量导入' : null,
      before: step === 0 ? null : figureView(f, 'draft', step),
      after: { ...figureView(f, 'draft', step + 1), period },
      at: new Date(f.drafts[step] ?? f.submit),
    };
  }
  if (step === k) {
    return {
      ...common,
      actor: f.official,
      action: 'actual.submit',
      before: figureView(f, 'draft', k),
      after: { ...figureView(f, 'submitted', k + 1), period },
      at: new Date(f.submit),
    };
  }
  return {
    ...common,
    actor: f.reviewer,
    action: 'actual.approve',
    before: figureView(f, 'submitted', k + 1),
    after: figureView(f, 'approved', k + 2),
    at: new Date(f.approve ?? f.submit),
  };
}

function loginEvent(user: HistoryUser, at: number): AuditInput {
  return {
    actor: user,
    action: 'auth.login',
    entityType: 'user',
    entityId: user.id,
    departmentId: user.departmentId,
    at: new Date(at),
  };
}

const COLUMNS = [
  'occurred_at',
  'actor_id',
  'actor_username',
  'actor_role',
  'action',
  'entity_type',
  'entity_id',
  'department_id',
  'indicator_id',
  'before',
  'after',
  'reason',
  'client_address',
  'prev_hash',
  'hash',
] as const;
type Row = Record<(typeof COLUMNS)[number], unknown>;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value as a field of COPY's text format: \N for null, JSON as its text, the separators escaped. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : text;
}

/**
 * One batch of rows: on PGlite as COPY text from a blob (a million events: about a third less time than the JSON
 * statement, whose text PGlite parses in its single thread); on PostgreSQL as one statement over a JSON text, which
 * the server parses while the next batch is hashed here.
 */
async function insertBatch(db: Db, rows: Row[]): Promise<void> {
  const pglite = pgliteOf(db);
  if (pglite) {
    const text = rows.map((row) => `${COLUMNS.map((c) => copyField(row[c])).join('\t')}\n`).join('');
    await pglite.query(`copy audit_events (${COLUMNS.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) });
    return;
  }
  await db.execute(sql`
    insert into audit_events (occurred_at, actor_id, actor_username, actor_role, action, entity_type, entity_id,
      department_id, indicator_id, before, after, reason, client_address, prev_hash, hash)
    select occurred_at, actor_id, actor_username, actor_role, action, entity_type, entity_id,
      department_id, indicator_id, before, after, reason, client_address, prev_hash, hash
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(occurred_at timestamptz, actor_id int, actor_username text,
      actor_role text, action text, entity_type text, entity_id text, department_id int, indicator_id int, before jsonb,
      after jsonb, reason text, client_address text, prev_hash text, hash text)`);
}

/**
 * Appends every figure's trail and `total − trail` sign-ins (none when the trails alone reach `total`), all
 * inside `window`, in time order. Returns the number of events written.
 */
export async function appendAuditHistory(
  db: Db,
  args: { figures: GeneratedFigure[]; users: HistoryUser[]; total: number; window: AuditWindow; random: () => number },
): Promise<number> {
  const { figures, users, window, random } = args;
  const trail = figures.reduce((n, f) => n + f.drafts.length + 1 + (f.approve === null ? 0 : 1), 0);
  const logins = Math.max(0, args.total - trail);
  const count = trail + logins;
  const times = new Float64Array(count);
  const refs = new Int32Array(count); // figure index, or −1 − user index for a sign-in
  const steps = new Int16Array(count);
  let n = 0;
  figures.forEach((f, i) => {
    const stepTimes = [...f.drafts, f.submit, ...(f.approve === null ? [] : [f.approve])];
    stepTimes.forEach((t, step) => {
      times[n] = t;
      refs[n] = i;
      steps[n] = step;
      n += 1;
    });
  });
  for (let i = 0; i < logins; i += 1) {
    times[n] = Math.round(window.start + random() * (window.end - window.start));
    refs[n] = -1 - Math.floor(random() * users.length);
    n += 1;
  }
  const order = new Uint32Array(count).map((_, i) => i);
  order.sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b);

  const [head] = await queryRows<{ hash: string }>(db, sql`select hash from audit_events order by id desc limit 1`);
  let prevHash = head?.hash ?? GENESIS_HASH;
  let batch: Row[] = [];
  // A bulk load builds the secondary indexes once at the end (a sort) instead of one entry per row; the
  // definitions are read back from the catalogue, so the indexes end exactly as the migrations made them.
  const indexes = await queryRows<{ name: string; definition: string }>(
    db,
    sql`select indexname as name, indexdef as definition from pg_indexes where schemaname = current_schema()
        and tablename = 'audit_events' and indexname not in
          (select conname from pg_constraint where conrelid = 'audit_events'::regclass)`,
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.name}"`));
  // On PostgreSQL the insert runs in the server while the next batch is hashed here: one batch in flight.
  let inFlight: Promise<void> = Promise.resolve();
  const send = async (rows: Row[]) => {
    await inFlight;
    inFlight = insertBatch(db, rows);
    inFlight.catch(() => undefined); // surfaces at the next await, not as an unhandled rejection
  };
  for (const i of order) {
    const ref = refs[i] ?? 0;
    const figure = ref >= 0 ? figures[ref] : undefined;
    const user = ref < 0 ? users[-1 - ref] : undefined;
    const input = figure
      ? figureEvent(figure, steps[i] ?? 0)
      : user
        ? loginEvent(user, times[i] ?? window.start)
        : null;
    if (!input) throw new Error(`audit history: no event for ${i}`);
    const content = buildContent(input);
    const hash = hashEvent(content, prevHash);
    batch.push({
      occurred_at: content.occurredAt,
      actor_id: content.actorId,
      actor_username: content.actorUsername,
      actor_role: content.actorRole,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      department_id: content.departmentId,
      indicator_id: content.indicatorId,
      before: content.before,
      after: content.after,
      reason: content.reason,
      client_address: content.clientAddress,
      prev_hash: prevHash,
      hash,
    });
    prevHash = hash;
    if (batch.length === BATCH) {
      await send(batch);
      batch = [];
    }
  }
  if (batch.length) await send(batch);
  await inFlight;
  for (const index of indexes) await db.execute(sql.raw(index.definition));
  return count;
}
