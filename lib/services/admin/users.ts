/**
 * Users: the security administrator's use cases (create, change, disable, reset, unlock, list). Every write checks
 * the permission, parses with zod and runs one transaction that also appends its audit event. A user's
 * own account (password, sign-out everywhere, TOTP) lives in ./account and is re-exported here for the
 * callers that import it from this module. The optional last `db` lets scripts and tests pass a handle.
 */
import { type Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { getUnitByCode } from '@/db/queries/units';
import { reportsOwnFigures } from '@/lib/domain/units';
import {
  getDepartmentRefByCode,
  insertUser,
  isUsernameTaken,
  listUserSummaries,
  lockEnabledUsersWithRoles,
  nextSessionVersion,
  type UserRow,
  type UserSummary,
} from '@/db/queries/users';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { can, requiresDepartment } from '@/lib/domain/permissions';
import type { Actor } from '@/lib/domain/actor';
import { ROLES, type Role } from '@/lib/domain/types';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { checkPassword } from '@/lib/validation/password';
import {
  createUserSchema,
  departmentRuleMessage,
  setUserDisabledSchema,
  unitRuleMessage,
  updateUserSchema,
} from '@/lib/validation/users';
import { raiseAuditorAlertIfAuditor } from '../audit/auditor-alerts';
import { auditView, lockUser, parseUserId, updateWithAudit } from './user-records';

export type { UserSummary } from '@/db/queries/users';
export {
  changeOwnPassword,
  confirmTotpEnrollment,
  disableTotp,
  signOutEverywhere,
  startTotpEnrollment,
} from '../account/account';
import { nextPasswordHistory } from '../account/account';
import { authorize, type ServiceOptions } from '@/lib/services/options';

/** A user as the JSON API sends it (dates as ISO strings), so the server prefetch and the client agree. */
export type UserListItem = Omit<UserSummary, 'lockedUntil' | 'lastLoginAt' | 'passwordChangedAt' | 'createdAt'> & {
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  createdAt: string;
};

export function toUserListItem(user: UserSummary): UserListItem {
  const iso = (date: Date | null) => (date ? date.toISOString() : null);
  return {
    ...user,
    lockedUntil: iso(user.lockedUntil),
    lastLoginAt: iso(user.lastLoginAt),
    passwordChangedAt: iso(user.passwordChangedAt),
    createdAt: user.createdAt.toISOString(),
  };
}

/** Roles that administer users (the security administrator): the last active holder of one may not be demoted or disabled. */
const MANAGER_ROLES: Role[] = ROLES.filter((role) => can({ role }, 'user.manage'));

const isManager = (row: Pick<UserRow, 'role'>) => can({ role: row.role }, 'user.manage');

function assertNotLastManager(activeManagers: number[], userId: number, message: string): void {
  if (activeManagers.filter((id) => id !== userId).length === 0) throw new AppError('conflict', message);
}

/** The department's id for a code typed in a user form; unknown or (newly chosen and) inactive is refused. */
async function resolveDepartment(tx: Db, code: string, currentId: number | null): Promise<number> {
  const row = await getDepartmentRefByCode(tx, code);
  if (!row) throw departmentError(`「所属单位」不存在：${code}`);
  if (!row.isActive && row.id !== currentId) throw departmentError(`「所属单位」已停用：${row.name}`);
  return row.id;
}

/**
 * The unit's id for a code typed in a user form: it must exist, report figures of its own and be active (unless it
 * is the user's current one, kept as it is).
 */
async function resolveUnit(tx: Db, code: string, currentId: number | null = null): Promise<number> {
  const row = await getUnitByCode(tx, code);
  const fail = (message: string) => new AppError('invalid_input', message, { unitCode: [message] });
  if (!row) throw fail(`「所属县区」不存在：${code}`);
  if (!row.isActive && row.id !== currentId) throw fail(`「所属县区」已停用：${row.name}`);
  if (!reportsOwnFigures(row.kind)) throw fail(`「所属县区」不能是市本级（${row.name}）：市级用户不指定县区`);
  return row.id;
}

function departmentError(message: string): AppError {
  return new AppError('invalid_input', message, { departmentCode: [message] });
}

const USERNAME_TAKEN = () => new AppError('conflict', '用户名已存在', { username: ['该「用户名」已被使用'] });

/** Creates a user (default: must change the password at first sign-in). */
export async function createUser(
  actor: Actor,
  input: unknown,
  options: ServiceOptions = {},
): Promise<{ id: number; username: string }> {
  const { db } = await authorize(actor, 'user.manage', options);
  const data = parseOrThrow(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.transaction(async (tx) => {
      if (await isUsernameTaken(tx, data.username)) throw USERNAME_TAKEN();
      const departmentId = data.departmentCode ? await resolveDepartment(tx, data.departmentCode, null) : null;
      const unitId = data.unitCode ? await resolveUnit(tx, data.unitCode) : null;
      const row = await insertUser(tx, {
        username: data.username,
        displayName: data.displayName,
        role: data.role,
        departmentId,
        unitId,
        passwordHash,
        mustChangePassword: data.mustChangePassword,
        passwordChangedAt: new Date(),
        email: data.email || null,
      });
      await appendAuditEvent(tx, {
        actor,
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        departmentId: row.departmentId,
        after: auditView(row),
      });
      await raiseAuditorAlertIfAuditor(tx, actor, 'role_granted', row);
      return { id: row.id, username: row.username };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw USERNAME_TAKEN();
    throw error;
  }
}

/**
 * Creates a user with a generated one-time password (returned, shown once) that must be changed at the
 * first sign-in: the administrator never chooses, and so never knows, a lasting password.
 */
export async function createUserWithOneTimePassword(
  actor: Actor,
  input: unknown,
  options: ServiceOptions = {},
): Promise<{ id: number; username: string; password: string }> {
  const { db } = await authorize(actor, 'user.manage', options);
  const fields = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {};
  const username = 'username' in fields && typeof fields.username === 'string' ? fields.username.trim() : '';
  // A random password breaks no rule, except (rarely) by containing the username: draw again.
  let password = generatePassword();
  const displayName = 'displayName' in fields && typeof fields.displayName === 'string' ? fields.displayName : '';
  for (let i = 0; i < 10 && checkPassword(password, username, displayName).length > 0; i += 1)
    password = generatePassword();
  const created = await createUser(actor, { ...fields, password, mustChangePassword: true }, { db });
  return { ...created, password };
}

/**
 * Changes name, role, department or unit (县区); a role, department or unit change ends the user's sessions, since
 * what they may see and write changes with it.
 */
export async function updateUser(
  actor: Actor,
  id: unknown,
  input: unknown,
  options: ServiceOptions = {},
): Promise<UserSummary> {
  const { db } = await authorize(actor, 'user.manage', options);
  const userId = parseUserId(id);
  const data = parseOrThrow(updateUserSchema, input);
  await db.transaction(async (tx) => {
    const activeManagers = await lockEnabledUsersWithRoles(tx, MANAGER_ROLES);
    const before = await lockUser(tx, userId);
    const role = data.role ?? before.role;
    if (role !== before.role && actor.id === before.id) throw new AppError('forbidden', '不能修改自己的角色');
    // Absent: keep the department (and the unit) if the (new) role has one; a role without departments drops them.
    const keeps = (field: string | null | undefined, stored: number | null) =>
      field === undefined && requiresDepartment(role) && stored !== null;
    const keepsDepartment = keeps(data.departmentCode, before.departmentId);
    const keepsUnit = keeps(data.unitCode, before.unitId);
    const hasUnit = keepsUnit || Boolean(data.unitCode);
    const unitMessage = unitRuleMessage(role, hasUnit);
    if (unitMessage) throw new AppError('invalid_input', unitMessage, { unitCode: [unitMessage] });
    const departmentMessage = departmentRuleMessage(role, keepsDepartment || Boolean(data.departmentCode), hasUnit);
    if (departmentMessage) throw departmentError(departmentMessage);
    const departmentId = data.departmentCode
      ? await resolveDepartment(tx, data.departmentCode, before.departmentId)
      : keepsDepartment
        ? before.departmentId
        : null;
    const unitId = data.unitCode
      ? await resolveUnit(tx, data.unitCode, before.unitId)
      : keepsUnit
        ? before.unitId
        : null;
    if (isManager(before) && !before.isDisabled && !isManager({ role })) {
      assertNotLastManager(activeManagers, before.id, '不能更改最后一个有效安全管理员的角色，请先指定另一位安全管理员');
    }
    const revokesSessions = role !== before.role || departmentId !== before.departmentId || unitId !== before.unitId;
    const displayName = data.displayName ?? before.displayName;
    const email = data.email === undefined ? before.email : data.email || null;
    if (!revokesSessions && displayName === before.displayName && email === before.email) return;
    const after = await updateWithAudit(tx, actor, before, 'user.update', {
      displayName,
      email,
      role,
      departmentId,
      unitId,
      ...(revokesSessions ? { sessionVersion: nextSessionVersion() } : {}),
    });
    if (after.role !== before.role) await raiseAuditorAlertIfAuditor(tx, actor, 'role_granted', after);
  });
  const [summary] = await listUserSummaries(db, { id: userId });
  if (!summary) throw new AppError('not_found', '用户不存在');
  return summary;
}

/** Disables (ends every session, refuses sign-in) or re-enables a user. */
export async function setUserDisabled(
  actor: Actor,
  id: unknown,
  disabled: unknown,
  options: ServiceOptions = {},
): Promise<void> {
  const { db } = await authorize(actor, 'user.manage', options);
  const data = parseOrThrow(setUserDisabledSchema, { id, disabled });
  await db.transaction(async (tx) => {
    const activeManagers = await lockEnabledUsersWithRoles(tx, MANAGER_ROLES);
    const before = await lockUser(tx, data.id);
    if (before.isDisabled === data.disabled) return;
    if (data.disabled) {
      if (actor.id === before.id) throw new AppError('forbidden', '不能停用自己的账号');
      if (isManager(before)) {
        assertNotLastManager(activeManagers, before.id, '不能停用最后一个有效的安全管理员，请先指定另一位安全管理员');
      }
    }
    await updateWithAudit(tx, actor, before, data.disabled ? 'user.disable' : 'user.enable', {
      isDisabled: data.disabled,
      sessionVersion: nextSessionVersion(),
    });
  });
}

/** A new one-time password (shown once): must be changed at next sign-in; ends sessions; clears a lockout. */
export async function resetPassword(
  actor: Actor,
  id: unknown,
  options: ServiceOptions = {},
): Promise<{ password: string }> {
  const { db } = await authorize(actor, 'user.manage', options);
  const userId = parseUserId(id);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    await raiseAuditorAlertIfAuditor(tx, actor, 'password_reset', before);
    await updateWithAudit(tx, actor, before, 'user.reset_password', {
      passwordHash,
      passwordHistory: nextPasswordHistory(before),
      mustChangePassword: true,
      passwordChangedAt: new Date(),
      sessionVersion: nextSessionVersion(),
      failedAttempts: 0,
      firstFailedAt: null,
      lockedUntil: null,
    });
  });
  return { password };
}

/** Lifts a sign-in lockout before it expires. */
export async function unlockUser(actor: Actor, id: unknown, options: ServiceOptions = {}): Promise<void> {
  const { db } = await authorize(actor, 'user.manage', options);
  const userId = parseUserId(id);
  await db.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    await updateWithAudit(tx, actor, before, 'user.unlock', {
      failedAttempts: 0,
      firstFailedAt: null,
      lockedUntil: null,
    });
  });
}

/** Every user with the name of their department, for the admin pages. */
export async function listUsers(actor: Actor, options: ServiceOptions = {}): Promise<UserSummary[]> {
  const { db } = await authorize(actor, 'user.manage', options);
  return listUserSummaries(db);
}
