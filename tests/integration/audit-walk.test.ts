/**
 * The batched walk over the audit log (verify, exports): every matching event once, in id order, across id gaps
 * left by rolled-back transactions, with filters, up to the head fixed at the start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '@/db/client';
import { iterateAuditEvents } from '@/db/queries/audit';
import { appendAuditEvent } from '@/db/queries/audit-append';
import type { Actor } from '@/lib/domain/actor';

const auditor: Actor = { id: 1, username: 'walk-auditor', role: 'auditor', departmentId: null };
const official: Actor = { id: 2, username: 'walk-official', role: 'official', departmentId: 1 };

describe('walking the audit log in batches', () => {
  let handle: DbHandle;
  const ids: number[] = [];

  beforeAll(async () => {
    handle = await openDatabase({ dir: 'memory://' });
    for (let i = 0; i < 12; i += 1) {
      const append = (tx: typeof handle.db) =>
        appendAuditEvent(tx, {
          actor: official,
          action: i % 3 === 0 ? 'actual.submit' : 'auth.login',
          entityType: 'actual',
          entityId: i,
          before: { i },
          after: { note: `第${i}条` },
        });
      if (i % 4 === 1) {
        // A transaction that rolls back leaves a gap in the ids.
        await handle.db
          .transaction(async (tx) => {
            await append(tx);
            tx.rollback();
          })
          .catch(() => undefined);
      }
      ids.push((await handle.db.transaction((tx) => append(tx))).id);
    }
  });

  afterAll(async () => handle?.close());

  const walk = async (
    filter: Parameters<typeof iterateAuditEvents>[1]['filter'],
    batchSize: number,
    throughId = ids.at(-1) ?? null,
  ) => {
    const seen: { id: number; after: unknown; occurredAt: Date }[] = [];
    for await (const batch of iterateAuditEvents(handle.db, { actor: auditor, filter, throughId, batchSize }))
      seen.push(...batch);
    return seen;
  };

  it('yields every event once, in id order, across gaps, whatever the batch size', async () => {
    expect(new Set(ids.slice(1).map((id, i) => id - (ids[i] ?? 0))).size).toBeGreaterThan(1); // there are gaps
    for (const size of [1, 2, 5, 100]) expect((await walk({}, size)).map((e) => e.id)).toEqual(ids);
    const [first] = await walk({}, 3);
    expect(first).toMatchObject({ after: { note: '第0条' } });
    expect(first?.occurredAt).toBeInstanceOf(Date);
  });

  it('applies the filter and stops at the head it was given', async () => {
    expect((await walk({ action: 'actual.submit' }, 2)).map((e) => e.id)).toEqual(ids.filter((_, i) => i % 3 === 0));
    expect((await walk({}, 4, ids[5])).map((e) => e.id)).toEqual(ids.slice(0, 6));
    expect(await walk({ action: 'no.such' }, 2)).toEqual([]);
  });

  it('shows nothing to a role without the audit permission', async () => {
    const rows = [];
    for await (const batch of iterateAuditEvents(handle.db, {
      actor: official,
      filter: {},
      throughId: ids.at(-1) ?? null,
    }))
      rows.push(...batch);
    expect(rows).toEqual([]);
  });
});
