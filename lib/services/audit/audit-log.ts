/**
 * The audit log's use cases: list (filtered, keyset-paginated, newest first), one event, verify the chain
 * (optionally against a kept checkpoint), and issue a checkpoint. Reading is for `audit.view`; verifying and
 * checkpoints for `audit.verify`. A checkpoint is itself an audit event.
 */

import { appendAuditEvent } from '@/db/queries/audit-append';
import { WindowBuffers } from '@/db/queries/audit-packed';
import {
  getAuditEventRow,
  getChainHead,
  getCheckpointFacts,
  iterateChainWindows,
  listAuditFilterChoices,
  listAuditPage,
  type AuditRow,
} from '@/db/queries/audit';
import { getAuthSecret } from '@/lib/auth/secret';
import type { Actor } from '@/lib/domain/actor';
import { GENESIS_HASH } from '@/lib/domain/audit-chain';
import { compareWithCheckpoint, type ChainBreak, type CheckpointComparison } from '@/lib/domain/audit-verify';
import { decodeCursor, encodeCursor } from '@/lib/domain/keyset-cursor';
import { AppError } from '@/lib/errors';
import {
  actionLabel,
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  LEGACY_AUDIT_ACTIONS,
  auditListSchema,
  checkpointSchema,
  DEFAULT_PAGE_SIZE,
  type AuditCheckpoint,
} from '@/lib/validation/audit';
import { parseOrThrow } from '@/lib/validation/parse';
import { VERIFY_WINDOW_EVENTS, verifyChainWindows, windowThreadsFor } from './window-threads';
import { authorize, type ServiceOptions } from '@/lib/services/options';

export interface AuditEventSummary {
  id: number;
  occurredAt: string;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityId: string | null;
  departmentId: number | null;
  indicatorId: number | null;
  reason: string | null;
  clientAddress: string | null;
}

export interface AuditEventDetail extends AuditEventSummary {
  actorId: number | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditPage {
  events: AuditEventSummary[];
  /** Hand back as ?cursor= for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface VerifyReport {
  ok: boolean;
  /** One line for people: 完整 / the first mismatch / the checkpoint's verdict. */
  message: string;
  count: number;
  headId: number | null;
  headHash: string;
  firstBreak: ChainBreak | null;
  breakCount: number;
  checkpoint: CheckpointComparison | null;
  verifiedAt: string;
}

const INVALID_CURSOR = () =>
  new AppError('invalid_input', '分页参数无效', { cursor: ['分页参数无效，请从第一页重新查看'] });

function summarize(row: AuditRow): AuditEventSummary {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorUsername: row.actorUsername,
    actorRole: row.actorRole,
    action: row.action,
    actionLabel: actionLabel(row.action),
    entityType: row.entityType,
    entityId: row.entityId,
    departmentId: row.departmentId,
    indicatorId: row.indicatorId,
    reason: row.reason,
    clientAddress: row.clientAddress,
  };
}

/** GET /api/audit: one page of events matching the filters (query-string values), newest first. */
export async function listAuditEvents(
  actor: Actor,
  query: Record<string, unknown>,
  options: ServiceOptions = {},
): Promise<AuditPage> {
  const { db } = await authorize(actor, 'audit.view', options);
  const { cursor, limit, ...filter } = parseOrThrow(auditListSchema, query);
  const key = await getAuthSecret();
  let beforeId: number | undefined;
  if (cursor !== undefined) {
    const decoded = decodeCursor(cursor, key);
    if (!decoded) throw INVALID_CURSOR();
    beforeId = decoded.id;
  }
  const size = limit ?? DEFAULT_PAGE_SIZE;
  const rows = await listAuditPage(db, { actor, filter, beforeId, limit: size });
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    events: page.map(summarize),
    nextCursor: rows.length > size && last ? encodeCursor({ id: last.id }, key) : null,
  };
}

/** GET /api/audit/[id]: one event with its before/after and hashes. */
export async function getAuditEvent(
  actor: Actor,
  rawId: string,
  options: ServiceOptions = {},
): Promise<AuditEventDetail> {
  const { db } = await authorize(actor, 'audit.view', options);
  if (!/^\d{1,15}$/.test(rawId) || Number(rawId) < 1) {
    throw new AppError('invalid_input', '「事件编号」应为正整数', { id: ['「事件编号」应为正整数'] });
  }
  const row = await getAuditEventRow(db, { actor, id: Number(rawId) });
  if (!row) throw new AppError('not_found', `未找到事件 #${rawId}`);
  return {
    ...summarize(row),
    actorId: row.actorId,
    before: row.before ?? null,
    after: row.after ?? null,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

function reportMessage(report: Omit<VerifyReport, 'message'>): string {
  const parts: string[] = [];
  if (report.firstBreak) {
    const more = report.breakCount > 1 ? `（共 ${report.breakCount} 处不符）` : '';
    parts.push(`审计链校验未通过：${report.firstBreak.message}${more}`);
  } else {
    parts.push(`审计链完整：共 ${report.count} 条事件，末尾事件 #${report.headId ?? '—'}，哈希 ${report.headHash}`);
  }
  if (report.checkpoint) parts.push(report.checkpoint.message);
  return parts.join('；');
}

/**
 * GET/POST /api/audit/verify, `npm run audit:verify`: walks the chain in id order up to the head at the
 * start and recomputes every hash; with a checkpoint (the parsed JSON file), also compares against it.
 */
export async function verifyAuditChain(
  actor: Actor,
  input: { checkpoint?: unknown } = {},
  options: ServiceOptions = {},
): Promise<VerifyReport> {
  const { db, now } = await authorize(actor, 'audit.verify', options);
  const checkpoint = input.checkpoint === undefined ? undefined : parseOrThrow(checkpointSchema, input.checkpoint);
  const head = await getChainHead(db);
  const buffers = new WindowBuffers();
  const walk = { actor, throughId: head?.id ?? null, batchSize: VERIFY_WINDOW_EVENTS, buffers };
  const state = await verifyChainWindows(iterateChainWindows(db, walk), windowThreadsFor(db), buffers);
  let comparison: CheckpointComparison | null = null;
  if (checkpoint) {
    const facts =
      checkpoint.headId === null
        ? { hashAtHead: null, countThroughHead: 0, lastPresentId: null }
        : await getCheckpointFacts(db, { actor, headId: checkpoint.headId });
    comparison = compareWithCheckpoint(checkpoint, facts);
  }
  const report = {
    ok: state.firstBreak === null && (comparison?.ok ?? true),
    count: state.count,
    headId: state.headId,
    headHash: state.headHash,
    firstBreak: state.firstBreak,
    breakCount: state.breakCount,
    checkpoint: comparison,
    verifiedAt: now.toISOString(),
  };
  return { ...report, message: reportMessage(report) };
}

/**
 * GET /api/audit/checkpoint: verifies the chain, then signs off its head as a small JSON the auditor keeps
 * outside the system. Refused (409) when the chain does not verify: a checkpoint vouches for what it covers.
 */
export async function createCheckpoint(actor: Actor, options: ServiceOptions = {}): Promise<AuditCheckpoint> {
  const { db, now } = await authorize(actor, 'audit.verify', options);
  const report = await verifyAuditChain(actor, {}, { db: db, now });
  if (!report.ok) throw new AppError('conflict', `不能生成检查点：${report.message}`);
  const checkpoint: AuditCheckpoint = {
    kind: 'zhuashou.audit-checkpoint',
    version: 1,
    count: report.count,
    headId: report.headId,
    headHash: report.headId === null ? GENESIS_HASH : report.headHash,
    createdAt: now.toISOString(),
    createdBy: actor.username,
  };
  await db.transaction((tx) =>
    appendAuditEvent(tx, {
      actor,
      action: 'audit.checkpoint',
      entityType: 'audit',
      entityId: checkpoint.headId,
      after: { count: checkpoint.count, headId: checkpoint.headId, headHash: checkpoint.headHash },
      at: now,
    }),
  );
  return checkpoint;
}

export interface AuditFilterOptions {
  actions: { value: string; label: string }[];
  entityTypes: { value: string; label: string }[];
  departments: { id: number; name: string }[];
  indicators: { id: number; code: string; name: string }[];
}

/** What the audit page's filters offer: every known action (and each namespace as "…（全部）"), entities, departments, indicators. */
export async function getAuditFilterOptions(actor: Actor, options: ServiceOptions = {}): Promise<AuditFilterOptions> {
  const { db } = await authorize(actor, 'audit.view', options);
  const choices = await listAuditFilterChoices(db, { actor });
  const actions: AuditFilterOptions['actions'] = [];
  for (const [group, groupLabel] of Object.entries(AUDIT_ACTION_GROUPS)) {
    actions.push({ value: `${group}.*`, label: `${groupLabel}（全部）` });
    for (const [action, label] of [...Object.entries(AUDIT_ACTIONS), ...Object.entries(LEGACY_AUDIT_ACTIONS)]) {
      if (action.startsWith(`${group}.`)) actions.push({ value: action, label: `　${label}` });
    }
  }
  return {
    actions,
    entityTypes: Object.entries(AUDIT_ENTITY_TYPES).map(([value, label]) => ({ value, label })),
    ...choices,
  };
}
