/** /admin/reminders: the outbox as the administrator sees it, and "retry now" for a failed message (audited). */

import { appendAuditEvent } from '@/db/queries/audit-append';
import { countOutbox, getOutboxMessage, listOutbox, requeueFailed, type OutboxMessage } from '@/db/queries/reminders';
import type { OutboxStatus } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { getReminderSettingsView } from './settings';
import { authorize, type ServiceOptions } from '@/lib/services/options';

const LIST_LIMIT = 200;

function toItem(row: OutboxMessage) {
  return {
    id: row.id,
    idempotencyKey: row.idempotencyKey,
    channel: row.channel,
    kind: row.kind,
    period: { year: row.year, month: row.month },
    recipientName: row.recipientName,
    recipient: row.recipient,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
export type OutboxItem = ReturnType<typeof toItem>;

/** GET /api/admin/reminders?status= — counts by status, the latest messages, and which channels are configured. */
export async function getRemindersView(actor: Actor, query: { status?: string }, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'reminder.manage', options);
  const status = (['queued', 'sending', 'sent', 'failed'] as const).find((s) => s === query.status);
  if (query.status && !status)
    throw new AppError('invalid_input', '「状态」应为：待发送、发送中、已发送或失败', { status: ['「状态」无效'] });
  const [counts, rows, settings] = await Promise.all([
    countOutbox(db),
    listOutbox(db, { status: status as OutboxStatus | undefined, limit: LIST_LIMIT }),
    getReminderSettingsView(actor, { db }),
  ]);
  return { counts, status: status ?? null, items: rows.map(toItem), limit: LIST_LIMIT, settings };
}
export type RemindersView = Awaited<ReturnType<typeof getRemindersView>>;

/** POST /api/admin/reminders/{id}/retry — a failed message queued again now with a fresh round of attempts. */
export async function retryReminder(actor: Actor, rawId: number | string, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'reminder.manage', options);
  const id =
    typeof rawId === 'number' && Number.isSafeInteger(rawId) && rawId > 0 && rawId <= 2_147_483_647 ? rawId : null;
  if (id === null) throw new AppError('not_found', '未找到该提醒消息');
  return db.transaction(async (tx) => {
    const before = await getOutboxMessage(tx, id);
    if (!before) throw new AppError('not_found', '未找到该提醒消息');
    const after = await requeueFailed(tx, id, now);
    if (!after) throw new AppError('conflict', '只有发送失败的提醒可以重新发送（该消息当前不是失败状态）');
    await appendAuditEvent(tx, {
      actor,
      action: 'reminder.retry',
      entityType: 'reminder',
      entityId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: {
        status: after.status,
        attempts: after.attempts,
        idempotencyKey: after.idempotencyKey,
        recipient: after.recipientName,
      },
      at: now,
    });
    return toItem(after);
  });
}
