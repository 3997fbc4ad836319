/**
 * The tamper-evident chain on both engines: concurrent writers never fork it, an altered event is named,
 * and removed or rewritten events are caught against a kept checkpoint.
 */
import { expect, it } from 'vitest';
import { queryRows, sql } from '@/db/client';
import { listAuditPage } from '@/db/queries/audit';
import { hashEvent, GENESIS_HASH } from '@/lib/domain/audit-chain';
import { contentOf } from '@/lib/domain/audit-verify';
import { AppError } from '@/lib/errors';
import { createCheckpoint, verifyAuditChain } from '@/lib/services/audit/audit-log';
import { append, asSuperuser, auditor, leader } from '@/scripts/lib/audit-fixtures';
import { forEachEngine } from '@/tests/helpers/test-db';

forEachEngine('audit chain: 200 concurrent writes', (ctx) => {
  it('leave one unforked chain that verifies', async () => {
    const before = (await verifyAuditChain(auditor, {}, { db: ctx.db })).count;
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        append(ctx.db, { entityId: i, after: { value: String(i), 说明: '并发写入' } }),
      ),
    );
    const report = await verifyAuditChain(auditor, {}, { db: ctx.db });
    expect(report).toMatchObject({ ok: true, count: before + 200, firstBreak: null, breakCount: 0 });
    expect(report.message).toContain('审计链完整');
    const [stats] = await queryRows<{ n: number; prevs: number; genesis: number }>(
      ctx.db,
      sql`select count(*)::int as n, count(distinct prev_hash)::int as prevs,
        count(*) filter (where prev_hash = ${GENESIS_HASH})::int as genesis from audit_events`,
    );
    // A fork would show as two events claiming the same predecessor.
    expect(stats).toEqual({ n: before + 200, prevs: before + 200, genesis: 1 });
    const [head] = await listAuditPage(ctx.db, { actor: auditor, filter: {}, limit: 1 });
    expect(report.headId).toBe(head?.id);
    expect(report.headHash).toBe(head?.hash);
  });

  it('verification needs audit.verify', async () => {
    await expect(verifyAuditChain(leader, {}, { db: ctx.db })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

forEachEngine('audit chain: an event altered by a superuser', (ctx) => {
  it('is named by verify, with the reason', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i += 1) ids.push((await append(ctx.db, { entityId: i })).id);
    const victim = ids[5] ?? 0;
    await asSuperuser(ctx.ownerDb, () =>
      ctx.ownerDb.execute(
        sql`update audit_events set after = '{"value": "999", "status": "approved"}' where id = ${victim}`,
      ),
    );
    const report = await verifyAuditChain(auditor, {}, { db: ctx.db });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toEqual({
      id: victim,
      kind: 'hash_mismatch',
      message: `事件 #${victim} 内容被修改（哈希不符）`,
    });
    expect(report.breakCount).toBe(1);
    expect(report.count).toBe(12);
    expect(report.message).toContain(`事件 #${victim} 内容被修改（哈希不符）`);
  });

  it('a checkpoint is refused while the chain does not verify', async () => {
    const error: unknown = await createCheckpoint(auditor, { db: ctx.db }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict' });
  });
});

forEachEngine('audit chain: against a kept checkpoint', (ctx) => {
  it('issues a checkpoint, itself recorded as an audit event', async () => {
    for (let i = 0; i < 10; i += 1) await append(ctx.db, { entityId: i });
    const checkpoint = await createCheckpoint(auditor, { db: ctx.db, now: new Date('2026-01-05T02:00:00Z') });
    expect(checkpoint).toMatchObject({ kind: 'zhuashou.audit-checkpoint', version: 1, count: 10, createdBy: 'shenji' });
    const [event] = await listAuditPage(ctx.db, { actor: auditor, filter: { action: 'audit.checkpoint' }, limit: 1 });
    expect(event?.after).toEqual({ count: 10, headId: checkpoint.headId, headHash: checkpoint.headHash });
    const report = await verifyAuditChain(auditor, { checkpoint }, { db: ctx.db });
    expect(report.ok).toBe(true);
    expect(report.count).toBe(11);
    expect(report.checkpoint?.message).toContain('与检查点一致');
  });

  it('reports the last events missing after they were deleted, though the shortened chain alone still links', async () => {
    const checkpoint = await createCheckpoint(auditor, { db: ctx.db });
    const headId = checkpoint.headId ?? 0;
    // Remove the checkpoint's last three events and everything after them.
    await asSuperuser(ctx.ownerDb, () => ctx.ownerDb.execute(sql`delete from audit_events where id > ${headId - 3}`));
    const alone = await verifyAuditChain(auditor, {}, { db: ctx.db });
    expect(alone.ok).toBe(true);
    const report = await verifyAuditChain(auditor, { checkpoint }, { db: ctx.db });
    expect(report.ok).toBe(false);
    expect(report.checkpoint?.missing).toEqual({ count: 3, afterId: headId - 3, throughId: headId });
    expect(report.message).toContain('缺少 3 条事件');
    expect(report.message).toContain(`#${headId}`);
  });
});

forEachEngine('audit chain: the whole table rewritten by a superuser', (ctx) => {
  it('verifies on its own but not against the checkpoint kept before', async () => {
    for (let i = 0; i < 6; i += 1) await append(ctx.db, { entityId: i, reason: `原因${i}` });
    const checkpoint = await createCheckpoint(auditor, { db: ctx.db });
    const rows = await listAuditPage(ctx.db, { actor: auditor, filter: {}, limit: 100 });
    await asSuperuser(ctx.ownerDb, async () => {
      // Change one reason, then recompute every hash after it: a consistent, forged chain.
      let prev = GENESIS_HASH;
      for (const row of [...rows].reverse()) {
        const reason = row.reason === '原因2' ? '改过的原因' : row.reason;
        const hash = hashEvent({ ...contentOf(row), reason }, prev);
        await ctx.ownerDb.execute(
          sql`update audit_events set reason = ${reason}, prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`,
        );
        prev = hash;
      }
    });
    expect((await verifyAuditChain(auditor, {}, { db: ctx.db })).ok).toBe(true);
    const report = await verifyAuditChain(auditor, { checkpoint }, { db: ctx.db });
    expect(report.ok).toBe(false);
    expect(report.checkpoint?.message).toContain(`事件 #${checkpoint.headId} 的哈希与检查点记录的不同`);
  });

  it('refuses a checkpoint file that is not one', async () => {
    await expect(verifyAuditChain(auditor, { checkpoint: { count: 'x' } }, { db: ctx.db })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
