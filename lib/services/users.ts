/**
 * Users: an administrator's use cases (create, change, disable, reset, unlock, list) and a user's own
 * account (password, sign-out everywhere, TOTP). Every write checks the permission, parses with zod and
 * runs one transaction that also appends its audit event. Audit before/after never hold the password
 * hash, the TOTP secret or the recovery codes. The optional last `db` lets scripts and tests pass a handle.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import QRCode from 'qrcode';
import { getDb, type Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { departments, users } from '@/db/schema';
import { hashPassword, generatePassword, verifyPassword } from '@/lib/auth/password';
import { can, requiresDepartment } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/require-permission';
import { createRecoveryCodes, createTotpSecret, totpUri, verifyTotp } from '@/lib/auth/totp';
import type { Actor } from '@/lib/domain/actor';
import { ROLES, type Role } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';
import { parseOrThrow, throwIfFieldErrors } from '@/lib/validation/parse';
import {
  changeOwnPasswordSchema,
  createUserSchema,
  departmentRuleMessage,
  passwordIssues,
  setUserDisabledSchema,
  totpCodeSchema,
  updateUserSchema,
  userIdSchema,
} from '@/lib/validation/users';

type UserRow = typeof users.$inferSelect;

/** A user as the admin pages see it: no hash, no secret, no recovery codes. */
export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  isDisabled: boolean;
  isLocked: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  passwordChangedAt: Date | null;
  createdAt: Date;
}

/** Roles that administer users: the last active holder of one may not be demoted or disabled. */
const MANAGER_ROLES: Role[] = ROLES.filter((role) => can({ role }, 'user.manage'));

const isManager = (row: Pick<UserRow, 'role'>) => can({ role: row.role }, 'user.manage');

/** The fields of a user the audit log records. */
function auditView(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    departmentId: row.departmentId,
    mustChangePassword: row.mustChangePassword,
    totpEnabled: row.totpEnabled,
    isDisabled: row.isDisabled,
    sessionVersion: row.sessionVersion,
    lockedUntil: row.lockedUntil,
  };
}

const summaryColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  departmentId: users.departmentId,
  departmentCode: departments.code,
  departmentName: departments.name,
  mustChangePassword: users.mustChangePassword,
  totpEnabled: users.totpEnabled,
  isDisabled: users.isDisabled,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  passwordChangedAt: users.passwordChangedAt,
  createdAt: users.createdAt,
};

async function selectSummaries(db: Db, id?: number): Promise<UserSummary[]> {
  const now = new Date();
  const rows = await db
    .select(summaryColumns)
    .from(users)
    .leftJoin(departments, eq(users.departmentId, departments.id))
    .where(id === undefined ? undefined : eq(users.id, id))
    .orderBy(asc(users.id));
  return rows.map((row) => ({ ...row, isLocked: row.lockedUntil !== null && row.lockedUntil > now }));
}

/** The user row, locked for the rest of the transaction, or AppError('not_found'). */
async function lockUser(tx: Db, id: number): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!row) throw new AppError('not_found', '用户不存在');
  return row;
}

/**
 * Locks every active user administrator (in id order, so two concurrent demotions queue instead of
 * deadlocking) and returns their ids. Take it before lockUser in transactions that may remove one.
 */
async function lockActiveManagers(tx: Db): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, MANAGER_ROLES), eq(users.isDisabled, false)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((row) => row.id);
}

function assertNotLastManager(activeManagers: number[], userId: number, message: string): void {
  if (activeManagers.filter((id) => id !== userId).length === 0) throw new AppError('conflict', message);
}

/** The department's id for a code typed in a user form; unknown or (newly chosen and) inactive is refused. */
async function resolveDepartment(tx: Db, code: string, currentId: number | null): Promise<number> {
  const [row] = await tx
    .select({ id: departments.id, name: departments.name, isActive: departments.isActive })
    .from(departments)
    .where(eq(departments.code, code));
  if (!row) throw departmentError(`「所属单位」不存在：${code}`);
  if (!row.isActive && row.id !== currentId) throw departmentError(`「所属单位」已停用：${row.name}`);
  return row.id;
}

function departmentError(message: string): AppError {
  return new AppError('invalid_input', message, { departmentCode: [message] });
}

function selfId(actor: Actor): number {
  if (actor.id === null) throw new AppError('forbidden', '系统账号没有个人账户设置');
  return actor.id;
}

function parseUserId(id: unknown): number {
  return parseOrThrow(userIdSchema, { id }).id;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

const USERNAME_TAKEN = () => new AppError('conflict', '用户名已存在', { username: ['该「用户名」已被使用'] });

/** Creates a user (default: must change the password at first sign-in). */
export async function createUser(actor: Actor, input: unknown, db?: Db): Promise<{ id: number; username: string }> {
  requirePermission(actor, 'user.manage');
  const data = parseOrThrow(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  const conn = db ?? (await getDb());
  try {
    return await conn.transaction(async (tx) => {
      // Case-insensitive: "Admin" beside "admin" would be two accounts a person cannot tell apart.
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.username}) = lower(${data.username})`);
      if (taken) throw USERNAME_TAKEN();
      const departmentId = data.departmentCode ? await resolveDepartment(tx, data.departmentCode, null) : null;
      const [row] = await tx
        .insert(users)
        .values({
          username: data.username,
          displayName: data.displayName,
          role: data.role,
          departmentId,
          passwordHash,
          mustChangePassword: data.mustChangePassword,
          passwordChangedAt: new Date(),
        })
        .returning();
      if (!row) throw new Error('user insert returned no row');
      await appendAuditEvent(tx, {
        actor,
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        departmentId: row.departmentId,
        after: auditView(row),
      });
      return { id: row.id, username: row.username };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw USERNAME_TAKEN();
    throw error;
  }
}

/** Changes name, role or department; a role or department change ends the user's sessions. */
export async function updateUser(actor: Actor, id: unknown, input: unknown, db?: Db): Promise<UserSummary> {
  requirePermission(actor, 'user.manage');
  const userId = parseUserId(id);
  const data = parseOrThrow(updateUserSchema, input);
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
    const activeManagers = await lockActiveManagers(tx);
    const before = await lockUser(tx, userId);
    const role = data.role ?? before.role;
    if (role !== before.role && actor.id === before.id) throw new AppError('forbidden', '不能修改自己的角色');
    // Absent: keep the department if the (new) role has one; a role without departments drops it.
    const keepsDepartment = data.departmentCode === undefined && requiresDepartment(role) && before.departmentId !== null;
    const departmentMessage = departmentRuleMessage(role, keepsDepartment || Boolean(data.departmentCode));
    if (departmentMessage) throw departmentError(departmentMessage);
    const departmentId = data.departmentCode
      ? await resolveDepartment(tx, data.departmentCode, before.departmentId)
      : keepsDepartment
        ? before.departmentId
        : null;
    if (isManager(before) && !before.isDisabled && !isManager({ role })) {
      assertNotLastManager(activeManagers, before.id, '不能更改最后一个有效系统管理员的角色，请先指定另一位系统管理员');
    }
    const revokesSessions = role !== before.role || departmentId !== before.departmentId;
    const displayName = data.displayName ?? before.displayName;
    if (!revokesSessions && displayName === before.displayName) return;
    const [after] = await tx
      .update(users)
      .set({
        displayName,
        role,
        departmentId,
        updatedAt: new Date(),
        ...(revokesSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, userId))
      .returning();
    if (!after) throw new Error('user update returned no row');
    await appendAuditEvent(tx, {
      actor,
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      departmentId: after.departmentId ?? before.departmentId,
      before: auditView(before),
      after: auditView(after),
    });
  });
  const [summary] = await selectSummaries(conn, userId);
  if (!summary) throw new AppError('not_found', '用户不存在');
  return summary;
}

/** Disables (ends every session, refuses sign-in) or re-enables a user. */
export async function setUserDisabled(actor: Actor, id: unknown, disabled: unknown, db?: Db): Promise<void> {
  requirePermission(actor, 'user.manage');
  const data = parseOrThrow(setUserDisabledSchema, { id, disabled });
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
    const activeManagers = await lockActiveManagers(tx);
    const before = await lockUser(tx, data.id);
    if (before.isDisabled === data.disabled) return;
    if (data.disabled) {
      if (actor.id === before.id) throw new AppError('forbidden', '不能停用自己的账号');
      if (isManager(before)) {
        assertNotLastManager(activeManagers, before.id, '不能停用最后一个有效的系统管理员，请先指定另一位系统管理员');
      }
    }
    await updateWithAudit(tx, actor, before, data.disabled ? 'user.disable' : 'user.enable', {
      isDisabled: data.disabled,
      sessionVersion: sql`${users.sessionVersion} + 1`,
    });
  });
}

/** A new one-time password (shown once): must be changed at next sign-in; ends sessions; clears a lockout. */
export async function resetPassword(actor: Actor, id: unknown, db?: Db): Promise<{ password: string }> {
  requirePermission(actor, 'user.manage');
  const userId = parseUserId(id);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    await updateWithAudit(tx, actor, before, 'user.reset_password', {
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: new Date(),
      sessionVersion: sql`${users.sessionVersion} + 1`,
      failedAttempts: 0,
      firstFailedAt: null,
      lockedUntil: null,
    });
  });
  return { password };
}

/** Lifts a sign-in lockout before it expires. */
export async function unlockUser(actor: Actor, id: unknown, db?: Db): Promise<void> {
  requirePermission(actor, 'user.manage');
  const userId = parseUserId(id);
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    await updateWithAudit(tx, actor, before, 'user.unlock', { failedAttempts: 0, firstFailedAt: null, lockedUntil: null });
  });
}

async function updateWithAudit(
  tx: Db,
  actor: Actor,
  before: UserRow,
  action: string,
  change: PgUpdateSetSource<typeof users>,
): Promise<UserRow> {
  const [after] = await tx
    .update(users)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(users.id, before.id))
    .returning();
  if (!after) throw new AppError('not_found', '用户不存在');
  await appendAuditEvent(tx, {
    actor,
    action,
    entityType: 'user',
    entityId: before.id,
    departmentId: before.departmentId,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}

/** The signed-in user changes their own password; their session stays valid. */
export async function changeOwnPassword(actor: Actor, input: unknown, db?: Db): Promise<void> {
  const userId = selfId(actor);
  const data = parseOrThrow(changeOwnPasswordSchema, input);
  const conn = db ?? (await getDb());
  const [user] = await conn.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('not_found', '用户不存在');
  const newProblems = passwordIssues(data.newPassword, user.username);
  if (data.newPassword === data.currentPassword) newProblems.push('「新密码」不能与当前密码相同');
  const currentIsRight = await verifyPassword(user.passwordHash, data.currentPassword);
  throwIfFieldErrors({ currentPassword: currentIsRight ? [] : ['「当前密码」不正确'], newPassword: newProblems });
  const passwordHash = await hashPassword(data.newPassword);
  await conn.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    // Changed meanwhile (an administrator's reset): the current password we verified is no longer current.
    if (before.passwordHash !== user.passwordHash) throw new AppError('conflict', '密码刚被修改过，请重新输入当前密码');
    await updateWithAudit(tx, actor, before, 'user.change_password', {
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: new Date(),
    });
  });
}

/** Ends every session of the signed-in user, on every device (this one included). */
export async function signOutEverywhere(actor: Actor, db?: Db): Promise<void> {
  const userId = selfId(actor);
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    await updateWithAudit(tx, actor, before, 'user.sign_out', { sessionVersion: sql`${users.sessionVersion} + 1` });
  });
}

/** Every user with the name of their department, for the admin pages. */
export async function listUsers(actor: Actor, db?: Db): Promise<UserSummary[]> {
  requirePermission(actor, 'user.manage');
  return selectSummaries(db ?? (await getDb()));
}

/** Step 1 of TOTP: a new secret (pending until confirmed) and its QR code for an authenticator app. */
export async function startTotpEnrollment(
  actor: Actor,
  db?: Db,
): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const userId = selfId(actor);
  const conn = db ?? (await getDb());
  const secret = createTotpSecret();
  const username = await conn.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (before.totpEnabled) throw new AppError('conflict', '已启用两步验证；如需更换，请先停用');
    await updateWithAudit(tx, actor, before, 'user.totp_enroll_start', { totpSecret: secret, totpEnabled: false });
    return before.username;
  });
  const uri = totpUri(secret, username);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1 });
  return { secret, uri, qrSvg };
}

/** Step 2 of TOTP: a correct code enables it; returns ten recovery codes, shown this once. */
export async function confirmTotpEnrollment(
  actor: Actor,
  code: unknown,
  db?: Db,
): Promise<{ recoveryCodes: string[] }> {
  const userId = selfId(actor);
  const data = parseOrThrow(totpCodeSchema, { code });
  const conn = db ?? (await getDb());
  const recovery = createRecoveryCodes();
  await conn.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (before.totpEnabled) throw new AppError('conflict', '两步验证已启用');
    if (!before.totpSecret) throw new AppError('conflict', '请先开始绑定两步验证');
    if (!verifyTotp(before.totpSecret, data.code, new Date())) {
      throw new AppError('invalid_input', '动态验证码不正确', {
        code: ['「动态验证码」不正确，请核对手机时间后输入最新的验证码'],
      });
    }
    await updateWithAudit(tx, actor, before, 'user.totp_enable', { totpEnabled: true, recoveryCodes: recovery.hashes });
  });
  return { recoveryCodes: recovery.codes };
}

/** Turns TOTP off: for oneself, or by an administrator for a user who lost the device. */
export async function disableTotp(actor: Actor, id: unknown, db?: Db): Promise<void> {
  const userId = parseUserId(id);
  if (actor.id !== userId) requirePermission(actor, 'user.manage');
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (!before.totpEnabled && !before.totpSecret) return;
    await updateWithAudit(tx, actor, before, 'user.totp_disable', {
      totpEnabled: false,
      totpSecret: null,
      recoveryCodes: [],
    });
  });
}
