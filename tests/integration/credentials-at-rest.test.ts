/**
 * Issue 12, finding 1 (session forgery from a stored secret) and finding 4 (a recovery code used twice):
 * no signing secret in the database or a backup, backups 0600, TOTP secrets encrypted at rest (legacy
 * plain ones still work and are re-encrypted), recovery codes consumed exactly once under concurrency;
 * and the password rules that need the database: the last 5 passwords, other sessions ended on a change,
 * demo accounts forced to change the printed password.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupToFile } from '@/db/backup';
import { openDatabase } from '@/db/client';
import { departments, settings, users } from '@/db/schema';
import { isEncryptedValue, openSecret } from '@/lib/auth/data-key';
import { getAuthSecret } from '@/lib/auth/secret';
import { isSessionValid } from '@/lib/auth/session-validity';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { bootstrap } from '@/lib/services/platform/bootstrap';
import { secureStoredCredentials } from '@/lib/services/account/credentials-at-rest';
import { authenticate, SignInError } from '@/lib/services/account/sign-in';
import {
  changeOwnPassword,
  confirmTotpEnrollment,
  createUser,
  resetPassword,
  startTotpEnrollment,
} from '@/lib/services/admin/users';
import { forEachEngine } from '@/tests/helpers/test-db';
import { processDb } from './fixtures/process-db';

process.env.AUTH_SECRET ??= 'credentials-test-secret-0123456789abcdef';

// authenticate() and getAuthSecret() read the process-wide database; point it at the engine under test.
vi.mock('@/db/client', async (importOriginal) => (await import('./fixtures/process-db')).withProcessDb(importOriginal));

const PASSWORD = 'Kx9#mPq2Lw';
const totpNow = (secret: string, at = new Date()) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at.getTime() });

async function outcome(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'ok';
  } catch (error) {
    if (error instanceof SignInError) return error.code;
    if (error instanceof AppError) return `${error.code}:${JSON.stringify(error.fieldErrors ?? {})}`;
    throw error;
  }
}

/** How a sign-in with the fixtures' password and this second factor ends: 'ok', or the refusal's code. */
const signInWith = (username: string, totp: string, clientAddress: string, now?: Date) =>
  outcome(authenticate({ username, password: PASSWORD, totp, clientAddress, now }));

forEachEngine('credentials at rest', (ctx) => {
  let n = 0;
  async function addUser(role: 'admin' | 'leader' | 'auditor' = 'leader') {
    n += 1;
    const username = `cred${n}`;
    const user = await createUser(
      SYSTEM_ACTOR,
      { username, displayName: `凭据${n}`, role, password: PASSWORD, mustChangePassword: false },
      { db: ctx.db },
    );
    const actor: Actor = { id: user.id, username, role, departmentId: null, clientAddress: '127.0.0.1' };
    return { id: user.id, username, actor };
  }
  async function row(id: number) {
    const [r] = await ctx.db.select().from(users).where(eq(users.id, id));
    if (!r) throw new Error(`no user ${id}`);
    return r;
  }
  /** A user with TOTP enabled; returns the plain secret and the ten recovery codes. */
  async function addTotpUser() {
    const u = await addUser('auditor');
    const { secret } = await startTotpEnrollment(u.actor, { db: ctx.db });
    const { recoveryCodes } = await confirmTotpEnrollment(u.actor, totpNow(secret), { db: ctx.db });
    return { ...u, secret, recoveryCodes };
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-cred-'));
  beforeAll(async () => {
    processDb.db = ctx.db;
    await ctx.db.insert(departments).values({ code: 'fgw', name: '市发展和改革委员会', shortName: '发改委' });
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('the signing secret is never stored in settings (not even without AUTH_SECRET), and an old one is deleted at start', async () => {
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    vi.stubEnv('DATABASE_URL', ctx.engine === 'postgres' ? 'postgres://test@127.0.0.1/test' : '');
    vi.stubEnv('PGLITE_DIR', path.join(work, 'data'));
    try {
      const secret = await getAuthSecret();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(await ctx.db.select().from(settings).where(eq(settings.key, 'auth.secret'))).toEqual([]);
      expect(fs.statSync(path.join(work, 'data.secret')).mode & 0o777).toBe(0o600);
    } finally {
      vi.unstubAllEnvs();
    }
    // What an earlier version left behind is removed at start and never reaches a backup.
    await ctx.db.insert(settings).values({ key: 'auth.secret', value: 'stolen-signing-secret-from-an-old-version' });
    const file = path.join(work, `backup-${ctx.engine}.jsonl.gz`);
    await backupToFile(ctx.db, file);
    expect(gunzipSync(fs.readFileSync(file)).toString('utf8')).not.toContain('stolen-signing-secret');
    expect((await secureStoredCredentials(ctx.db)).deletedSettings).toBe(1);
    expect(await ctx.db.select().from(settings).where(eq(settings.key, 'auth.secret'))).toEqual([]);
  });

  it('a backup is written 0600 whatever the umask, and never over an existing file', async () => {
    const file = path.join(work, `mode-${ctx.engine}.jsonl.gz`);
    const umask = process.umask(0o022);
    try {
      await backupToFile(ctx.db, file);
    } finally {
      process.umask(umask);
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const existing = path.join(work, `existing-${ctx.engine}.jsonl.gz`);
    fs.writeFileSync(existing, 'keep me', { mode: 0o644 });
    await expect(backupToFile(ctx.db, existing)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
  });

  it('a TOTP secret is stored encrypted, not in a backup in plain text, and still verifies at sign-in', async () => {
    const u = await addTotpUser();
    const stored = (await row(u.id)).totpSecret ?? '';
    expect(isEncryptedValue(stored)).toBe(true);
    expect(stored).not.toContain(u.secret);
    const file = path.join(work, `totp-${ctx.engine}.jsonl.gz`);
    await backupToFile(ctx.db, file);
    expect(gunzipSync(fs.readFileSync(file)).toString('utf8')).not.toContain(u.secret);
    const later = new Date(Date.now() + 60_000);
    expect(await signInWith(u.username, totpNow(u.secret, later), '10.9.0.1', later)).toBe('ok');
  });

  it('a legacy plain TOTP secret keeps working, and is encrypted on its next use and at start', async () => {
    const a = await addTotpUser();
    const b = await addTotpUser();
    await ctx.db.update(users).set({ totpSecret: a.secret }).where(eq(users.id, a.id));
    await ctx.db.update(users).set({ totpSecret: b.secret }).where(eq(users.id, b.id));
    const later = new Date(Date.now() + 60_000);
    expect(await signInWith(a.username, totpNow(a.secret, later), '10.9.0.2', later)).toBe('ok');
    const resealed = (await row(a.id)).totpSecret ?? '';
    expect(isEncryptedValue(resealed)).toBe(true);
    expect(await openSecret(resealed)).toBe(a.secret);

    expect((await secureStoredCredentials(ctx.db)).resealedTotpSecrets).toBe(1);
    const startSealed = (await row(b.id)).totpSecret ?? '';
    expect(isEncryptedValue(startSealed)).toBe(true);
    expect(await openSecret(startSealed)).toBe(b.secret);
    expect((await secureStoredCredentials(ctx.db)).resealedTotpSecrets).toBe(0);
  });

  it('8 simultaneous sign-ins with one recovery code: exactly one succeeds, and the code is gone', async () => {
    const u = await addTotpUser();
    const code = u.recoveryCodes[0] ?? '';
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signInWith(u.username, code, `10.8.0.${i + 1}`)),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r !== 'ok').every((r) => r === 'totp_invalid' || r === 'locked')).toBe(true);
    expect((await row(u.id)).recoveryCodes).toHaveLength(9);
  });

  it('a recovery code works once; another one still works afterwards', async () => {
    const u = await addTotpUser();
    const [first = '', second = ''] = u.recoveryCodes;
    expect(await signInWith(u.username, first.toLowerCase(), '10.7.0.1')).toBe('ok');
    expect(await signInWith(u.username, first, '10.7.0.1')).toBe('totp_invalid');
    expect(await signInWith(u.username, second, '10.7.0.1')).toBe('ok');
    expect((await row(u.id)).recoveryCodes).toHaveLength(8);
  });

  it('none of the last 5 passwords may be reused (own changes and an administrator reset alike)', async () => {
    const u = await addUser();
    const chain = ['Nw7!rTz5Qp', 'Hq4%vLm8Xs', 'Jd6&pWc3Rt', 'Bf9*kYn2Gu'];
    let currentPassword = PASSWORD;
    for (const newPassword of chain) {
      await changeOwnPassword(u.actor, { currentPassword, newPassword }, { db: ctx.db });
      currentPassword = newPassword;
    }
    // Current Bf9*kYn2Gu; the four before it are PASSWORD and chain[0..2].
    for (const old of [PASSWORD, chain[0], chain[2]]) {
      expect(
        await outcome(changeOwnPassword(u.actor, { currentPassword, newPassword: old }, { db: ctx.db })),
      ).toContain('最近 5 次使用过的密码');
    }
    await changeOwnPassword(u.actor, { currentPassword, newPassword: 'Tm5#qZr8Wv' }, { db: ctx.db });
    // Five changes later the first one has left the history.
    expect(
      await outcome(
        changeOwnPassword(u.actor, { currentPassword: 'Tm5#qZr8Wv', newPassword: PASSWORD }, { db: ctx.db }),
      ),
    ).toBe('ok');
    expect((await row(u.id)).passwordHistory).toHaveLength(4);

    const { password: oneTime } = await resetPassword(SYSTEM_ACTOR, u.id, { db: ctx.db });
    expect(
      await outcome(changeOwnPassword(u.actor, { currentPassword: oneTime, newPassword: PASSWORD }, { db: ctx.db })),
    ).toContain('最近 5 次使用过的密码');
  });

  it('a password change ends every other session of the user; the version returned keeps this one', async () => {
    const u = await addUser();
    const before = await row(u.id);
    const now = new Date();
    const authTime = Math.floor(now.getTime() / 1000);
    const otherSession = { sessionVersion: before.sessionVersion, authTime, now };
    expect(isSessionValid({ user: before, ...otherSession })).toBe(true);
    const { sessionVersion } = await changeOwnPassword(
      u.actor,
      { currentPassword: PASSWORD, newPassword: 'Nw7!rTz5Qp' },
      { db: ctx.db },
    );
    const after = await row(u.id);
    expect(isSessionValid({ user: after, ...otherSession })).toBe(false);
    expect(isSessionValid({ user: after, sessionVersion, authTime, now })).toBe(true);
  });
});

describe('demo accounts (embedded engine)', () => {
  it('are printed once and must change the printed password at the first sign-in', async () => {
    const handle = await openDatabase({ dir: 'memory://' });
    try {
      const lines: string[] = [];
      await bootstrap({ sample: false, demoAccounts: true, log: (line) => lines.push(line) }, handle);
      const rows = await handle.db
        .select({ username: users.username, mustChangePassword: users.mustChangePassword })
        .from(users);
      expect(rows.length).toBe(6);
      expect(rows.every((r) => r.mustChangePassword)).toBe(true);
      expect(lines.join('\n')).toContain('首次登录须修改密码');
      lines.length = 0;
      await bootstrap({ sample: false, demoAccounts: true, log: (line) => lines.push(line) }, handle);
      expect(lines.join('\n')).not.toContain('演示账号');
    } finally {
      await handle.close();
    }
  });
});
