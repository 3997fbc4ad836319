/**
 * Verifying the audit chain: recompute each stored event's hash with lib/domain/audit-chain (the one
 * definition) and check that it links to the previous event's hash. Fed row by row, in id order, so that a
 * caller can stream millions of rows through it; and compared with a checkpoint the auditor kept, which
 * catches what the chain alone cannot (the last events removed, or the whole table rewritten).
 */
import { GENESIS_HASH, hashEvent, type ChainedEventContent } from './audit-chain';

/** An audit row as the database returns it: the hashed content (its time as a Date), its id and its links. */
export interface StoredAuditEvent extends Omit<ChainedEventContent, 'occurredAt'> {
  id: number;
  occurredAt: Date;
  prevHash: string;
  hash: string;
}

export type ChainBreakKind = 'hash_mismatch' | 'broken_link';

export interface ChainBreak {
  id: number;
  kind: ChainBreakKind;
  message: string;
}

export interface ChainState {
  count: number;
  headId: number | null;
  /** The last event's stored hash (GENESIS_HASH for an empty log). */
  headHash: string;
  /** The first event that does not match, in id order; null when every event matched. */
  firstBreak: ChainBreak | null;
  breakCount: number;
}

/** The hashed content of a stored row, exactly as appendAuditEvent built it. */
export function contentOf(row: StoredAuditEvent): ChainedEventContent {
  return {
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    departmentId: row.departmentId,
    indicatorId: row.indicatorId,
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason,
    clientAddress: row.clientAddress,
  };
}

export function breakMessage(id: number, kind: ChainBreakKind): string {
  return kind === 'hash_mismatch'
    ? `事件 #${id} 内容被修改（哈希不符）`
    : `事件 #${id} 处链断裂：prev_hash 与上一事件不符（可能有事件被删除）`;
}

/**
 * A verifier to feed rows in ascending id order; `state` is the result so far. `after` is the stored hash of the
 * event before the first one fed (the genesis hash for a whole chain).
 */
export function createChainVerifier(after: string = GENESIS_HASH) {
  const state: ChainState = { count: 0, headId: null, headHash: after, firstBreak: null, breakCount: 0 };
  const fail = (id: number, kind: ChainBreakKind) => {
    state.breakCount += 1;
    state.firstBreak ??= { id, kind, message: breakMessage(id, kind) };
  };
  /** The next row, by its links; `recompute` gives the hash of its content (asked only when its link holds). */
  const link = (row: ChainLink, recompute: () => string): void => {
    // The link is checked against the previous row's *stored* hash, so one altered row is reported once
    // (as altered) and a removed row once (as a broken link at its successor).
    if (row.prevHash !== state.headHash) fail(row.id, 'broken_link');
    else if (recompute() !== row.hash) fail(row.id, 'hash_mismatch');
    state.count += 1;
    state.headId = row.id;
    state.headHash = row.hash;
  };
  return {
    state,
    link,
    push: (row: StoredAuditEvent): void => link(row, () => hashEvent(contentOf(row), row.prevHash)),
  };
}

/** What the chain checks of a row beside its content: its id, its link to the previous row, its stored hash. */
export interface ChainLink {
  id: number;
  prevHash: string;
  hash: string;
}

/**
 * One batch of consecutive events verified on its own (in a worker thread, beside other batches): every hash,
 * and each link inside the batch. Its first link — to the event before the batch — is left to joinBatch.
 */
export interface BatchVerdict {
  count: number;
  firstId: number | null;
  /** The first event's prev_hash, to check against the previous batch's last stored hash. */
  firstPrevHash: string | null;
  /** Whether the first event's own hash did not match (a broken link there is reported instead). */
  firstMismatched: boolean;
  lastId: number | null;
  lastHash: string | null;
  firstBreak: ChainBreak | null;
  breakCount: number;
}

export function verifyBatch(rows: readonly StoredAuditEvent[]): BatchVerdict {
  const first = rows[0];
  const verifier = createChainVerifier(first?.prevHash);
  for (const row of rows) verifier.push(row);
  return batchVerdict(verifier.state, first, rows[rows.length - 1]);
}

/** The verdict of a batch whose rows, `first` to `last`, were fed to a verifier started at first's prev_hash. */
export function batchVerdict(
  state: ChainState,
  first: ChainLink | undefined,
  last: ChainLink | undefined,
): BatchVerdict {
  if (!first || !last) {
    const none = { firstId: null, firstPrevHash: null, lastId: null, lastHash: null };
    return { count: 0, ...none, firstMismatched: false, firstBreak: null, breakCount: 0 };
  }
  return {
    count: state.count,
    firstId: first.id,
    firstPrevHash: first.prevHash,
    firstMismatched: state.firstBreak?.id === first.id,
    lastId: last.id,
    lastHash: last.hash,
    firstBreak: state.firstBreak,
    breakCount: state.breakCount,
  };
}

/**
 * Joins the next batch's verdict to the chain so far, in id order, with exactly the result of pushing its
 * events one by one: a first event whose link is broken counts once, as a broken link, as push reports it.
 */
export function joinBatch(state: ChainState, verdict: BatchVerdict): void {
  if (verdict.firstId === null || verdict.lastId === null || verdict.lastHash === null) return;
  let { firstBreak, breakCount } = verdict;
  if (verdict.firstPrevHash !== state.headHash) {
    if (!verdict.firstMismatched) breakCount += 1;
    firstBreak = { id: verdict.firstId, kind: 'broken_link', message: breakMessage(verdict.firstId, 'broken_link') };
  }
  state.firstBreak ??= firstBreak;
  state.breakCount += breakCount;
  state.count += verdict.count;
  state.headId = verdict.lastId;
  state.headHash = verdict.lastHash;
}

export interface CheckpointRef {
  count: number;
  headId: number | null;
  headHash: string;
}

/** What the database holds at and before the checkpoint's head. */
export interface CheckpointFacts {
  /** The stored hash of the event at checkpoint.headId, or null when that event no longer exists. */
  hashAtHead: string | null;
  /** Events with id ≤ checkpoint.headId. */
  countThroughHead: number;
  /** The greatest id ≤ checkpoint.headId still present (null: none). */
  lastPresentId: number | null;
}

export interface CheckpointComparison {
  ok: boolean;
  message: string;
  /** Events the checkpoint saw that are gone, with the id range they were in. */
  missing: { count: number; afterId: number | null; throughId: number } | null;
}

/** Compares the database with a kept checkpoint: its head must still be there, unchanged, with every event before it. */
export function compareWithCheckpoint(checkpoint: CheckpointRef, facts: CheckpointFacts): CheckpointComparison {
  if (checkpoint.headId === null) {
    return { ok: true, message: '检查点生成时审计日志为空，无可比对的事件', missing: null };
  }
  const lost = checkpoint.count - facts.countThroughHead;
  if (facts.hashAtHead === null) {
    const count = Math.max(lost, 1);
    const after = facts.lastPresentId === null ? '日志开头' : `事件 #${facts.lastPresentId}`;
    return {
      ok: false,
      message: `与检查点不符：缺少 ${count} 条事件。检查点记录共 ${checkpoint.count} 条、末尾为事件 #${checkpoint.headId}，该事件已不存在；${after} 之后、#${checkpoint.headId} 及以前的事件已缺失`,
      missing: { count, afterId: facts.lastPresentId, throughId: checkpoint.headId },
    };
  }
  if (facts.hashAtHead !== checkpoint.headHash) {
    return {
      ok: false,
      message: `与检查点不符：事件 #${checkpoint.headId} 的哈希与检查点记录的不同，检查点之前的日志已被改写`,
      missing: null,
    };
  }
  if (lost > 0) {
    return {
      ok: false,
      message: `与检查点不符：检查点之前缺少 ${lost} 条事件（检查点记录 ${checkpoint.count} 条，现存 ${facts.countThroughHead} 条）`,
      missing: { count: lost, afterId: null, throughId: checkpoint.headId },
    };
  }
  if (lost < 0) {
    return {
      ok: false,
      message: `与检查点不符：检查点之前多出 ${-lost} 条事件（检查点记录 ${checkpoint.count} 条，现存 ${facts.countThroughHead} 条）`,
      missing: null,
    };
  }
  return {
    ok: true,
    message: `与检查点一致：截至事件 #${checkpoint.headId} 的 ${checkpoint.count} 条事件均在且未被改动`,
    missing: null,
  };
}

/**
 * The newest of several kept checkpoints: the one that vouches for the most events (the greatest head id, then
 * the greater count, then the later time). An older one never hides a truncated tail that a newer one would catch.
 */
export function pickNewestCheckpoint<T extends CheckpointRef & { createdAt: string }>(
  checkpoints: readonly T[],
): T | null {
  let best: T | null = null;
  for (const c of checkpoints) {
    if (!best) {
      best = c;
      continue;
    }
    const byHead = (c.headId ?? 0) - (best.headId ?? 0);
    const byCount = c.count - best.count;
    if (byHead > 0 || (byHead === 0 && (byCount > 0 || (byCount === 0 && c.createdAt > best.createdAt)))) best = c;
  }
  return best;
}
