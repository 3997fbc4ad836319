/**
 * Session revocation without a browser: a session is (user id, session version, sign-in time); after
 * each of these writes, the version the session carries no longer counts (isSessionValid, the check
 * getSessionUser runs on every request).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getUserById } from '@/db/queries/users';
import { departments } from '@/db/schema';
import { isSessionValid } from '@/lib/auth/session-validity';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import type { Role } from '@/lib/domain/types';
import { changeOwnPassword, signOutEverywhere } from '@/lib/services/account/account';
import { createUser, resetPassword, setUserDisabled, unlockUser, updateUser } from '@/lib/services/admin/users';
import { forEachEngine } from '@/tests/helpers/test-db';

const PASSWORD = 'Kx9#mPq2Lw';
const ADMIN: Actor = { ...SYSTEM_ACTOR, clientAddress: 'test' };

/** A session issued now for the user as stored: what the JWT would carry. */
async function signIn(db: Db, id: number) {
  const user = await getUserById(db, id);
  if (!user) throw new Error(`no user ${id}`);
  return { sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
}

async function stillValid(db: Db, id: number, session: { sessionVersion: number; authTime: number }) {
  return isSessionValid({ user: await getUserById(db, id), ...session, now: new Date() });
}

forEachEngine('session revocation', (ctx) => {
  let n = 0;
  async function addUser(role: Role = 'official') {
    n += 1;
    const user = await createUser(
      ADMIN,
      {
        username: `sess${n}`,
        displayName: `会话${n}`,
        role,
        departmentCode: role === 'official' || role === 'reviewer' ? 'fgw' : null,
        password: PASSWORD,
        mustChangePassword: false,
      },
      { db: ctx.db },
    );
    const actor: Actor = { id: user.id, username: user.username, role, departmentId: null, clientAddress: 'test' };
    return { id: user.id, actor };
  }

  beforeAll(async () => {
    await ctx.db.insert(departments).values([
      { code: 'fgw', name: '市发展和改革委员会', shortName: '发改委' },
      { code: 'jyj', name: '市教育局', shortName: '教育局' },
    ]);
  });

  it('a fresh session is valid', async () => {
    const { id } = await addUser();
    expect(await stillValid(ctx.db, id, await signIn(ctx.db, id))).toBe(true);
  });

  describe.each([
    ['an administrator resets the password', (id: number) => resetPassword(ADMIN, id, { db: ctx.db })],
    ['the role changes', (id: number) => updateUser(ADMIN, id, { role: 'leader' }, { db: ctx.db })],
    ['the department changes', (id: number) => updateUser(ADMIN, id, { departmentCode: 'jyj' }, { db: ctx.db })],
    ['the user is disabled', (id: number) => setUserDisabled(ADMIN, id, true, { db: ctx.db })],
  ])('after %s', (_what, write) => {
    it('the old session is refused at its next request', async () => {
      const { id } = await addUser();
      const session = await signIn(ctx.db, id);
      await write(id);
      expect(await stillValid(ctx.db, id, session)).toBe(false);
    });
  });

  it('sign-out everywhere ends every session of that user only', async () => {
    const a = await addUser();
    const b = await addUser();
    const laptop = await signIn(ctx.db, a.id);
    const phone = await signIn(ctx.db, a.id);
    const other = await signIn(ctx.db, b.id);
    await signOutEverywhere(a.actor, { db: ctx.db });
    expect(await stillValid(ctx.db, a.id, laptop)).toBe(false);
    expect(await stillValid(ctx.db, a.id, phone)).toBe(false);
    expect(await stillValid(ctx.db, b.id, other)).toBe(true);
    expect(await stillValid(ctx.db, a.id, await signIn(ctx.db, a.id))).toBe(true);
  });

  it('re-enabling does not revive a session ended by disabling', async () => {
    const { id } = await addUser();
    const session = await signIn(ctx.db, id);
    await setUserDisabled(ADMIN, id, true, { db: ctx.db });
    await setUserDisabled(ADMIN, id, false, { db: ctx.db });
    expect(await stillValid(ctx.db, id, session)).toBe(false);
  });

  it('a rename or an unlock keep the session', async () => {
    const { id } = await addUser();
    const session = await signIn(ctx.db, id);
    await updateUser(ADMIN, id, { displayName: '改名后' }, { db: ctx.db });
    await unlockUser(ADMIN, id, { db: ctx.db });
    expect(await stillValid(ctx.db, id, session)).toBe(true);
  });

  it('changing one’s own password ends the other sessions; the one that changed it continues with the returned version', async () => {
    const { id, actor } = await addUser();
    const other = await signIn(ctx.db, id);
    const { sessionVersion } = await changeOwnPassword(
      actor,
      { currentPassword: PASSWORD, newPassword: 'Nw7!rTz5Qp' },
      { db: ctx.db },
    );
    expect(await stillValid(ctx.db, id, other)).toBe(false);
    expect(await stillValid(ctx.db, id, { ...other, sessionVersion })).toBe(true);
  });

  it('a session past 12 hours is refused even with the current version', async () => {
    const { id } = await addUser();
    const session = await signIn(ctx.db, id);
    const later = new Date(Date.now() + 12 * 3600 * 1000 + 5000);
    expect(isSessionValid({ user: await getUserById(ctx.db, id), ...session, now: later })).toBe(false);
  });
});
