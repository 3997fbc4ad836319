/**
 * A user's own account: change the password, sign out everywhere, and the second factor (TOTP enrolment;
 * an administrator may also turn it off for a user who lost the device). Each write runs in one
 * transaction with its audit event. The optional last `db` lets scripts and tests pass a handle.
 */
import QRCode from 'qrcode';

import { getUserById, nextSessionVersion, type UserRow } from '@/db/queries/users';
import { openSecret, sealSecret } from '@/lib/auth/data-key';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { requirePermission } from '@/lib/auth/require-permission';
import { createRecoveryCodes, createTotpSecret, totpUri, verifyTotp } from '@/lib/auth/totp';
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { parseOrThrow, throwIfFieldErrors } from '@/lib/validation/parse';
import { changeOwnPasswordSchema, passwordIssues, totpCodeSchema } from '@/lib/validation/users';
import { raiseAuditorAlertIfAuditor } from '../audit/auditor-alerts';
import { lockUser, parseUserId, selfId, updateWithAudit } from '../admin/user-records';
import { resolveOptions, type ServiceOptions } from '@/lib/services/options';

/** How many earlier passwords are kept besides the current one (the last 5 in all may not be reused). */
export const PASSWORD_HISTORY_KEPT = 4;

/** True when `password` is the current one or one of the kept earlier ones. */
async function isRecentPassword(
  user: Pick<UserRow, 'passwordHash' | 'passwordHistory'>,
  password: string,
): Promise<boolean> {
  for (const hash of [user.passwordHash, ...user.passwordHistory.slice(0, PASSWORD_HISTORY_KEPT)]) {
    if (await verifyPassword(hash, password)) return true;
  }
  return false;
}

/** The history after `currentHash` is replaced: newest first, bounded. */
export function nextPasswordHistory(user: Pick<UserRow, 'passwordHash' | 'passwordHistory'>): string[] {
  return [user.passwordHash, ...user.passwordHistory].slice(0, PASSWORD_HISTORY_KEPT);
}

/**
 * The signed-in user changes their own password. Every other session of theirs ends (the session version
 * moves on); the caller re-issues the current session's token with the returned version, so this one stays.
 */
export async function changeOwnPassword(
  actor: Actor,
  input: unknown,
  options: ServiceOptions = {},
): Promise<{ sessionVersion: number }> {
  const { db } = await resolveOptions(options);
  const userId = selfId(actor);
  const data = parseOrThrow(changeOwnPasswordSchema, input);
  const user = await getUserById(db, userId);
  if (!user) throw new AppError('not_found', '用户不存在');
  const newProblems = passwordIssues(data.newPassword, user.username, user.displayName);
  const currentIsRight = await verifyPassword(user.passwordHash, data.currentPassword);
  if (data.newPassword === data.currentPassword) newProblems.push('「新密码」不能与当前密码相同');
  else if (currentIsRight && (await isRecentPassword(user, data.newPassword))) {
    newProblems.push(`「新密码」不能与最近 ${PASSWORD_HISTORY_KEPT + 1} 次使用过的密码相同`);
  }
  throwIfFieldErrors({ currentPassword: currentIsRight ? [] : ['「当前密码」不正确'], newPassword: newProblems });
  const passwordHash = await hashPassword(data.newPassword);
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    // Changed meanwhile (an administrator's reset): the current password we verified is no longer current.
    if (before.passwordHash !== user.passwordHash) throw new AppError('conflict', '密码刚被修改过，请重新输入当前密码');
    const after = await updateWithAudit(tx, actor, before, 'user.change_password', {
      passwordHash,
      passwordHistory: nextPasswordHistory(before),
      mustChangePassword: false,
      passwordChangedAt: new Date(),
      sessionVersion: nextSessionVersion(),
    });
    return { sessionVersion: after.sessionVersion };
  });
}

/** Ends every session of the signed-in user, on every device (this one included). */
export async function signOutEverywhere(actor: Actor, options: ServiceOptions = {}): Promise<void> {
  const { db } = await resolveOptions(options);
  const userId = selfId(actor);
  await db.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    await updateWithAudit(tx, actor, before, 'user.sign_out', { sessionVersion: nextSessionVersion() });
  });
}

/** Step 1 of TOTP: a new secret (pending until confirmed) and its QR code for an authenticator app. */
export async function startTotpEnrollment(
  actor: Actor,
  options: ServiceOptions = {},
): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const { db } = await resolveOptions(options);
  const userId = selfId(actor);
  const secret = createTotpSecret();
  const sealed = await sealSecret(secret);
  const username = await db.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (before.totpEnabled) throw new AppError('conflict', '已启用双因素认证；如需更换设备，请联系系统管理员重置');
    await updateWithAudit(tx, actor, before, 'user.totp_enroll_start', { totpSecret: sealed, totpEnabled: false });
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
  options: ServiceOptions = {},
): Promise<{ recoveryCodes: string[] }> {
  const { db } = await resolveOptions(options);
  const userId = selfId(actor);
  const data = parseOrThrow(totpCodeSchema, { code });
  const recovery = await createRecoveryCodes();
  await db.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (before.totpEnabled) throw new AppError('conflict', '双因素认证已启用');
    if (!before.totpSecret) throw new AppError('conflict', '请先点击「开始绑定」获取新的密钥');
    if (!verifyTotp(await openSecret(before.totpSecret), data.code, new Date())) {
      throw new AppError('invalid_input', '动态验证码不正确', {
        code: ['「动态验证码」不正确，请核对手机时间后输入最新的验证码'],
      });
    }
    await updateWithAudit(tx, actor, before, 'user.totp_enable', { totpEnabled: true, recoveryCodes: recovery.hashes });
  });
  return { recoveryCodes: recovery.codes };
}

/** Turns TOTP off: for oneself, or by the security administrator for a user who lost the device (an auditor's: every auditor is told). */
export async function disableTotp(actor: Actor, id: unknown, options: ServiceOptions = {}): Promise<void> {
  const { db } = await resolveOptions(options);
  const userId = parseUserId(id);
  if (actor.id !== userId) requirePermission(actor, 'user.manage');
  await db.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (!before.totpEnabled && !before.totpSecret) return;
    if (before.totpEnabled) await raiseAuditorAlertIfAuditor(tx, actor, 'totp_disabled', before);
    await updateWithAudit(tx, actor, before, 'user.totp_disable', {
      totpEnabled: false,
      totpSecret: null,
      recoveryCodes: [],
    });
  });
}
