/**
 * What the user and account services share: the audited update of one user row, the row lock, and the
 * view of a user the audit log records (never the password hash, the TOTP secret or recovery codes).
 */
import type { Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { lockUserForUpdate, updateUserRow, type UserChange, type UserRow } from '@/db/queries/users';
import type { Actor } from '@/lib/domain/actor';
import type { AuditAction } from '@/lib/domain/audit-actions';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { userIdSchema } from '@/lib/validation/users';

/** The fields of a user the audit log records. */
export function auditView(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    role: row.role,
    departmentId: row.departmentId,
    ...(row.unitId !== null ? { unitId: row.unitId } : {}),
    mustChangePassword: row.mustChangePassword,
    totpEnabled: row.totpEnabled,
    isDisabled: row.isDisabled,
    sessionVersion: row.sessionVersion,
    lockedUntil: row.lockedUntil,
  };
}

/** The user row, locked for the rest of the transaction, or AppError('not_found'). */
export async function lockUser(tx: Db, id: number): Promise<UserRow> {
  const row = await lockUserForUpdate(tx, id);
  if (!row) throw new AppError('not_found', '用户不存在');
  return row;
}

/**
 * Applies `change` to the user and appends `action` with before/after, in the caller's transaction. The event is
 * filed under the user's department after the change (before it, when the change leaves none).
 */
export async function updateWithAudit(
  tx: Db,
  actor: Actor,
  before: UserRow,
  action: AuditAction,
  change: UserChange,
): Promise<UserRow> {
  const after = await updateUserRow(tx, before.id, change);
  if (!after) throw new AppError('not_found', '用户不存在');
  await appendAuditEvent(tx, {
    actor,
    action,
    entityType: 'user',
    entityId: before.id,
    departmentId: after.departmentId ?? before.departmentId,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}

/** The acting user's own id; the system actor has no account of its own. */
export function selfId(actor: Actor): number {
  if (actor.id === null) throw new AppError('forbidden', '系统账号没有个人账户设置');
  return actor.id;
}

export function parseUserId(id: unknown): number {
  return parseOrThrow(userIdSchema, { id }).id;
}
