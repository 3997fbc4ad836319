/**
 * 三员分立: what another administrator does to an auditor account — grants the role (a new account or a
 * role change), resets its password, switches off its second factor — is shown to every auditor at their
 * next sign-in until each acknowledges it, so the system or security administrator cannot quietly take the
 * auditor's view. Raised inside the transaction of the change (which is also an audit event); the
 * acknowledgement is an audit event too.
 */
import { z } from 'zod';
import { type Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { insertAcknowledgements, insertAuditorAlert, listUnacknowledgedAlerts } from '@/db/queries/auditor-alerts';
import { getUserById, type UserRow } from '@/db/queries/users';
import { can } from '@/lib/domain/permissions';
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { authorize, type ServiceOptions } from '@/lib/services/options';

export const AUDITOR_ALERT_KINDS = {
  role_granted: '被授予审计员角色',
  password_reset: '审计员账号的密码被重置',
  totp_disabled: '审计员账号的双因素认证被关闭',
} as const;
export type AuditorAlertKind = keyof typeof AUDITOR_ALERT_KINDS;

/** An alert as the banner shows it. */
export interface AuditorAlertItem {
  id: number;
  kind: AuditorAlertKind;
  message: string;
  subjectUsername: string;
  actorUsername: string | null;
  clientAddress: string | null;
  createdAt: string;
}

const isAuditorRole = (role: UserRow['role']) => can({ role }, 'audit.view');

/**
 * Raises the alert when `subject` (as it is after the change) is an auditor account; call in the change's
 * transaction. `kind` role_granted is for a user who was not an auditor before.
 */
export async function raiseAuditorAlertIfAuditor(
  tx: Db,
  actor: Actor,
  kind: AuditorAlertKind,
  subject: Pick<UserRow, 'id' | 'username' | 'role'>,
): Promise<void> {
  if (!isAuditorRole(subject.role)) return;
  await insertAuditorAlert(tx, {
    kind,
    subjectUserId: subject.id,
    subjectUsername: subject.username,
    actorUsername: actor.username,
    actorRole: actor.role,
    clientAddress: actor.clientAddress ?? null,
  });
}

function isKind(value: string): value is AuditorAlertKind {
  return Object.hasOwn(AUDITOR_ALERT_KINDS, value);
}

/** The alerts the signed-in auditor has not acknowledged (raised since their account was created). */
export async function listPendingAuditorAlerts(
  actor: Actor,
  options: ServiceOptions = {},
): Promise<AuditorAlertItem[]> {
  const { db } = await authorize(actor, 'audit.view', options);
  if (actor.id === null) return [];
  const me = await getUserById(db, actor.id);
  if (!me) throw new AppError('not_found', '用户不存在');
  const rows = await listUnacknowledgedAlerts(db, actor.id, me.createdAt);
  return rows.map((row) => {
    const kind: AuditorAlertKind = isKind(row.kind) ? row.kind : 'role_granted';
    const who = row.actorUsername ?? '未知';
    return {
      id: row.id,
      kind,
      message: `账号 ${row.subjectUsername}：${AUDITOR_ALERT_KINDS[kind]}（操作人 ${who}）`,
      subjectUsername: row.subjectUsername,
      actorUsername: row.actorUsername,
      clientAddress: row.clientAddress,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

const acknowledgeSchema = z.object({
  ids: z
    .array(
      z.number({ error: '「提醒编号」应为正整数' }).int('「提醒编号」应为正整数').positive('「提醒编号」应为正整数'),
      {
        error: '「提醒编号」应为编号列表',
      },
    )
    .min(1, '请至少选择一条提醒')
    .max(200, '一次最多确认 200 条提醒'),
});

/** POST /api/audit/alerts { ids } — the signed-in auditor acknowledges alerts they were shown; audited. */
export async function acknowledgeAuditorAlerts(
  actor: Actor,
  input: unknown,
  options: ServiceOptions = {},
): Promise<{ acknowledged: number }> {
  const { db, now } = await authorize(actor, 'audit.view', options);
  const auditorId = actor.id;
  if (auditorId === null) throw new AppError('forbidden');
  const { ids } = parseOrThrow(acknowledgeSchema, input);
  const pending = new Set((await listPendingAuditorAlerts(actor, { db: db })).map((alert) => alert.id));
  const unknown = ids.filter((id) => !pending.has(id));
  if (unknown.length > 0) {
    const message = `提醒 ${unknown.slice(0, 5).join('、')} 不存在或已确认`;
    throw new AppError('invalid_input', message, { ids: [message] });
  }
  return db.transaction(async (tx) => {
    const acknowledged = await insertAcknowledgements(tx, auditorId, [...new Set(ids)], now);
    if (acknowledged.length > 0) {
      await appendAuditEvent(tx, {
        actor,
        action: 'audit.alert_acknowledge',
        entityType: 'audit',
        entityId: 'auditor-alerts',
        after: { alertIds: acknowledged },
        at: now,
      });
    }
    return { acknowledged: acknowledged.length };
  });
}
