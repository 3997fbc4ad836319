/**
 * CSRF through the one request wrapper, against a real database: the attack of finding 3 — an auto-submitting
 * form on another origin of the same site disables a user while the admin is signed in — is refused with 403
 * before anything runs, nothing changes, and the refusal is on the record (throttled, with the address the
 * trusted proxy saw, not the one the client wrote).
 */
import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { createUser } from '@/lib/services/admin/users';
import { forEachEngine } from '@/tests/helpers/test-db';
import { processDb } from './fixtures/process-db';

const current: { session: Record<string, unknown> | null; headers: Headers } = {
  session: null,
  headers: new Headers(),
};

vi.mock('@/db/client', async (importOriginal) => (await import('./fixtures/process-db')).withProcessDb(importOriginal));
vi.mock('@/lib/session/session-token', () => ({ currentSessionClaims: async () => current.session }));
vi.mock('next/headers', () => ({ headers: async () => current.headers }));

const { POST } = await import('@/app/api/admin/users/[id]/route');

const APP = 'http://zhuashou.test';

/** A POST as a browser sends it; `via` is the X-Forwarded-For the request reaches the app with. */
function post(
  id: number,
  init: { origin?: string; secFetchSite?: string; body: unknown; via?: string; query?: string },
) {
  const headers = new Headers({ host: 'zhuashou.test', 'content-type': 'application/json' });
  if (init.origin) headers.set('origin', init.origin);
  if (init.secFetchSite) headers.set('sec-fetch-site', init.secFetchSite);
  if (init.via) headers.set('x-forwarded-for', init.via);
  current.headers = headers;
  const req = new NextRequest(`${APP}/api/admin/users/${id}${init.query ?? ''}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(init.body),
  });
  return POST(req, { params: Promise.resolve({ id: String(id) }) });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

/**
 * Refusals are counted per wall-clock minute (lib/services/audit/refusals.ts), so posts that straddle a
 * minute's end are rightly recorded twice. Start a burst with at least 10 s of its minute left.
 */
async function clearOfMinuteEnd() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

forEachEngine('origin refusal', (ctx) => {
  let adminId = 0;
  let n = 0;
  beforeAll(async () => {
    processDb.db = ctx.db;
    const admin = await createUser(
      SYSTEM_ACTOR,
      {
        username: 'csrf-admin',
        displayName: '跨站管理员',
        role: 'security',
        password: 'Kx9#mPq2Lw',
        mustChangePassword: false,
      },
      { db: ctx.db },
    );
    adminId = admin.id;
  });
  beforeEach(async () => {
    const [row] = await ctx.db.select().from(users).where(eq(users.id, adminId));
    current.session = { uid: adminId, sv: row?.sessionVersion, at: Math.floor(Date.now() / 1000) };
  });
  async function victim() {
    n += 1;
    const { id } = await createUser(
      SYSTEM_ACTOR,
      {
        username: `csrf-victim${n}`,
        displayName: `受害者${n}`,
        role: 'leader',
        password: 'Kx9#mPq2Lw',
        mustChangePassword: false,
      },
      { db: ctx.db },
    );
    return id;
  }
  const isDisabled = async (id: number) =>
    (await ctx.db.select({ d: users.isDisabled }).from(users).where(eq(users.id, id)))[0]?.d;
  const refusals = () => ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'refusal.origin'));

  it('refuses a form from another port or a sibling subdomain: 403, the user stays enabled', async () => {
    const id = await victim();
    for (const origin of ['http://zhuashou.test:8080', 'http://files.zhuashou.test', 'null']) {
      const res = await post(id, { origin, secFetchSite: 'same-site', body: { action: 'disable' } });
      expect(res.status, origin).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('跨站请求防护');
    }
    const noOrigin = await post(id, { body: { action: 'disable' } });
    expect(noOrigin.status).toBe(403);
    expect(await isDisabled(id)).toBe(false);
  });

  it("the app's own page may: same Origin, or Sec-Fetch-Site: same-origin without one; the action travels in the body", async () => {
    const id = await victim();
    expect((await post(id, { origin: APP, body: { action: 'disable' } })).status).toBe(200);
    expect(await isDisabled(id)).toBe(true);
    expect((await post(id, { secFetchSite: 'same-origin', body: { action: 'enable' } })).status).toBe(200);
    expect(await isDisabled(id)).toBe(false);
    // An action in the query string is no longer read.
    expect((await post(id, { origin: APP, query: '?action=disable', body: {} })).status).toBe(400);
    expect(await isDisabled(id)).toBe(false);
  });

  it('records a refusal once per address and reason per minute, with the address the proxy saw and the session it carried', async () => {
    const id = await victim();
    await clearOfMinuteEnd();
    const before = (await refusals()).length;
    // The client wrote 6.6.6.6 first; the loopback proxy appended the address it saw.
    for (let i = 0; i < 5; i += 1)
      await post(id, {
        origin: 'http://evil.test',
        body: { action: 'disable' },
        via: '6.6.6.6, 203.0.113.7, 127.0.0.1',
      });
    await post(id, { origin: 'http://evil.test', body: { action: 'disable' }, via: '198.51.100.3' });
    const rows = (await refusals()).slice(before);
    expect(rows.map((r) => r.clientAddress).sort()).toEqual(['198.51.100.3', '203.0.113.7']);
    expect(rows.every((r) => r.actorId === adminId)).toBe(true);
    expect(rows[0]?.after).toMatchObject({
      reason: 'origin',
      check: 'foreign_origin',
      method: 'POST',
      origin: 'http://evil.test',
    });
    const [dup] = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'refusal.origin'), eq(auditEvents.clientAddress, '6.6.6.6')));
    expect(dup).toBeUndefined();
  });
});
