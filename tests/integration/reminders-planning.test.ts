/**
 * 催报提醒 end to end against a local SMTP server and a local webhook on loopback: the settings (validated, secrets
 * sealed, admin only), nothing sent without a channel, and the right people on the right days, once each.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, reminderOutbox, settings } from '@/db/schema';
import { getReminderSettingsView, updateReminderSettings } from '@/lib/services/reminders/settings';
import { runReminderTick } from '@/lib/services/reminders/reminders';
import { forEachEngine } from '../helpers/test-db';
import { expectError } from './fixtures/refusals';
import {
  noon,
  seedReminderWorld,
  settingsInput,
  SMTP_PASS,
  reminderReceiversPerFile,
  type ReminderWorld,
} from './reminder-fixtures';

const receivers = reminderReceiversPerFile();

forEachEngine('reminders: settings and planning', (ctx) => {
  let w: ReminderWorld;
  beforeAll(async () => {
    w = await seedReminderWorld(ctx.db, 'p');
    receivers.smtp.clear();
    receivers.hook.clear();
  });

  const mailTo = () => receivers.smtp.deliveries.map((d) => d.to.join(',')).sort();
  const hookKeys = () => receivers.hook.deliveries.map((d) => d.idempotencyKey).sort();

  it('with no channel configured nothing is planned, enqueued or sent, even on a reminder day', async () => {
    const result = await runReminderTick(ctx.db, noon('2026-12-02'));
    expect(result).toMatchObject({ planned: 0, enqueued: [], sent: 0 });
    expect(await ctx.db.select().from(reminderOutbox)).toEqual([]);
    expect((await getReminderSettingsView(w.admin, { db: ctx.db })).configured).toBe(false);
  });

  it('refuses bad settings with a Chinese message per field and stores nothing; only the admin may save', async () => {
    const bad = {
      email: { host: 'smtp example', port: 70000, secure: 'yes', username: '', from: 'not-an-address' },
      webhook: { url: 'ftp://bot.example/x' },
      beforeDays: [3, 3],
      reviewerAfterDays: 6,
      adminAfterDays: 2,
      version: 'initial',
    };
    const error = await expectError(updateReminderSettings(w.admin, bad, { db: ctx.db }), 'invalid_input');
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual([
      'beforeDays',
      'email.from',
      'email.host',
      'email.port',
      'email.secure',
      'webhook.url',
    ]);
    expect(error.fieldErrors?.['email.port']).toEqual(['「SMTP 端口」应为 1–65535 的整数']);
    const order = await expectError(
      updateReminderSettings(
        w.admin,
        { ...settingsInput(1, null, 'initial'), reviewerAfterDays: 6, adminAfterDays: 2 },
        { db: ctx.db },
      ),
      'invalid_input',
      'adminAfterDays',
    );
    expect(order.message).toContain('不能早于');
    const { password: _none, ...noPassword } = settingsInput(1, null, 'initial').email;
    const missing = await expectError(
      updateReminderSettings(w.admin, { ...settingsInput(1, null, 'initial'), email: noPassword }, { db: ctx.db }),
      'invalid_input',
      'email.password',
    );
    expect(missing.message).toBe('填写了「SMTP 用户名」时须填写「SMTP 密码」');
    await expectError(updateReminderSettings(w.offA1, settingsInput(1, null, 'initial'), { db: ctx.db }), 'forbidden');
    await expectError(updateReminderSettings(w.leader, settingsInput(1, null, 'initial'), { db: ctx.db }), 'forbidden');
    expect(await ctx.db.select().from(settings).where(eq(settings.key, 'reminders'))).toEqual([]);
  });

  it('saves the channels with the SMTP password and the bot address sealed, shown only as set, audited without them', async () => {
    const saved = await updateReminderSettings(
      w.admin,
      settingsInput(receivers.smtp.port, receivers.hook.url, 'initial'),
      { db: ctx.db },
    );
    expect(saved.configured).toBe(true);
    expect(saved.email).toMatchObject({ host: '127.0.0.1', port: receivers.smtp.port, hasPassword: true });
    expect(saved.webhook?.url).toBe(`http://127.0.0.1:${receivers.hook.port}/cgi-bin/webhook/send?…`);
    const [row] = await ctx.db.select().from(settings).where(eq(settings.key, 'reminders'));
    expect(JSON.stringify(row?.value)).not.toContain(SMTP_PASS);
    expect(JSON.stringify(row?.value)).not.toContain('bot-token-123');
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, 'reminders'));
    expect(events.map((e) => e.action)).toEqual(['settings.update']);
    expect(JSON.stringify(events)).not.toContain(SMTP_PASS);
    expect(JSON.stringify(events)).not.toContain('bot-token-123');
    // A stale form is refused; saving again without a password keeps the stored one.
    await expectError(
      updateReminderSettings(w.admin, settingsInput(receivers.smtp.port, receivers.hook.url, 'initial'), {
        db: ctx.db,
      }),
      'conflict',
    );
    const { password: _omitted, ...withoutPassword } = settingsInput(receivers.smtp.port, null, saved.version).email;
    const again = await updateReminderSettings(
      w.admin,
      { ...settingsInput(receivers.smtp.port, '', saved.version), email: withoutPassword, webhook: { url: '' } },
      { db: ctx.db },
    );
    expect(again.email?.hasPassword).toBe(true);
    expect(again.webhook?.url).toBe(saved.webhook?.url);
  });

  it('4 days before the deadline (1 December): nobody', async () => {
    const result = await runReminderTick(ctx.db, new Date('2026-12-01T15:59:00Z'));
    expect(result.planned).toBe(0);
    expect(receivers.smtp.deliveries).toEqual([]);
  });

  it('3 days before (2 December): RA’s officials by e-mail (the one without an address by webhook only); RB is done', async () => {
    const result = await runReminderTick(ctx.db, noon('2026-12-02'));
    expect(result).toMatchObject({ planned: 3, sent: 5, retried: 0, failed: 0 });
    expect(mailTo()).toEqual(['poffa1@example.gov.cn', 'poffa2@example.gov.cn']);
    expect(hookKeys()).toEqual([
      `due_soon:2026-11:${w.offA1.id}:before3:webhook`,
      `due_soon:2026-11:${w.offA2.id}:before3:webhook`,
      `due_soon:2026-11:${w.offA3.id}:before3:webhook`,
    ]);
    const mail = receivers.smtp.deliveries.find((d) => d.to[0] === 'poffa1@example.gov.cn');
    expect(mail?.idempotencyKey).toBe(`due_soon:2026-11:${w.offA1.id}:before3:email`);
    expect(mail?.from).toBe('cuiban@example.gov.cn');
    const text = receivers.hook.deliveries[0]?.body.text.content ?? '';
    expect(text).toContain('【填报提醒】2026年11月数据将于2026年12月5日截止');
    expect(text).toContain('pA1 指标A1');
    expect(text).toContain('还有 3 天');
  });

  it('ticking again the same day, or the next (catch-up with the same key), sends nothing new', async () => {
    for (const at of [noon('2026-12-02'), noon('2026-12-03')]) {
      const result = await runReminderTick(ctx.db, at);
      expect(result.enqueued).toEqual([]);
      expect(result.sent).toBe(0);
    }
    expect(receivers.smtp.deliveries).toHaveLength(2);
    expect(receivers.hook.deliveries).toHaveLength(3);
  });

  it('1 day before (Friday 4 December) the officials again; the due day itself (Saturday) nothing new', async () => {
    receivers.smtp.clear();
    receivers.hook.clear();
    expect((await runReminderTick(ctx.db, noon('2026-12-04'))).sent).toBe(5);
    expect((await runReminderTick(ctx.db, noon('2026-12-05'))).sent).toBe(0);
    expect(receivers.smtp.deliveries.every((d) => d.idempotencyKey.includes(':before1:'))).toBe(true);
  });

  it('overdue by 1 day nobody; by 2 days the officials and RA’s reviewer, not RB’s', async () => {
    receivers.smtp.clear();
    expect((await runReminderTick(ctx.db, noon('2026-12-06'))).planned).toBe(0);
    await runReminderTick(ctx.db, noon('2026-12-07'));
    expect(mailTo()).toEqual(['poffa1@example.gov.cn', 'poffa2@example.gov.cn', 'preva@example.gov.cn']);
    expect(receivers.smtp.deliveries.find((d) => d.to[0] === 'preva@example.gov.cn')?.idempotencyKey).toBe(
      `escalation:2026-11:${w.revA.id}:after2:email`,
    );
  });

  it('overdue by 5 days the admin gets the city list; leaders and officials nothing', async () => {
    receivers.smtp.clear();
    await runReminderTick(ctx.db, noon('2026-12-10'));
    expect(mailTo()).toEqual(['padmin@example.gov.cn']);
    expect(receivers.smtp.deliveries[0]?.idempotencyKey).toBe(`admin_digest:2026-11:${w.admin.id}:after5:email`);
  });
});
