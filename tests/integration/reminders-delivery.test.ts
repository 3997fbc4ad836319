/**
 * 催报提醒 delivery: each message once even when a worker dies mid-delivery (claimed, then killed before sending; or
 * killed after sending, before marking), failures retried with back-off then listed as failed, "retry now"
 * (admin only, audited), and one worker at a time through the database lease.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { claimMessages, enqueueMessages, getOutboxMessage, markSent } from '@/db/queries/reminders';
import { auditEvents, reminderOutbox } from '@/db/schema';
import { getRemindersView, retryReminder } from '@/lib/services/reminders/admin';
import { getReminderChannels, updateReminderSettings } from '@/lib/services/reminders/settings';
import { createReminderWorker } from '@/lib/services/reminders/worker';
import { createEmailChannel } from '@/lib/services/reminders/channels';
import { buildChannels, deliverDue, toOutgoing, type DeliveryOptions } from '@/lib/services/reminders/reminders';
import { forEachEngine } from '../helpers/test-db';
import { expectError } from './fixtures/refusals';
import {
  noon,
  seedReminderWorld,
  settingsInput,
  reminderReceiversPerFile,
  type ReminderWorld,
} from './reminder-fixtures';

const OPTIONS: DeliveryOptions = {
  leaseMs: 60_000,
  maxAttempts: 3,
  backoffBaseMs: 1_000,
  backoffCapMs: 10_000,
  batchSize: 50,
};
const T0 = noon('2026-12-02');
const later = (ms: number) => new Date(T0.getTime() + ms);

const receivers = reminderReceiversPerFile();

forEachEngine('reminders: delivery', (ctx) => {
  let w: ReminderWorld;
  const channels = async () => buildChannels(await getReminderChannels(ctx.db));
  const message = (key: string, channel: 'email' | 'webhook') => ({
    idempotencyKey: key,
    channel,
    kind: 'due_soon',
    year: 2026,
    month: 11,
    recipientName: '测试收件人',
    recipient: channel === 'email' ? 'someone@example.gov.cn' : 'webhook',
    subject: `【填报提醒】${key}`,
    body: '正文',
    nextAttemptAt: T0,
    createdAt: T0,
  });

  beforeAll(async () => {
    w = await seedReminderWorld(ctx.db, 'd');
    await updateReminderSettings(w.admin, settingsInput(receivers.smtp.port, receivers.hook.url, 'initial'), {
      db: ctx.db,
    });
  });

  it('enqueueing the same key twice keeps one message', async () => {
    expect(await enqueueMessages(ctx.db, [message('k:dup:email', 'email')])).toEqual(['k:dup:email']);
    expect(await enqueueMessages(ctx.db, [message('k:dup:email', 'email')])).toEqual([]);
    expect(
      await ctx.db.select().from(reminderOutbox).where(eq(reminderOutbox.idempotencyKey, 'k:dup:email')),
    ).toHaveLength(1);
    await ctx.db.delete(reminderOutbox);
  });

  it('a worker killed after claiming, before sending: nobody else takes it until the lease expires, then it goes once', async () => {
    receivers.smtp.clear();
    await enqueueMessages(ctx.db, [message('k:crash-before-send:email', 'email')]);
    const [claimed] = await claimMessages(ctx.db, { now: T0, leaseMs: OPTIONS.leaseMs, limit: 10, token: 'worker-a' });
    expect(claimed).toMatchObject({ status: 'sending', attempts: 1, claimToken: 'worker-a' });
    // …worker A dies here. Worker B, within the lease: nothing to take.
    expect(await deliverDue(ctx.db, later(30_000), await channels(), OPTIONS)).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(receivers.smtp.deliveries).toHaveLength(0);
    // After the lease: B sends it, with the message's own key.
    expect((await deliverDue(ctx.db, later(61_000), await channels(), OPTIONS)).sent).toBe(1);
    expect(receivers.smtp.deliveries.map((d) => d.idempotencyKey)).toEqual(['k:crash-before-send:email']);
    expect(await getOutboxMessage(ctx.db, claimed?.id ?? -1)).toMatchObject({
      status: 'sent',
      attempts: 2,
      claimToken: null,
    });
    // Worker A, were it to come back, cannot mark what B took over.
    expect(await markSent(ctx.db, claimed?.id ?? -1, 'worker-a', later(62_000))).toBe(false);
  });

  it('a worker killed after sending, before marking: the retry carries the same key, so the receiver sees one message', async () => {
    receivers.smtp.clear();
    receivers.hook.clear();
    await enqueueMessages(ctx.db, [
      message('k:crash-after-send:email', 'email'),
      message('k:crash-after-send:webhook', 'webhook'),
    ]);
    const claimed = await claimMessages(ctx.db, { now: T0, leaseMs: OPTIONS.leaseMs, limit: 10, token: 'worker-a' });
    expect(claimed).toHaveLength(2);
    const live = await channels();
    for (const row of claimed) await live[row.channel as 'email' | 'webhook']?.send(toOutgoing(row));
    // …worker A dies before markSent. After the lease, worker B delivers again.
    expect((await deliverDue(ctx.db, later(61_000), await channels(), OPTIONS)).sent).toBe(2);
    expect(receivers.smtp.deliveries).toHaveLength(2);
    expect(new Set(receivers.smtp.deliveries.map((d) => d.messageId)).size).toBe(1);
    expect(receivers.smtp.logical()).toHaveLength(1);
    expect(receivers.smtp.deliveries[0]?.messageId).toMatch(/^<[0-9a-f]{40}@reminders\.zhuashou>$/);
    expect(receivers.hook.deliveries.map((d) => d.idempotencyKey)).toEqual([
      'k:crash-after-send:webhook',
      'k:crash-after-send:webhook',
    ]);
    expect(receivers.hook.deliveries[0]?.body).toEqual(receivers.hook.deliveries[1]?.body);
    expect(receivers.hook.logical()).toHaveLength(1);
  });

  it('an unreachable SMTP server and a wrong SMTP password are failed attempts, retried with the error kept', async () => {
    await ctx.db.delete(reminderOutbox);
    await enqueueMessages(ctx.db, [message('k:smtp-down:email', 'email')]);
    const config = (await getReminderChannels(ctx.db)).email;
    if (!config) throw new Error('e-mail not configured');
    const down = createEmailChannel({ ...config, port: 1 });
    expect(await deliverDue(ctx.db, T0, { email: down }, OPTIONS)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [afterDown] = await ctx.db.select().from(reminderOutbox);
    expect(afterDown?.lastError).toMatch(/ECONNREFUSED|connect/i);
    const wrongPassword = createEmailChannel({ ...config, password: 'wrong' });
    expect(await deliverDue(ctx.db, later(1_000), { email: wrongPassword }, OPTIONS)).toEqual({
      sent: 0,
      retried: 1,
      failed: 0,
    });
    const [afterAuth] = await ctx.db.select().from(reminderOutbox);
    expect(afterAuth).toMatchObject({ status: 'queued', attempts: 2 });
    expect(afterAuth?.lastError).toMatch(/Invalid login|535|Invalid username/i);
    await ctx.db.delete(reminderOutbox);
  });

  it('a failing webhook is retried with doubling back-off, then listed as failed with its error', async () => {
    receivers.hook.clear();
    receivers.hook.state.failWith = 500;
    await ctx.db.delete(reminderOutbox);
    await enqueueMessages(ctx.db, [message('k:fails:webhook', 'webhook')]);
    const live = await channels();
    expect(await deliverDue(ctx.db, T0, live, OPTIONS)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [first] = await ctx.db.select().from(reminderOutbox);
    expect(first).toMatchObject({ status: 'queued', attempts: 1 });
    expect(first?.nextAttemptAt.getTime()).toBe(T0.getTime() + 1_000);
    expect(first?.lastError).toContain('HTTP 500');
    // Not before its time.
    expect(await deliverDue(ctx.db, later(999), live, OPTIONS)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverDue(ctx.db, later(1_000), live, OPTIONS)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [second] = await ctx.db.select().from(reminderOutbox);
    expect(second?.nextAttemptAt.getTime()).toBe(T0.getTime() + 1_000 + 2_000);
    expect(await deliverDue(ctx.db, later(2_999), live, OPTIONS)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverDue(ctx.db, later(3_000), live, OPTIONS)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await deliverDue(ctx.db, later(3_600_000), live, OPTIONS)).toEqual({ sent: 0, retried: 0, failed: 0 });
    const view = await getRemindersView(w.admin, { status: 'failed' }, { db: ctx.db });
    expect(view.counts.failed).toBe(1);
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({
      status: 'failed',
      attempts: 3,
      recipientName: '测试收件人',
      kind: 'due_soon',
    });
    expect(view.items[0]?.lastError).toContain('HTTP 500');
    expect(view.settings.configured).toBe(true);
    expect(receivers.hook.deliveries).toHaveLength(0);
  });

  it('"retry now" (admin only, audited) queues the failed message again; it then goes once', async () => {
    const [failed] = await ctx.db.select().from(reminderOutbox).where(eq(reminderOutbox.status, 'failed'));
    const id = failed?.id ?? -1;
    await expectError(retryReminder(w.offA1, id, { db: ctx.db }), 'forbidden');
    await expectError(retryReminder(w.leader, id, { db: ctx.db }), 'forbidden');
    await expectError(getRemindersView(w.revA, {}, { db: ctx.db }), 'forbidden');
    await expectError(retryReminder(w.admin, 999_999, { db: ctx.db }), 'not_found');
    const retried = await retryReminder(w.admin, id, { db: ctx.db, now: later(4_000_000) });
    expect(retried).toMatchObject({ status: 'queued', attempts: 0 });
    await expectError(retryReminder(w.admin, id, { db: ctx.db }), 'conflict');
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'reminder.retry'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: w.admin.id, entityType: 'reminder', entityId: String(id) });
    receivers.hook.state.failWith = 0;
    expect((await deliverDue(ctx.db, later(4_000_000), await channels(), OPTIONS)).sent).toBe(1);
    expect(receivers.hook.deliveries.map((d) => d.idempotencyKey)).toEqual(['k:fails:webhook']);
  });

  it('one worker at a time: the lease goes to another instance only once it has expired, or is given back', async () => {
    const clock = { now: T0 };
    const make = (holder: string) =>
      createReminderWorker({
        db: async () => ctx.db,
        intervalMs: 1_000,
        clock: () => clock.now,
        delivery: OPTIONS,
        holder,
      });
    const a = make('instance-a');
    const b = make('instance-b');
    expect(await a.tick()).toBe('ran');
    expect(await b.tick()).toBe('not_leader');
    expect(await a.tick()).toBe('ran');
    clock.now = later(3_001); // A's lease (3 intervals) has run out: A is presumed dead.
    expect(await b.tick()).toBe('ran');
    expect(await a.tick()).toBe('not_leader');
    await b.stop(); // a clean stop gives it back at once
    expect(await a.tick()).toBe('ran');
    await a.stop();
  });
});
