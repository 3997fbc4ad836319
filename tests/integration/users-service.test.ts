import { asc, count, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents, departments, units, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { openSecret } from '@/lib/auth/data-key';
import { matchRecoveryCode } from '@/lib/auth/totp';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import type { Role } from '@/lib/domain/types';
import { checkPassword } from '@/lib/validation/password';
import { forEachEngine } from '@/tests/helpers/test-db';
import {
  changeOwnPassword,
  confirmTotpEnrollment,
  createUser,
  disableTotp,
  listUsers,
  resetPassword,
  setUserDisabled,
  signOutEverywhere,
  startTotpEnrollment,
  unlockUser,
  updateUser,
} from '@/lib/services/admin/users';
import { auditCount } from './admin-fixtures';
import { rejection } from './fixtures/refusals';

// TOTP secrets are sealed under a key derived from the signing secret.
process.env.AUTH_SECRET ??= 'user-services-test-secret-0123456789abcdef';

const PASSWORD = 'Kx9#mPq2Lw';

async function userRow(db: Db, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error(`no user ${id}`);
  return row;
}

function actorOf(user: { id: number; username: string }, role: Role, departmentId: number | null = null): Actor {
  return { id: user.id, username: user.username, role, departmentId, clientAddress: '127.0.0.1' };
}

forEachEngine('user services', (ctx) => {
  let fgwId = 0;
  let n = 0;
  /** A fresh username for each user a test creates (the database is shared by the file's tests). */
  const nextName = (prefix: string) => `${prefix}${(n += 1)}`;

  async function addUser(role: Role, extra: Record<string, unknown> = {}) {
    const username = nextName(role);
    const departmentCode = role === 'official' || role === 'reviewer' ? 'fgw' : undefined;
    const user = await createUser(
      SYSTEM_ACTOR,
      { username, displayName: `测试${username}`, role, departmentCode, password: PASSWORD, ...extra },
      { db: ctx.db },
    );
    return { ...user, actor: actorOf(user, role, departmentCode ? fgwId : null) };
  }

  beforeAll(async () => {
    const [fgw] = await ctx.db
      .insert(departments)
      .values([
        { code: 'fgw', name: '市发展和改革委员会', shortName: '发改委' },
        { code: 'jyj', name: '市教育局', shortName: '教育局' },
        { code: 'closed', name: '已撤并单位', shortName: '撤并', isActive: false },
      ])
      .returning({ id: departments.id });
    fgwId = fgw?.id ?? 0;
  });

  describe('createUser', () => {
    it('stores the user with an argon2id hash, must-change by default, and audits it without secrets', async () => {
      const before = await auditCount(ctx.db, 'user.create');
      const created = await createUser(
        SYSTEM_ACTOR,
        { username: 'wanghong', displayName: '王红', role: 'official', departmentCode: 'fgw', password: PASSWORD },
        { db: ctx.db },
      );
      expect(created.username).toBe('wanghong');
      const row = await userRow(ctx.db, created.id);
      expect(row).toMatchObject({
        displayName: '王红',
        role: 'official',
        departmentId: fgwId,
        mustChangePassword: true,
      });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
      expect(await auditCount(ctx.db, 'user.create')).toBe(before + 1);
      const [event] = await ctx.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, String(created.id)));
      expect(event).toMatchObject({
        action: 'user.create',
        entityType: 'user',
        actorUsername: 'system',
        departmentId: fgwId,
      });
      expect(event?.after).toMatchObject({ username: 'wanghong', role: 'official', departmentId: fgwId });
      expect(JSON.stringify(event?.after)).not.toMatch(/passwordHash|totpSecret|recoveryCodes|argon2/);
    });

    it('honours mustChangePassword: false', async () => {
      const created = await addUser('leader', { mustChangePassword: false });
      expect((await userRow(ctx.db, created.id)).mustChangePassword).toBe(false);
    });

    it('refuses a username that exists (whatever its case) and stores nothing', async () => {
      const existing = await addUser('auditor');
      const users0 = (await ctx.db.select({ n: count() }).from(users))[0]?.n;
      const events0 = await auditCount(ctx.db);
      for (const username of [existing.username, existing.username.toUpperCase()]) {
        const error = await rejection(
          createUser(
            SYSTEM_ACTOR,
            { username, displayName: '重名', role: 'leader', password: PASSWORD },
            { db: ctx.db },
          ),
        );
        expect(error.code).toBe('conflict');
        expect(error.message).toBe('用户名已存在');
        expect(error.fieldErrors?.username?.[0]).toContain('「用户名」');
      }
      expect((await ctx.db.select({ n: count() }).from(users))[0]?.n).toBe(users0);
      expect(await auditCount(ctx.db)).toBe(events0);
    });

    it('returns every field error at once and stores nothing', async () => {
      const events0 = await auditCount(ctx.db);
      const error = await rejection(
        createUser(SYSTEM_ACTOR, { username: 'x y', displayName: '', role: 'mayor', password: 'abc' }, { db: ctx.db }),
      );
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['displayName', 'password', 'role', 'username']);
      expect(error.fieldErrors?.password).toHaveLength(2);
      expect(await auditCount(ctx.db)).toBe(events0);
    });

    it('requires a department exactly for officials and reviewers, and an existing active one', async () => {
      /** The messages of creating a `role` account in `departmentCode`, refused on that field alone. */
      const departmentErrors = async (name: string, role: Actor['role'], departmentCode?: string) => {
        const input = { displayName: '测试', password: PASSWORD, username: nextName(name), role, departmentCode };
        const error = await rejection(createUser(SYSTEM_ACTOR, input, { db: ctx.db }));
        expect(Object.keys(error.fieldErrors ?? {})).toEqual(['departmentCode']);
        return error.fieldErrors?.departmentCode;
      };
      expect((await departmentErrors('rev', 'reviewer'))?.[0]).toContain('必须指定「所属单位」');
      expect((await departmentErrors('lead', 'leader', 'fgw'))?.[0]).toContain('不属于任何单位');
      expect(await departmentErrors('off', 'official', 'nope')).toEqual(['「所属单位」不存在：nope']);
      expect((await departmentErrors('off', 'official', 'closed'))?.[0]).toContain('已停用');
    });

    it('applies the password rules: length, classes, username, common', async () => {
      const username = nextName('liming');
      const attempt = (password: string) =>
        rejection(
          createUser(SYSTEM_ACTOR, { username, displayName: '李明', role: 'leader', password }, { db: ctx.db }),
        );
      expect((await attempt('Kx9#mPq2L')).fieldErrors?.password).toEqual(['密码至少需要 10 个字符']);
      expect((await attempt('kxqmpzrlwt')).fieldErrors?.password?.[0]).toContain('至少 3 类');
      expect((await attempt(`${username.toUpperCase()}#2025`)).fieldErrors?.password).toContain('密码不能包含用户名');
      expect((await attempt('Liming#2025x')).fieldErrors?.password).toEqual(['密码不能包含显示名的拼音（liming）']);
      expect((await attempt('Password123')).fieldErrors?.password).toEqual(['该密码过于常见，容易被猜到，请换一个']);
    });

    it('is refused to every role without user.manage', async () => {
      for (const role of ['admin', 'official', 'reviewer', 'leader', 'auditor'] as const) {
        const actor: Actor = { id: 999, username: 'someone', role, departmentId: role === 'official' ? fgwId : null };
        const error = await rejection(
          createUser(
            actor,
            { username: nextName('forbidden'), displayName: '越权', role: 'admin', password: PASSWORD },
            { db: ctx.db },
          ),
        );
        expect(error.code).toBe('forbidden');
      }
    });
  });

  describe('the last active security administrator', () => {
    it('cannot be demoted or disabled; a security administrator cannot change their own role or disable themselves', async () => {
      // Earlier tests created no security administrator: this is the only one.
      const first = await addUser('security');
      const demote = await rejection(updateUser(SYSTEM_ACTOR, first.id, { role: 'leader' }, { db: ctx.db }));
      expect(demote.code).toBe('conflict');
      expect(demote.message).toContain('最后一个有效安全管理员');
      expect((await rejection(setUserDisabled(SYSTEM_ACTOR, first.id, true, { db: ctx.db }))).code).toBe('conflict');

      const second = await addUser('security');
      expect((await rejection(updateUser(first.actor, first.id, { role: 'auditor' }, { db: ctx.db }))).code).toBe(
        'forbidden',
      );
      expect((await rejection(setUserDisabled(first.actor, first.id, true, { db: ctx.db }))).code).toBe('forbidden');

      // With the second one disabled, the first is the last active one again.
      await setUserDisabled(first.actor, second.id, true, { db: ctx.db });
      expect((await rejection(updateUser(SYSTEM_ACTOR, first.id, { role: 'leader' }, { db: ctx.db }))).code).toBe(
        'conflict',
      );
      expect((await rejection(setUserDisabled(SYSTEM_ACTOR, first.id, true, { db: ctx.db }))).code).toBe('conflict');

      await setUserDisabled(first.actor, second.id, false, { db: ctx.db });
      const sv = (await userRow(ctx.db, first.id)).sessionVersion;
      const demoted = await updateUser(second.actor, first.id, { role: 'leader' }, { db: ctx.db });
      expect(demoted.role).toBe('leader');
      expect((await userRow(ctx.db, first.id)).sessionVersion).toBe(sv + 1);
      expect((await rejection(setUserDisabled(SYSTEM_ACTOR, second.id, true, { db: ctx.db }))).code).toBe('conflict');
    });
  });

  describe('updateUser', () => {
    it('ends sessions on a role or department change, not on a rename', async () => {
      const u = await addUser('official');
      const sv0 = (await userRow(ctx.db, u.id)).sessionVersion;
      const renamed = await updateUser(SYSTEM_ACTOR, u.id, { displayName: '新名字' }, { db: ctx.db });
      expect(renamed).toMatchObject({
        displayName: '新名字',
        departmentCode: 'fgw',
        departmentName: '市发展和改革委员会',
      });
      expect((await userRow(ctx.db, u.id)).sessionVersion).toBe(sv0);

      const moved = await updateUser(SYSTEM_ACTOR, u.id, { departmentCode: 'jyj' }, { db: ctx.db });
      expect(moved.departmentName).toBe('市教育局');
      expect((await userRow(ctx.db, u.id)).sessionVersion).toBe(sv0 + 1);

      const promoted = await updateUser(SYSTEM_ACTOR, u.id, { role: 'leader' }, { db: ctx.db });
      expect(promoted).toMatchObject({ role: 'leader', departmentId: null });
      expect((await userRow(ctx.db, u.id)).sessionVersion).toBe(sv0 + 2);
    });

    it('refuses a role that needs a department without one, and an unknown user', async () => {
      const u = await addUser('leader');
      const events0 = await auditCount(ctx.db);
      const error = await rejection(updateUser(SYSTEM_ACTOR, u.id, { role: 'official' }, { db: ctx.db }));
      expect(error.fieldErrors?.departmentCode?.[0]).toContain('必须指定「所属单位」');
      expect((await rejection(updateUser(SYSTEM_ACTOR, 987_654, { displayName: '无' }, { db: ctx.db }))).code).toBe(
        'not_found',
      );
      expect(
        (await rejection(updateUser(SYSTEM_ACTOR, 'abc', { displayName: '无' }, { db: ctx.db }))).fieldErrors,
      ).toHaveProperty('id');
      expect(await auditCount(ctx.db)).toBe(events0);
      const ok = await updateUser(SYSTEM_ACTOR, u.id, { role: 'official', departmentCode: 'fgw' }, { db: ctx.db });
      expect(ok).toMatchObject({ role: 'official', departmentId: fgwId });
    });
  });

  describe("updateUser: a user's unit (县区)", () => {
    beforeAll(async () => {
      await ctx.db.insert(units).values([
        { code: 'changzhi', name: '长治市', kind: 'city' },
        { code: 'luzhou', name: '潞州区', kind: 'district' },
        { code: 'shangdang', name: '上党区', kind: 'district' },
        { code: 'gone', name: '撤销区', kind: 'district', isActive: false },
      ]);
    });
    const unitEvents = async (id: number) =>
      ctx.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, String(id)))
        .orderBy(asc(auditEvents.id));

    it('moves a user to another unit, audited with before and after, and ends their sessions', async () => {
      const u = await addUser('official', { departmentCode: undefined, unitCode: 'luzhou' });
      const before = await userRow(ctx.db, u.id);
      const moved = await updateUser(SYSTEM_ACTOR, u.id, { unitCode: 'shangdang' }, { db: ctx.db });
      expect(moved).toMatchObject({ unitCode: 'shangdang', unitName: '上党区', departmentId: null });
      const after = await userRow(ctx.db, u.id);
      expect(after.sessionVersion).toBe(before.sessionVersion + 1);
      const event = (await unitEvents(u.id)).at(-1);
      expect(event).toMatchObject({ action: 'user.update' });
      expect(event?.before).toMatchObject({ unitId: before.unitId });
      expect(event?.after).toMatchObject({ unitId: after.unitId });

      // A rename keeps the unit and the sessions.
      const renamed = await updateUser(SYSTEM_ACTOR, u.id, { displayName: '县区填报员' }, { db: ctx.db });
      expect(renamed.unitCode).toBe('shangdang');
      expect((await userRow(ctx.db, u.id)).sessionVersion).toBe(after.sessionVersion);
    });

    it('a city official joins a unit (scope changes: sessions end); clearing the unit makes them city-level again', async () => {
      const u = await addUser('official');
      const sv0 = (await userRow(ctx.db, u.id)).sessionVersion;
      const joined = await updateUser(SYSTEM_ACTOR, u.id, { unitCode: 'luzhou' }, { db: ctx.db });
      expect(joined).toMatchObject({ departmentCode: 'fgw', unitCode: 'luzhou' });
      expect((await userRow(ctx.db, u.id)).sessionVersion).toBe(sv0 + 1);
      const back = await updateUser(SYSTEM_ACTOR, u.id, { unitCode: '' }, { db: ctx.db });
      expect(back).toMatchObject({ departmentCode: 'fgw', unitCode: null });
      expect((await userRow(ctx.db, u.id)).sessionVersion).toBe(sv0 + 2);
    });

    it.each([
      ['an unknown unit', { unitCode: 'nowhere' }, '「所属县区」不存在：nowhere'],
      ['an inactive unit', { unitCode: 'gone' }, '「所属县区」已停用：撤销区'],
      ['the city itself', { unitCode: 'changzhi' }, '「所属县区」不能是市本级'],
      ['a unit for a leader', { role: 'leader', unitCode: 'luzhou' }, '「领导」不属于任何县区'],
    ])('refuses %s, naming the field; nothing stored', async (_, change, message) => {
      const u = await addUser('official', { unitCode: 'luzhou' });
      const before = await userRow(ctx.db, u.id);
      const events0 = await auditCount(ctx.db);
      const error = await rejection(updateUser(SYSTEM_ACTOR, u.id, change, { db: ctx.db }));
      expect(error.code).toBe('invalid_input');
      expect(error.fieldErrors?.unitCode?.[0]).toContain(message);
      expect(await userRow(ctx.db, u.id)).toEqual(before);
      expect(await auditCount(ctx.db)).toBe(events0);
    });

    it('a unit-only official keeps their unit through a role change to reviewer; a leader drops it', async () => {
      const u = await addUser('official', { departmentCode: undefined, unitCode: 'luzhou' });
      const reviewer = await updateUser(SYSTEM_ACTOR, u.id, { role: 'reviewer' }, { db: ctx.db });
      expect(reviewer).toMatchObject({ role: 'reviewer', unitCode: 'luzhou', departmentId: null });
      const leader = await updateUser(SYSTEM_ACTOR, u.id, { role: 'leader' }, { db: ctx.db });
      expect(leader).toMatchObject({ role: 'leader', unitCode: null, departmentId: null });
    });
  });

  describe('resetPassword and unlockUser', () => {
    it('reset: a valid one-time password, must change, sessions ended, lockout cleared', async () => {
      const u = await addUser('reviewer', { mustChangePassword: false });
      const lockedUntil = new Date(Date.now() + 30 * 60_000);
      await ctx.db
        .update(users)
        .set({ failedAttempts: 3, firstFailedAt: new Date(), lockedUntil })
        .where(eq(users.id, u.id));
      const before = await userRow(ctx.db, u.id);
      const events0 = await auditCount(ctx.db, 'user.reset_password');

      const { password } = await resetPassword(SYSTEM_ACTOR, u.id, { db: ctx.db });
      expect(checkPassword(password, u.username)).toEqual([]);
      const after = await userRow(ctx.db, u.id);
      expect(await verifyPassword(after.passwordHash, password)).toBe(true);
      expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
      expect(after).toMatchObject({
        mustChangePassword: true,
        failedAttempts: 0,
        firstFailedAt: null,
        lockedUntil: null,
      });
      expect(after.sessionVersion).toBe(before.sessionVersion + 1);
      expect(await auditCount(ctx.db, 'user.reset_password')).toBe(events0 + 1);
    });

    it('unlock clears the lockout and nothing else', async () => {
      const u = await addUser('leader');
      await ctx.db
        .update(users)
        .set({ failedAttempts: 2, firstFailedAt: new Date(), lockedUntil: new Date(Date.now() + 60_000) })
        .where(eq(users.id, u.id));
      expect((await listUsers(SYSTEM_ACTOR, { db: ctx.db })).find((x) => x.id === u.id)?.isLocked).toBe(true);
      const before = await userRow(ctx.db, u.id);
      await unlockUser(SYSTEM_ACTOR, u.id, { db: ctx.db });
      const after = await userRow(ctx.db, u.id);
      expect(after).toMatchObject({ failedAttempts: 0, lockedUntil: null, sessionVersion: before.sessionVersion });
      expect(after.passwordHash).toBe(before.passwordHash);
    });

    it('are refused without user.manage', async () => {
      const u = await addUser('leader');
      const other = await addUser('auditor');
      expect((await rejection(resetPassword(other.actor, u.id, { db: ctx.db }))).code).toBe('forbidden');
      expect((await rejection(unlockUser(other.actor, u.id, { db: ctx.db }))).code).toBe('forbidden');
      expect((await rejection(setUserDisabled(other.actor, u.id, true, { db: ctx.db }))).code).toBe('forbidden');
      expect((await rejection(listUsers(other.actor, { db: ctx.db }))).code).toBe('forbidden');
    });
  });

  describe("a user's own account", () => {
    it('changeOwnPassword reports a wrong current and a weak new password together', async () => {
      const u = await addUser('official');
      const error = await rejection(
        changeOwnPassword(u.actor, { currentPassword: 'wrong-one', newPassword: 'short' }, { db: ctx.db }),
      );
      expect(error.code).toBe('invalid_input');
      expect(error.fieldErrors?.currentPassword).toEqual(['「当前密码」不正确']);
      expect(error.fieldErrors?.newPassword).toContain('密码至少需要 10 个字符');
      const same = await rejection(
        changeOwnPassword(u.actor, { currentPassword: PASSWORD, newPassword: PASSWORD }, { db: ctx.db }),
      );
      expect(same.fieldErrors?.newPassword).toEqual(['「新密码」不能与当前密码相同']);
    });

    it('changeOwnPassword clears must-change and ends the other sessions (the new version is returned for this one)', async () => {
      const u = await addUser('official');
      const before = await userRow(ctx.db, u.id);
      expect(before.mustChangePassword).toBe(true);
      const events0 = await auditCount(ctx.db, 'user.change_password');
      const { sessionVersion } = await changeOwnPassword(
        u.actor,
        { currentPassword: PASSWORD, newPassword: 'Nw7$tRb4Qe' },
        { db: ctx.db },
      );
      const after = await userRow(ctx.db, u.id);
      expect(after.mustChangePassword).toBe(false);
      expect(after.sessionVersion).toBe(before.sessionVersion + 1);
      expect(sessionVersion).toBe(after.sessionVersion);
      expect(await verifyPassword(after.passwordHash, 'Nw7$tRb4Qe')).toBe(true);
      expect(await auditCount(ctx.db, 'user.change_password')).toBe(events0 + 1);
      expect((await rejection(changeOwnPassword(SYSTEM_ACTOR, {}, { db: ctx.db }))).code).toBe('forbidden');
    });

    it('signOutEverywhere bumps only its own session version', async () => {
      const u = await addUser('leader');
      const sv = (await userRow(ctx.db, u.id)).sessionVersion;
      await signOutEverywhere(u.actor, { db: ctx.db });
      expect((await userRow(ctx.db, u.id)).sessionVersion).toBe(sv + 1);
    });

    it('TOTP: start (pending), a wrong code is refused, the right one enables with recovery codes, disable', async () => {
      const u = await addUser('auditor');
      const enrollment = await startTotpEnrollment(u.actor, { db: ctx.db });
      expect(enrollment.uri).toMatch(/^otpauth:\/\/totp\//);
      expect(enrollment.qrSvg).toContain('<svg');
      const pending = await userRow(ctx.db, u.id);
      expect(pending.totpEnabled).toBe(false);
      // Encrypted at rest: the stored value is not the secret, and opens to it.
      expect(pending.totpSecret).toMatch(/^v1:/);
      expect(pending.totpSecret).not.toContain(enrollment.secret);
      expect(await openSecret(pending.totpSecret ?? '')).toBe(enrollment.secret);

      const wrong = await rejection(confirmTotpEnrollment(u.actor, '000000', { db: ctx.db }));
      expect(wrong.fieldErrors?.code?.[0]).toContain('「动态验证码」');
      expect((await rejection(confirmTotpEnrollment(u.actor, '12ab', { db: ctx.db }))).fieldErrors?.code).toEqual([
        '「动态验证码」应为 6 位数字',
      ]);

      const code = new TOTP({ secret: Secret.fromBase32(enrollment.secret), digits: 6, period: 30 }).generate();
      const { recoveryCodes } = await confirmTotpEnrollment(u.actor, code, { db: ctx.db });
      expect(recoveryCodes).toHaveLength(10);
      const enabled = await userRow(ctx.db, u.id);
      expect(enabled.totpEnabled).toBe(true);
      expect(enabled.recoveryCodes).toHaveLength(10);
      for (const [i, recoveryCode] of recoveryCodes.entries()) {
        expect(await matchRecoveryCode(enabled.recoveryCodes, recoveryCode)).toBe(enabled.recoveryCodes[i]);
      }
      expect((await rejection(startTotpEnrollment(u.actor, { db: ctx.db }))).code).toBe('conflict');

      const stranger = await addUser('leader');
      expect((await rejection(disableTotp(stranger.actor, u.id, { db: ctx.db }))).code).toBe('forbidden');
      await disableTotp(u.actor, u.id, { db: ctx.db });
      expect(await userRow(ctx.db, u.id)).toMatchObject({ totpEnabled: false, totpSecret: null, recoveryCodes: [] });
    });
  });

  describe('listUsers', () => {
    it('lists users with department names and without hashes or secrets', async () => {
      const list = await listUsers(SYSTEM_ACTOR, { db: ctx.db });
      const official = list.find((x) => x.username === 'wanghong');
      expect(official).toMatchObject({ departmentCode: 'fgw', departmentName: '市发展和改革委员会', role: 'official' });
      for (const user of list) {
        expect(Object.keys(user)).not.toEqual(expect.arrayContaining(['passwordHash']));
        expect(user).not.toHaveProperty('totpSecret');
        expect(user).not.toHaveProperty('recoveryCodes');
      }
    });
  });

  describe('the audit trail', () => {
    it('has one event per successful write, in the same transaction', async () => {
      const start = await auditCount(ctx.db);
      const u = await addUser('official'); // 1
      await updateUser(SYSTEM_ACTOR, u.id, { displayName: '审计用' }, { db: ctx.db }); // 2
      await updateUser(SYSTEM_ACTOR, u.id, { displayName: '审计用' }, { db: ctx.db }); // no change: no event
      await setUserDisabled(SYSTEM_ACTOR, u.id, true, { db: ctx.db }); // 3
      await setUserDisabled(SYSTEM_ACTOR, u.id, false, { db: ctx.db }); // 4
      await resetPassword(SYSTEM_ACTOR, u.id, { db: ctx.db }); // 5
      await unlockUser(SYSTEM_ACTOR, u.id, { db: ctx.db }); // 6
      await signOutEverywhere(u.actor, { db: ctx.db }); // 7
      await startTotpEnrollment(u.actor, { db: ctx.db }); // 8
      await disableTotp(SYSTEM_ACTOR, u.id, { db: ctx.db }); // 9
      await rejection(updateUser(SYSTEM_ACTOR, u.id, { role: 'leader', departmentCode: 'fgw' }, { db: ctx.db })); // refused
      expect(await auditCount(ctx.db)).toBe(start + 9);
      const actions = (
        await ctx.db
          .select({ action: auditEvents.action })
          .from(auditEvents)
          .where(eq(auditEvents.entityId, String(u.id)))
          .orderBy(asc(auditEvents.id))
      ).map((row) => row.action);
      expect(actions).toEqual([
        'user.create',
        'user.update',
        'user.disable',
        'user.enable',
        'user.reset_password',
        'user.unlock',
        'user.sign_out',
        'user.totp_enroll_start',
        'user.totp_disable',
      ]);
    });

    it('never records a password hash, a TOTP secret or recovery codes', async () => {
      const rows = await ctx.db
        .select({ before: auditEvents.before, after: auditEvents.after })
        .from(auditEvents)
        .where(eq(auditEvents.entityType, 'user'));
      expect(rows.length).toBeGreaterThan(20);
      for (const row of rows) {
        expect(JSON.stringify(row)).not.toMatch(/passwordHash|totpSecret|recoveryCodes|\$argon2/);
      }
    });
  });
});
