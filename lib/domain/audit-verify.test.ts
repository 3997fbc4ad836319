import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEvent } from './audit-chain';
import { createRandom } from './random';
import {
  compareWithCheckpoint,
  contentOf,
  createChainVerifier,
  joinBatch,
  pickNewestCheckpoint,
  verifyBatch,
  type StoredAuditEvent,
} from './audit-verify';

function chain(n: number): StoredAuditEvent[] {
  const rows: StoredAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id += 1) {
    const base = {
      id,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, id)),
      actorId: 1,
      actorUsername: 'u',
      actorRole: 'official',
      action: 'actual.submit',
      entityType: 'actual',
      entityId: String(id),
      departmentId: 1,
      indicatorId: 2,
      before: null,
      after: { b: 1, a: [1, 2] },
      reason: null,
      clientAddress: null,
      prevHash: prev,
      hash: '',
    };
    const hash = hashEvent(contentOf(base), prev);
    rows.push({ ...base, hash });
    prev = hash;
  }
  return rows;
}

function verify(rows: StoredAuditEvent[]) {
  const v = createChainVerifier();
  rows.forEach((r) => v.push(r));
  return v.state;
}

describe('createChainVerifier', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verify(chain(5))).toMatchObject({ count: 5, headId: 5, firstBreak: null });
    expect(verify([])).toEqual({ count: 0, headId: null, headHash: GENESIS_HASH, firstBreak: null, breakCount: 0 });
  });

  it('names an altered event once (its successor still links to the stored hash)', () => {
    const rows = chain(5).map((r) => (r.id === 3 ? { ...r, reason: '改' } : r));
    expect(verify(rows)).toMatchObject({ firstBreak: { id: 3, kind: 'hash_mismatch' }, breakCount: 1 });
  });

  it('reports a removed event as a broken link at the next one', () => {
    const rows = chain(5).filter((r) => r.id !== 2);
    expect(verify(rows).firstBreak).toMatchObject({
      id: 3,
      kind: 'broken_link',
      message: expect.stringContaining('可能有事件被删除'),
    });
  });

  it('hashes jsonb-reordered keys the same', () => {
    const rows = chain(2).map((r) => ({ ...r, after: { a: [1, 2], b: 1 } }));
    expect(verify(rows).firstBreak).toBeNull();
  });
});

describe('verifyBatch and joinBatch', () => {
  /** The chain verified in batches of the given sizes, joined in order, as the worker threads do. */
  function verifyInBatches(rows: StoredAuditEvent[], sizes: number[]) {
    const { state } = createChainVerifier();
    let at = 0;
    for (const size of sizes) {
      joinBatch(state, verifyBatch(rows.slice(at, at + size)));
      at += size;
    }
    joinBatch(state, verifyBatch(rows.slice(at)));
    return state;
  }

  it('gives exactly what one verifier gives, for any tampering and any cut into batches', () => {
    const random = createRandom(7);
    for (let round = 0; round < 300; round += 1) {
      let rows = chain(12);
      // Alter, remove or relink a few events, at the edges of batches too.
      for (let k = Math.floor(random() * 4); k > 0; k -= 1) {
        const at = Math.floor(random() * rows.length);
        const choice = random();
        if (choice < 0.4) rows = rows.map((r, i) => (i === at ? { ...r, reason: '改' } : r));
        else if (choice < 0.7) rows = rows.filter((_, i) => i !== at);
        else rows = rows.map((r, i) => (i === at ? { ...r, prevHash: 'f'.repeat(64), reason: '改' } : r));
      }
      const sizes = Array.from({ length: 4 }, () => Math.floor(random() * 5));
      expect(verifyInBatches(rows, sizes)).toEqual(verify(rows));
    }
  });

  it('reports an event whose link and hash are both wrong once, as a broken link, at a batch edge', () => {
    const rows = chain(6).map((r) => (r.id === 4 ? { ...r, prevHash: 'f'.repeat(64), reason: '改' } : r));
    const joined = verifyInBatches(rows, [3]);
    expect(joined).toMatchObject({ firstBreak: { id: 4, kind: 'broken_link' }, breakCount: 1, count: 6, headId: 6 });
    expect(joined).toEqual(verify(rows));
  });

  it('leaves the state as it was for an empty batch', () => {
    const { state } = createChainVerifier();
    joinBatch(state, verifyBatch([]));
    expect(state).toEqual(verify([]));
  });
});

describe('compareWithCheckpoint', () => {
  const checkpoint = { count: 10, headId: 10, headHash: 'h10' };

  it('agrees when the head and everything before it are there', () => {
    expect(compareWithCheckpoint(checkpoint, { hashAtHead: 'h10', countThroughHead: 10, lastPresentId: 10 }).ok).toBe(
      true,
    );
  });

  it('names the missing tail when the head is gone', () => {
    const result = compareWithCheckpoint(checkpoint, { hashAtHead: null, countThroughHead: 7, lastPresentId: 7 });
    expect(result).toMatchObject({ ok: false, missing: { count: 3, afterId: 7, throughId: 10 } });
  });

  it('detects a rewritten head, and events missing or added before it', () => {
    expect(compareWithCheckpoint(checkpoint, { hashAtHead: 'other', countThroughHead: 10, lastPresentId: 10 }).ok).toBe(
      false,
    );
    expect(
      compareWithCheckpoint(checkpoint, { hashAtHead: 'h10', countThroughHead: 9, lastPresentId: 10 }).missing?.count,
    ).toBe(1);
    expect(compareWithCheckpoint(checkpoint, { hashAtHead: 'h10', countThroughHead: 11, lastPresentId: 10 }).ok).toBe(
      false,
    );
  });

  it('a checkpoint of an empty log has nothing to compare', () => {
    expect(
      compareWithCheckpoint(
        { count: 0, headId: null, headHash: GENESIS_HASH },
        { hashAtHead: null, countThroughHead: 0, lastPresentId: null },
      ).ok,
    ).toBe(true);
  });
});

describe('pickNewestCheckpoint', () => {
  const at = (headId: number | null, count: number, createdAt: string) => ({ headId, count, headHash: 'h', createdAt });

  it('takes the checkpoint that covers the most events, whatever the order given', () => {
    const older = at(10, 10, '2026-01-02T00:00:00Z');
    const newer = at(25, 24, '2026-01-01T00:00:00Z');
    expect(pickNewestCheckpoint([older, newer])).toBe(newer);
    expect(pickNewestCheckpoint([newer, older])).toBe(newer);
  });

  it('breaks ties by count, then by time; an empty-log checkpoint loses to any other; none gives null', () => {
    const a = at(5, 5, '2026-01-01T00:00:00Z');
    const b = at(5, 5, '2026-01-03T00:00:00Z');
    expect(pickNewestCheckpoint([b, a])).toBe(b);
    expect(pickNewestCheckpoint([at(null, 0, '2026-02-01T00:00:00Z'), a])).toBe(a);
    expect(pickNewestCheckpoint([])).toBeNull();
  });
});
