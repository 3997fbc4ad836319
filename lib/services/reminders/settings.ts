/**
 * Reminder settings (催报提醒): the channels (SMTP e-mail, a JSON webhook for 政务微信/钉钉 bots) and the thresholds.
 * Stored as one settings row; the SMTP password and the webhook address (its query carries the bot's token) are
 * encrypted at rest like the TOTP seeds (lib/auth/data-key.ts) and never shown again. No channel: nothing is sent.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db } from '@/db/client';
import { getUserDisplayName } from '@/db/queries/actuals';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { getSettingRow, putSettingRow, REMINDER_SETTINGS_KEY } from '@/db/queries/settings';
import { openSecret, sealSecret } from '@/lib/auth/data-key';
import type { Actor } from '@/lib/domain/actor';
import { DEFAULT_REMINDER_THRESHOLDS, type ReminderThresholds } from '@/lib/domain/reminders';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { reminderSettingsSchema } from '@/lib/validation/reminders';
import { authorize, type ServiceOptions } from '@/lib/services/options';

/** The same lock as the reporting settings' saves (lib/services/settings.ts). */
const SETTINGS_LOCK_KEY = 7_720_010;

/** What is stored (secrets sealed). Read leniently: anything malformed counts as not configured. */
const storedSchema = z.object({
  email: z
    .object({
      host: z.string(),
      port: z.number(),
      secure: z.boolean(),
      username: z.string(),
      passwordSealed: z.string().nullable(),
      from: z.string(),
    })
    .nullable()
    .catch(null),
  webhook: z.object({ urlSealed: z.string(), urlShown: z.string() }).nullable().catch(null),
  thresholds: z
    .object({
      beforeDays: z.array(z.number().int()),
      reviewerAfterDays: z.number().int(),
      adminAfterDays: z.number().int(),
    })
    .catch(DEFAULT_REMINDER_THRESHOLDS),
});
type StoredReminderSettings = z.output<typeof storedSchema>;

const EMPTY: StoredReminderSettings = { email: null, webhook: null, thresholds: DEFAULT_REMINDER_THRESHOLDS };

export interface SmtpChannelConfig {
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
  from: string;
}

/** The channels as the sender needs them (secrets opened); both absent: nothing is sent. */
export interface ReminderChannelsConfig {
  email: SmtpChannelConfig | null;
  webhook: { url: string } | null;
}

async function readStored(db: Db): Promise<{ stored: StoredReminderSettings; version: string }> {
  const row = await getSettingRow(db, REMINDER_SETTINGS_KEY);
  if (!row) return { stored: EMPTY, version: 'initial' };
  const parsed = storedSchema.safeParse(row.value);
  return { stored: parsed.success ? parsed.data : EMPTY, version: row.updatedAt.toISOString() };
}

/** The thresholds in force (defaults until saved). */
export async function getReminderThresholds(db: Db): Promise<ReminderThresholds> {
  return (await readStored(db)).stored.thresholds;
}

/** The configured channels with their secrets opened, for the worker only (never sent to a browser). */
export async function getReminderChannels(db: Db): Promise<ReminderChannelsConfig> {
  const { stored } = await readStored(db);
  return {
    email: stored.email
      ? { ...stored.email, password: stored.email.passwordSealed ? await openSecret(stored.email.passwordSealed) : '' }
      : null,
    webhook: stored.webhook ? { url: await openSecret(stored.webhook.urlSealed) } : null,
  };
}

/** The address shown on the page: scheme, host and path, never the query (a bot's access token). */
function shownUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
}

/** What the page and the audit log see: no secret, only whether one is set. */
function publicView(stored: StoredReminderSettings) {
  const { passwordSealed, ...email } = stored.email ?? { passwordSealed: null };
  return {
    email: stored.email
      ? {
          ...(email as Omit<NonNullable<StoredReminderSettings['email']>, 'passwordSealed'>),
          hasPassword: passwordSealed !== null,
        }
      : null,
    webhook: stored.webhook ? { url: stored.webhook.urlShown } : null,
    thresholds: stored.thresholds,
    configured: stored.email !== null || stored.webhook !== null,
  };
}

/** GET /api/admin/reminders/settings */
export async function getReminderSettingsView(actor: Actor, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'reminder.manage', options);
  const { stored, version } = await readStored(db);
  return { ...publicView(stored), version };
}
export type ReminderSettingsView = Awaited<ReturnType<typeof getReminderSettingsView>>;

/** PUT /api/admin/reminders/settings — one audit event without secrets; a stale save gets 409. */
export async function updateReminderSettings(
  actor: Actor,
  input: unknown,
  options: ServiceOptions = {},
): Promise<ReminderSettingsView> {
  const { db, now } = await authorize(actor, 'reminder.manage', options);
  const data = parseOrThrow(reminderSettingsSchema, input);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETTINGS_LOCK_KEY})`);
    const { stored: before, version } = await readStored(tx);
    if (version !== data.version) {
      const row = await getSettingRow(tx, REMINDER_SETTINGS_KEY);
      const savedBy = (await getUserDisplayName(tx, row?.updatedBy ?? null)) ?? '他人';
      throw new AppError('conflict', `提醒设置已被${savedBy}修改，请核对后再保存（您填写的内容已保留）`, undefined, {
        savedBy,
      });
    }
    let email: StoredReminderSettings['email'] = null;
    if (data.email) {
      const { password, ...rest } = data.email;
      const passwordSealed = password ? await sealSecret(password) : (before.email?.passwordSealed ?? null);
      if (rest.username && passwordSealed === null) {
        throw new AppError('invalid_input', '填写了「SMTP 用户名」时须填写「SMTP 密码」', {
          'email.password': ['填写了「SMTP 用户名」时须填写「SMTP 密码」'],
        });
      }
      email = { ...rest, passwordSealed };
    }
    let webhook: StoredReminderSettings['webhook'] = null;
    if (data.webhook) {
      const url = data.webhook.url;
      if (url) webhook = { urlSealed: await sealSecret(url), urlShown: shownUrl(url) };
      else if (before.webhook) webhook = before.webhook;
      else throw new AppError('invalid_input', '请填写「Webhook 地址」', { 'webhook.url': ['请填写「Webhook 地址」'] });
    }
    const thresholds = {
      beforeDays: [...data.beforeDays].sort((a, b) => b - a),
      reviewerAfterDays: data.reviewerAfterDays,
      adminAfterDays: data.adminAfterDays,
    };
    const after: StoredReminderSettings = { email, webhook, thresholds };
    await putSettingRow(tx, REMINDER_SETTINGS_KEY, after, actor.id, now);
    await appendAuditEvent(tx, {
      actor,
      action: 'settings.update',
      entityType: 'settings',
      entityId: 'reminders',
      before: publicView(before),
      after: {
        ...publicView(after),
        passwordChanged: Boolean(data.email?.password),
        webhookChanged: Boolean(data.webhook?.url),
      },
      at: now,
    });
    return { ...publicView(after), version: now.toISOString() };
  });
}
