/**
 * Lockout and throttle through authenticate(): 5 failures within 15 minutes lock the account for 30
 * minutes (even the right password is refused, with the very answer a wrong password gets), failures are
 * recorded throttled and the lockout itself as an event, the security administrator's unlock lifts it, and
 * one address is throttled after 20 failures whatever the usernames.
 */
import { and, asc, eq, or } from 'drizzle-orm';
import { beforeAll, expect, it, vi } from 'vitest';
import { auditEvents, departments, users } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { authenticate, SignInError } from '@/lib/services/account/sign-in';
import { createUser, unlockUser } from '@/lib/services/admin/users';
import { forEachEngine } from '@/tests/helpers/test-db';
import { processDb } from './fixtures/process-db';

// authenticate() reads the process-wide database; point it at the engine under test.
vi.mock('@/db/client', async (importOriginal) => (await import('./fixtures/process-db')).withProcessDb(importOriginal));

const PASSWORD = 'Kx9#mPq2Lw';
const MINUTE = 60_000;

/** The sign-in error code of an attempt ('ok' when it succeeds). */
async function attempt(username: string, password: string, clientAddress: string, now?: Date): Promise<string> {
  try {
    await authenticate({ username, password, clientAddress, now });
    return 'ok';
  } catch (error) {
    if (error instanceof SignInError) return error.code;
    throw error;
  }
}

forEachEngine('sign-in lockout', (ctx) => {
  let n = 0;
  async function addUser() {
    n += 1;
    const username = `lock${n}`;
    const user = await createUser(
      SYSTEM_ACTOR,
      { username, displayName: `锁定${n}`, role: 'leader', password: PASSWORD, mustChangePassword: false },
      { db: ctx.db },
    );
    return { id: user.id, username };
  }

  async function isLocked(userId: number, at = new Date()) {
    const [row] = await ctx.db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
    return row?.lockedUntil != null && row.lockedUntil > at;
  }

  async function eventsOf(userId: number) {
    const rows = await ctx.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(
        or(
          and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, String(userId))),
          eq(auditEvents.actorId, userId),
        ),
      )
      .orderBy(asc(auditEvents.id));
    return rows.filter((row) => row.action.startsWith('auth.') || row.action.startsWith('refusal.'));
  }

  beforeAll(async () => {
    processDb.db = ctx.db;
    await ctx.db.insert(departments).values({ code: 'fgw', name: '市发展和改革委员会', shortName: '发改委' });
  });

  it('5 wrong passwords lock the account: the right one is then refused as a wrong one is; failures recorded throttled, the lock as an event', async () => {
    const user = await addUser();
    const address = '10.0.0.1';
    for (let i = 1; i <= 4; i += 1) expect(await attempt(user.username, `Wrong#pass${i}`, address)).toBe('invalid');
    expect(await isLocked(user.id)).toBe(false);
    expect(await attempt(user.username, 'Wrong#pass5', address)).toBe('invalid');
    expect(await isLocked(user.id)).toBe(true);
    const afterFive = await eventsOf(user.id);
    // One refusal event for the minute's failures from this address (the clock may cross a minute: two), then the lock.
    expect(afterFive.at(-1)).toMatchObject({ action: 'auth.locked', after: { lockedForMinutes: 30 } });
    expect(afterFive.filter((e) => e.action === 'refusal.sign_in').length).toBeLessThanOrEqual(2);
    expect(afterFive[0]).toMatchObject({
      action: 'refusal.sign_in',
      after: { reason: 'sign_in', username: user.username },
    });

    expect(await attempt(user.username, PASSWORD, address)).toBe('invalid');
    const afterLocked = await eventsOf(user.id);
    expect(afterLocked.at(-1)).toMatchObject({ action: 'refusal.sign_in_locked', after: { reason: 'sign_in_locked' } });
    expect(afterLocked.some((e) => e.action === 'auth.login')).toBe(false);
  });

  it('the security administrator’s unlock lifts the lockout at once (and is audited)', async () => {
    const user = await addUser();
    for (let i = 0; i < 5; i += 1) await attempt(user.username, 'Wrong#pass0', '10.0.0.2');
    expect(await attempt(user.username, PASSWORD, '10.0.0.2')).toBe('invalid');
    expect(await isLocked(user.id)).toBe(true);
    await unlockUser(SYSTEM_ACTOR, user.id, { db: ctx.db });
    expect(await attempt(user.username, PASSWORD, '10.0.0.2')).toBe('ok');
    const actions = (
      await ctx.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, String(user.id)))
    ).map((e) => e.action);
    expect(actions).toContain('user.unlock');
    expect(actions.at(-1)).toBe('auth.login');
  });

  it('the lock expires after 30 minutes; failures spread beyond 15 minutes do not lock', async () => {
    const user = await addUser();
    const t0 = new Date();
    for (let i = 0; i < 5; i += 1) await attempt(user.username, 'Wrong#pass0', '10.0.0.3', t0);
    expect(await attempt(user.username, PASSWORD, '10.0.0.3', new Date(t0.getTime() + 29 * MINUTE))).toBe('invalid');
    expect(await attempt(user.username, PASSWORD, '10.0.0.3', new Date(t0.getTime() + 31 * MINUTE))).toBe('ok');

    const spread = await addUser();
    for (let i = 0; i < 6; i += 1) {
      const at = new Date(t0.getTime() + i * 4 * MINUTE);
      expect(await attempt(spread.username, 'Wrong#pass0', '10.0.0.4', at)).toBe('invalid');
    }
    // 6 failures over 20 minutes: never 5 inside one 15-minute window.
    expect(await attempt(spread.username, PASSWORD, '10.0.0.4', new Date(t0.getTime() + 21 * MINUTE))).toBe('ok');
  });

  it('one address is throttled after 20 failures, even for a correct sign-in; other addresses are not', async () => {
    const user = await addUser();
    const address = '10.0.0.99';
    for (let i = 0; i < 20; i += 1) expect(await attempt(`nobody${i}`, 'Wrong#pass0', address)).toBe('invalid');
    expect(await attempt(user.username, PASSWORD, address)).toBe('throttled');
    expect(await attempt(user.username, PASSWORD, '10.0.0.100')).toBe('ok');
  });
});
