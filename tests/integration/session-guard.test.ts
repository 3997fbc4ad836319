/**
 * The per-request checks of lib/session/session.ts and page-guard.ts against a real database: a revoked
 * session is signed out; until the password is changed and (where the role requires it) TOTP enrolled,
 * pages send the user to set up the account and the API refuses everything but their own account routes.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { createUser } from '@/lib/services/admin/users';
import { forEachEngine } from '@/tests/helpers/test-db';
import { processDb } from './fixtures/process-db';

const current: { session: Record<string, unknown> | null } = { session: null };

vi.mock('@/db/client', async (importOriginal) => (await import('./fixtures/process-db')).withProcessDb(importOriginal));
vi.mock('@/lib/session/session-token', () => ({ currentSessionClaims: async () => current.session }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '10.1.1.1' }) }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
}));

const { requireActor, getSessionUser } = await import('@/lib/session/session');
const { requirePageUser } = await import('@/lib/session/page-guard');

/** The status and message requireActor refuses with, or 'ok'. */
async function apiAnswer(options?: { allowIncompleteSetup?: boolean }): Promise<string> {
  try {
    await requireActor(options);
    return 'ok';
  } catch (error) {
    return error instanceof Error && 'status' in error ? `${String(error.status)} ${error.message}` : String(error);
  }
}

async function pageAnswer(): Promise<string> {
  try {
    await requirePageUser();
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

forEachEngine('session guard', (ctx) => {
  let n = 0;
  async function signedIn(change: Partial<typeof users.$inferInsert> = {}) {
    n += 1;
    const { id } = await createUser(
      SYSTEM_ACTOR,
      {
        username: `guard${n}`,
        displayName: `守卫${n}`,
        role: 'leader',
        password: 'Kx9#mPq2Lw',
        mustChangePassword: false,
      },
      { db: ctx.db },
    );
    const [row] = await ctx.db
      .update(users)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    current.session = { uid: id, sv: row?.sessionVersion, at: Math.floor(Date.now() / 1000) };
    return id;
  }

  beforeAll(() => {
    processDb.db = ctx.db;
  });

  it('a valid session is the user, with the client address for the audit log', async () => {
    await signedIn();
    expect(await getSessionUser()).toMatchObject({ role: 'leader', clientAddress: '10.1.1.1', mustEnrollTotp: false });
    expect(await apiAnswer()).toBe('ok');
    expect(await pageAnswer()).toBe('ok');
  });

  it('no session, or a revoked or too old one: 401 from the API and /login for pages', async () => {
    current.session = null;
    expect(await apiAnswer()).toBe('401 请先登录');
    expect(await pageAnswer()).toBe('redirect:/login');
    const id = await signedIn();
    await ctx.db.update(users).set({ sessionVersion: 99 }).where(eq(users.id, id));
    expect(await apiAnswer()).toBe('401 请先登录');
    await signedIn();
    current.session = { ...(current.session ?? {}), at: Math.floor(Date.now() / 1000) - 13 * 3600 };
    expect(await apiAnswer()).toBe('401 请先登录');
  });

  it('a one-time password: pages go to /account/password, the API answers 403 except the account routes', async () => {
    await signedIn({ mustChangePassword: true });
    expect(await pageAnswer()).toBe('redirect:/account/password');
    expect(await apiAnswer()).toBe('403 请先修改初始密码');
    expect(await apiAnswer({ allowIncompleteSetup: true })).toBe('ok');
  });

  it('a role that requires TOTP without it: pages go to /account/mfa, the API answers 403 until enrolled', async () => {
    vi.stubEnv('MFA_REQUIRED_ROLES', 'leader,admin');
    const id = await signedIn();
    expect(await pageAnswer()).toBe('redirect:/account/mfa');
    expect(await apiAnswer()).toBe('403 请先完成双因素认证绑定');
    expect(await apiAnswer({ allowIncompleteSetup: true })).toBe('ok');
    await ctx.db.update(users).set({ totpEnabled: true, totpSecret: 'JBSWY3DPEHPK3PXP' }).where(eq(users.id, id));
    expect(await apiAnswer()).toBe('ok');
    expect(await pageAnswer()).toBe('ok');
    vi.stubEnv('MFA_REQUIRED_ROLES', 'admin');
    await signedIn();
    expect(await apiAnswer()).toBe('ok');
  });
});
