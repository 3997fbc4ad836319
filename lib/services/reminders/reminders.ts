/**
 * 催报提醒: plan what is due (lib/domain/reminders), enqueue one outbox message per reminder and configured
 * channel (ON CONFLICT DO NOTHING on the idempotency key), and deliver what is due with retries and back-off.
 * Called by the worker (./reminder-worker.ts) under its database lease; safe to run twice at once all the same:
 * enqueueing is idempotent and claiming skips rows another transaction holds.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { listPeriodLocks } from '@/db/queries/actuals';
import { listIndicatorRows } from '@/db/queries/figures';
import {
  claimMessages,
  enqueueMessages,
  listFigureStates,
  listReminderUsers,
  listTargetYears,
  markAttemptFailed,
  markSent,
  type NewOutboxMessage,
  type OutboxMessage,
} from '@/db/queries/reminders';
import { traitsOf } from '@/lib/domain/kind-traits';
import { currentPeriod } from '@/lib/domain/period';
import { planReminders, retryDelayMs } from '@/lib/domain/reminders';
import { log } from '@/lib/log';
import {
  createEmailChannel,
  createWebhookChannel,
  type Channel,
  type ChannelName,
  type OutgoingMessage,
} from './channels';
import { getReminderChannels, getReminderThresholds, type ReminderChannelsConfig } from './settings';
import { getReportingSettings } from '../admin/settings';

export interface DeliveryOptions {
  /** How long a claim lasts: a message left `sending` longer is taken again (its worker is presumed dead). */
  leaseMs: number;
  /** Attempts before a message is `failed` for good. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  batchSize: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  leaseMs: 120_000,
  maxAttempts: 6,
  backoffBaseMs: 60_000,
  backoffCapMs: 3_600_000,
  batchSize: 50,
};

export function configuredChannelNames(config: ReminderChannelsConfig): ChannelName[] {
  return [...(config.email ? (['email'] as const) : []), ...(config.webhook ? (['webhook'] as const) : [])];
}

/** Plans the reminders due at `now` and enqueues the new ones; nothing when no channel is configured. */
export async function planAndEnqueue(db: Db, now: Date, config?: ReminderChannelsConfig) {
  const channels = config ?? (await getReminderChannels(db));
  const names = configuredChannelNames(channels);
  if (names.length === 0) return { planned: 0, enqueued: [] as string[], withoutAddress: 0 };
  const current = currentPeriod(now);
  const years = [...new Set([current.year - 1, current.year])];
  const [indicators, targetYears, figures, users, locks, thresholds, reporting] = await Promise.all([
    listIndicatorRows(db, {}),
    listTargetYears(db, years),
    listFigureStates(db, years),
    listReminderUsers(db),
    Promise.all(years.map((y) => listPeriodLocks(db, y))).then((all) => all.flat()),
    getReminderThresholds(db),
    getReportingSettings(db),
  ]);
  const planned = new Map<number, number[]>();
  for (const t of targetYears) planned.set(t.indicatorId, [...(planned.get(t.indicatorId) ?? []), t.year]);
  const reminders = planReminders({
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      departmentId: i.departmentId,
      departmentName: i.departmentShortName,
      frequency: i.frequency,
      reported: i.section !== 'review' && traitsOf(i.kind).judged,
      plannedYears: planned.get(i.id) ?? [],
    })),
    figures,
    users,
    lockedPeriods: locks.map((l) => ({ year: l.year, month: l.month })),
    thresholds,
    dueDay: reporting.dueDay,
    now,
  });
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const messages: NewOutboxMessage[] = [];
  let withoutAddress = 0;
  for (const r of reminders) {
    for (const channel of names) {
      const recipient = channel === 'email' ? emails.get(r.userId) : 'webhook';
      if (!recipient) {
        withoutAddress += 1;
        continue;
      }
      messages.push({
        idempotencyKey: `${r.key}:${channel}`,
        channel,
        kind: r.kind,
        year: r.period.year,
        month: r.period.month,
        recipientUserId: r.userId,
        recipientName: r.userName,
        recipient,
        subject: r.subject,
        body: r.body,
        nextAttemptAt: now,
        createdAt: now,
      });
    }
  }
  const enqueued = await enqueueMessages(db, messages);
  return { planned: reminders.length, enqueued, withoutAddress };
}

export function toOutgoing(row: OutboxMessage): OutgoingMessage {
  return {
    idempotencyKey: row.idempotencyKey,
    kind: row.kind,
    recipient: row.recipient,
    recipientName: row.recipientName,
    subject: row.subject,
    body: row.body,
  };
}

export function buildChannels(config: ReminderChannelsConfig): Partial<Record<ChannelName, Channel>> {
  return {
    ...(config.email ? { email: createEmailChannel(config.email) } : {}),
    ...(config.webhook ? { webhook: createWebhookChannel(config.webhook) } : {}),
  };
}

const CHANNEL_LABELS: Record<ChannelName, string> = { email: '电子邮件', webhook: 'Webhook' };

/**
 * Claims the messages due at `now` (one transaction), sends each, and marks it sent — or queues it again after
 * back-off, or `failed` once it has had `maxAttempts`. A crash between sending and marking leaves the claim to
 * expire; the message is then sent again with the same idempotency key (see ./reminder-channels.ts).
 */
export async function deliverDue(
  db: Db,
  now: Date,
  channels: Partial<Record<ChannelName, Channel>>,
  options: DeliveryOptions = DEFAULT_DELIVERY,
): Promise<{ sent: number; retried: number; failed: number }> {
  const token = randomUUID();
  const claimed = await claimMessages(db, { now, leaseMs: options.leaseMs, limit: options.batchSize, token });
  const result = { sent: 0, retried: 0, failed: 0 };
  for (const row of claimed) {
    const channel = channels[row.channel as ChannelName];
    try {
      if (!channel) throw new Error(`「${CHANNEL_LABELS[row.channel as ChannelName] ?? row.channel}」渠道未配置`);
      await channel.send(toOutgoing(row));
      await markSent(db, row.id, token, new Date(Math.max(now.getTime(), Date.now())));
      result.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = row.attempts >= options.maxAttempts;
      const nextAttemptAt = new Date(
        now.getTime() + retryDelayMs(row.attempts, options.backoffBaseMs, options.backoffCapMs),
      );
      await markAttemptFailed(db, row.id, token, {
        status: giveUp ? 'failed' : 'queued',
        nextAttemptAt,
        error: message,
      });
      if (giveUp) result.failed += 1;
      else result.retried += 1;
      log.warn(
        {
          event: 'reminder.send_failed',
          id: row.id,
          channel: row.channel,
          attempts: row.attempts,
          giveUp,
          err: message,
        },
        'reminder not delivered',
      );
    }
  }
  return result;
}

/** One tick of the worker: plan, enqueue, deliver. */
export async function runReminderTick(db: Db, now: Date, options: DeliveryOptions = DEFAULT_DELIVERY) {
  const config = await getReminderChannels(db);
  const planning = await planAndEnqueue(db, now, config);
  const channels = buildChannels(config);
  try {
    const delivery = await deliverDue(db, now, channels, options);
    return { ...planning, ...delivery };
  } finally {
    for (const channel of Object.values(channels)) channel.close?.();
  }
}
