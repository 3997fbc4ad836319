/**
 * A user's own account: change the password, sign out everywhere, and the second factor (TOTP enrolment;
 * an administrator may also turn it off for a user who lost the device). Each write runs in one
 * transaction with its audit event. The optional last `db` lets scripts and tests pass a handle.
 */
import QRCode from 'qrcode';
import { getDb, type Db } from '@/db/client';
import { getUserById, nextSessionVersion } from '@/db/queries/users';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { requirePermission } from '@/lib/auth/require-permission';
import { createRecoveryCodes, createTotpSecret, totpUri, verifyTotp } from '@/lib/auth/totp';
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { parseOrThrow, throwIfFieldErrors } from '@/lib/validation/parse';
import { changeOwnPasswordSchema, passwordIssues, totpCodeSchema } from '@/lib/validation/users';
import { raiseAuditorAlertIfAuditor } from './auditor-alerts';
import { lockUser, parseUserId, selfId, updateWithAudit } from './user-records';

/** The signed-in user changes their own password; their session stays valid. */
export async function changeOwnPassword(actor: Actor, input: unknown, db?: Db): Promise<void> {
  const userId = selfId(actor);
  const data = parseOrThrow(changeOwnPasswordSchema, input);
  const conn = db ?? (await getDb());
  const user = await getUserById(conn, userId);
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
    await updateWithAudit(tx, actor, before, 'user.sign_out', { sessionVersion: nextSessionVersion() });
  });
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
    if (before.totpEnabled) throw new AppError('conflict', '已启用双因素认证；如需更换设备，请联系系统管理员重置');
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
    if (before.totpEnabled) throw new AppError('conflict', '双因素认证已启用');
    if (!before.totpSecret) throw new AppError('conflict', '请先点击「开始绑定」获取新的密钥');
    if (!verifyTotp(before.totpSecret, data.code, new Date())) {
      throw new AppError('invalid_input', '动态验证码不正确', {
        code: ['「动态验证码」不正确，请核对手机时间后输入最新的验证码'],
      });
    }
    await updateWithAudit(tx, actor, before, 'user.totp_enable', { totpEnabled: true, recoveryCodes: recovery.hashes });
  });
  return { recoveryCodes: recovery.codes };
}

/** Turns TOTP off: for oneself, or by the security administrator for a user who lost the device (an auditor's: every auditor is told). */
export async function disableTotp(actor: Actor, id: unknown, db?: Db): Promise<void> {
  const userId = parseUserId(id);
  if (actor.id !== userId) requirePermission(actor, 'user.manage');
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
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
