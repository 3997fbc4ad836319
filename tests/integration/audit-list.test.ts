/** The audit list: filters, keyset pagination newest first, and clear 4xx for bad filters or a tampered cursor. */
import { beforeAll, expect, it } from 'vitest';
import { getAuditEvent, listAuditEvents } from '@/lib/services/audit/audit-log';
import { admin, append, auditor, leader, official } from '@/scripts/lib/audit-fixtures';
import { forEachEngine } from '@/tests/helpers/test-db';
import { rejection } from './fixtures/refusals';

process.env.AUTH_SECRET ??= 'audit-list-test-secret';

forEachEngine('audit list', (ctx) => {
  beforeAll(async () => {
    // 30 events over three days of January 2026 (Shanghai time), three actions, two departments.
    for (let i = 0; i < 30; i += 1) {
      await append(ctx.db, {
        actor: i % 2 === 0 ? official : { ...admin, clientAddress: '10.1.1.1' },
        action: (['actual.submit', 'actual.approve', 'department.update'] as const)[i % 3],
        entityType: i % 3 === 2 ? 'department' : 'actual',
        departmentId: i % 2 === 0 ? 1 : 2,
        indicatorId: i % 3 === 2 ? null : 7,
        at: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 10), 2, i)),
      });
    }
  });

  it('pages newest first with a cursor until the end, never repeating an event', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await listAuditEvents(auditor, { limit: '7', ...(cursor ? { cursor } : {}) }, { db: ctx.db });
      seen.push(...result.events.map((e) => e.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toHaveLength(30);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect(new Set(seen).size).toBe(30);
  });

  it('filters by time range (dates in Shanghai time, the end date inclusive), user, role, action prefix, entity, department, indicator', async () => {
    const day2 = await listAuditEvents(auditor, { from: '2026-01-02', to: '2026-01-02' }, { db: ctx.db });
    expect(day2.events).toHaveLength(10);
    const byUser = await listAuditEvents(auditor, { username: 'tianbao', limit: '200' }, { db: ctx.db });
    expect(byUser.events).toHaveLength(15);
    expect(byUser.events.every((e) => e.actorUsername === 'tianbao')).toBe(true);
    expect((await listAuditEvents(auditor, { role: 'admin', limit: '200' }, { db: ctx.db })).events).toHaveLength(15);
    expect((await listAuditEvents(auditor, { action: 'actual.*', limit: '200' }, { db: ctx.db })).events).toHaveLength(
      20,
    );
    const approvals = await listAuditEvents(auditor, { action: 'actual.approve', limit: '200' }, { db: ctx.db });
    expect(approvals.events).toHaveLength(10);
    expect(approvals.events[0]?.actionLabel).toBe('审核通过');
    expect(
      (await listAuditEvents(auditor, { entityType: 'department', limit: '200' }, { db: ctx.db })).events,
    ).toHaveLength(10);
    expect((await listAuditEvents(auditor, { departmentId: '2', limit: '200' }, { db: ctx.db })).events).toHaveLength(
      15,
    );
    expect((await listAuditEvents(auditor, { indicatorId: '7', limit: '200' }, { db: ctx.db })).events).toHaveLength(
      20,
    );
    // Blank fields (an empty form) mean "no filter".
    expect(
      (await listAuditEvents(auditor, { username: '', action: '', limit: '200' }, { db: ctx.db })).events,
    ).toHaveLength(30);
  });

  it('refuses a tampered cursor with 「分页参数无效」', async () => {
    const { nextCursor } = await listAuditEvents(auditor, { limit: '5' }, { db: ctx.db });
    expect(nextCursor).not.toBeNull();
    const [payload, mac] = (nextCursor ?? '').split('.');
    const forged = `${Buffer.from(JSON.stringify({ id: 2 })).toString('base64url')}.${mac}`;
    for (const cursor of [forged, `${payload}.x${mac}`, 'garbage']) {
      const error = await rejection(listAuditEvents(auditor, { cursor }, { db: ctx.db }));
      expect(error).toMatchObject({ status: 400, message: '分页参数无效' });
    }
  });

  it('refuses an inverted range, a bad date and an unknown action, naming the field', async () => {
    const inverted = await rejection(
      listAuditEvents(auditor, { from: '2026-01-03', to: '2026-01-01' }, { db: ctx.db }),
    );
    expect(inverted.status).toBe(400);
    expect(inverted.fieldErrors?.to).toEqual(['「结束时间」应晚于「开始时间」']);
    const badDate = await rejection(listAuditEvents(auditor, { from: '2026-02-30' }, { db: ctx.db }));
    expect(badDate.fieldErrors?.from?.[0]).toContain('「开始时间」');
    const action = await rejection(listAuditEvents(auditor, { action: 'actual.delete_everything' }, { db: ctx.db }));
    expect(action.fieldErrors?.action).toEqual(['「操作」不是已知的操作']);
    const prefix = await rejection(listAuditEvents(auditor, { action: 'nothing.*' }, { db: ctx.db }));
    expect(prefix.status).toBe(400);
  });

  it('opens one event with its before/after and hashes', async () => {
    const { events } = await listAuditEvents(auditor, { limit: '1' }, { db: ctx.db });
    const detail = await getAuditEvent(auditor, String(events[0]?.id), { db: ctx.db });
    expect(detail).toMatchObject({
      before: { value: '10', status: 'draft' },
      after: { value: '12', status: 'submitted' },
    });
    expect(detail.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await rejection(getAuditEvent(auditor, '99999999', { db: ctx.db }))).status).toBe(404);
    expect((await rejection(getAuditEvent(auditor, 'abc', { db: ctx.db }))).status).toBe(400);
  });

  it('is for auditors only', async () => {
    for (const actor of [leader, admin, official]) {
      expect((await rejection(listAuditEvents(actor, {}, { db: ctx.db }))).status).toBe(403);
      expect((await rejection(getAuditEvent(actor, '1', { db: ctx.db }))).status).toBe(403);
    }
  });
});
