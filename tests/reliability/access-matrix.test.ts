import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actuals, auditEvents, departments, indicators, users } from '@/db/schema';
import { currentPeriod } from '@/lib/domain/period';
import type { TestAccount } from '@/scripts/lib/test-server';
import { ACTORS, matrixRows, stateChangingRows, type MatrixActor, type MatrixIds } from './support/access-matrix';
import { sameOrigin, signIn } from '@/scripts/lib/test-app';
import { refusalsRecordedSince, snapshotApartFromRefusals, withAppDatabase } from './support/app-database';
import { PASSWORD, reliabilitySuite } from './support/suite';

const ACCOUNTS: Record<Exclude<MatrixActor, 'anonymous'>, TestAccount> = {
  admin: { username: 'mx-admin', role: 'admin', displayName: '矩阵管理员' },
  security: { username: 'mx-security', role: 'security', displayName: '矩阵安全管理员' },
  officialA: { username: 'mx-official-a', role: 'official', displayName: '矩阵填报员A', departmentCode: 'fgw' },
  officialB: { username: 'mx-official-b', role: 'official', displayName: '矩阵填报员B', departmentCode: 'swj' },
  reviewerA: { username: 'mx-reviewer-a', role: 'reviewer', displayName: '矩阵审核员A', departmentCode: 'fgw' },
  leader: { username: 'mx-leader', role: 'leader', displayName: '矩阵领导' },
  auditor: { username: 'mx-auditor', role: 'auditor', displayName: '矩阵审计员' },
};

/** The refusals the foreign-origin requests are meant to record (their events and counters are set apart). */
const isOriginRefusal = (action: string) => action === 'refusal.origin';

async function findIds(env: Record<string, string>): Promise<MatrixIds> {
  return withAppDatabase(env, async (db) => {
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'mx-official-b'));
    const [dept] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, 'swj'));
    const [event] = await db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).limit(1);
    const [submitted] = await db
      .select({ id: actuals.id })
      .from(actuals)
      .innerJoin(indicators, eq(indicators.id, actuals.indicatorId))
      .innerJoin(departments, eq(departments.id, indicators.departmentId))
      .where(and(eq(actuals.status, 'submitted'), eq(departments.code, 'fgw')))
      .limit(1);
    return {
      userId: user?.id ?? 0,
      departmentId: dept?.id ?? 0,
      auditEventId: event?.id ?? 1,
      submittedActualId: submitted?.id ?? 0,
      year: currentPeriod(new Date()).year,
    };
  });
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

describe('the access matrix: every API route × every kind of actor', () => {
  let ids: MatrixIds;
  const suite = reliabilitySuite(
    {
      prefix: 'rel_matrix',
      pgliteDir: '.data-reliability-matrix',
      testUrl: process.env.TEST_DATABASE_URL,
      accounts: Object.values(ACCOUNTS),
    },
    {
      ready: async (s) => {
        ids = await findIds(s.db.env);
      },
    },
  );

  async function runMatrix(label: string, env: Record<string, string>) {
    const app = await suite.start(Number(process.env.E2E_PORT ?? 3205), env);
    const cookies: Partial<Record<MatrixActor, string>> = { anonymous: '' };
    for (const [actor, account] of Object.entries(ACCOUNTS))
      cookies[actor as MatrixActor] = await signIn(app.url, account.username, PASSWORD);
    const wrong: string[] = [];
    for (const row of matrixRows(ids)) {
      for (const actor of ACTORS) {
        const expected =
          actor === 'anonymous' ? (row.expect.anonymous ?? 401) : (row.expect[actor] ?? row.expect.default);
        const res = await fetch(`${app.url}${row.path}`, {
          method: row.method,
          redirect: 'manual',
          headers: {
            cookie: cookies[actor] ?? '',
            ...sameOrigin(app.url),
            ...(row.body ? { 'content-type': 'application/json' } : {}),
          },
          body: row.body ? '{}' : undefined,
        });
        await res.arrayBuffer();
        if (res.status !== expected)
          wrong.push(`${label}: ${row.method} ${row.path} as ${actor}: expected ${expected}, got ${res.status}`);
      }
    }
    // Security headers on a page and on an API answer.
    for (const path of ['/login', '/api/health']) {
      const res = await fetch(`${app.url}${path}`);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        if (res.headers.get(name) !== value) wrong.push(`${label}: ${path} header ${name} = ${res.headers.get(name)}`);
      }
      const csp = res.headers.get('content-security-policy') ?? '';
      if (!csp.includes("frame-ancestors 'none'")) wrong.push(`${label}: ${path} CSP = ${csp}`);
      // The public health check says alive or not, never which database engine (or version) runs behind it.
      const text = await res.text();
      if (path === '/api/health' && /pglite|postgres|engine/i.test(text))
        wrong.push(`${label}: /api/health tells ${text}`);
    }
    await suite.stop();
    return wrong;
  }

  it('answers 200/400 where allowed, 403 where the role may not, 401 when signed out, 404 for what does not exist', async () => {
    expect(await runMatrix('with proxy', {})).toEqual([]);
  });

  it('answers the same with the proxy switched off: the checks do not depend on it', async () => {
    expect(await runMatrix('without proxy', { ZHUASHOU_PROXY_DISABLED: '1' })).toEqual([]);
  });

  it('refuses every state-changing route from a foreign Origin (or with no origin at all) with 403, storing nothing but the refusal', async () => {
    // Sign in first (that writes), then snapshot with the app stopped (the embedded database has one user).
    let app = await suite.start(3205);
    const cookies: Partial<Record<MatrixActor, string>> = { anonymous: '' };
    for (const [actor, account] of Object.entries(ACCOUNTS))
      cookies[actor as MatrixActor] = await signIn(app.url, account.username, PASSWORD);
    await suite.stop();
    const before = await snapshotApartFromRefusals(suite.db.env, isOriginRefusal);
    app = await suite.start(3205);
    // Another port on the same host: same-site, so SameSite cookies do not help; a sibling subdomain alike.
    const attacks: Array<{ label: string; headers: Record<string, string> }> = [
      { label: 'another port', headers: { origin: 'http://127.0.0.1:8081', 'sec-fetch-site': 'same-site' } },
      { label: 'a sibling subdomain', headers: { origin: 'http://evil.127.0.0.1.nip.io:3205' } },
      { label: 'no Origin, cross-site fetch', headers: { 'sec-fetch-site': 'cross-site' } },
      { label: 'no Origin at all', headers: {} },
    ];
    const wrong: string[] = [];
    for (const row of stateChangingRows(ids)) {
      for (const actor of ACTORS) {
        for (const attack of attacks) {
          const res = await fetch(`${app.url}${row.path}`, {
            method: row.method,
            redirect: 'manual',
            headers: {
              cookie: cookies[actor] ?? '',
              ...attack.headers,
              'content-type': row.body ? 'application/json' : 'application/x-www-form-urlencoded',
            },
            body: row.body ? '{}' : 'csrfToken=x&username=mx-admin&password=x',
          });
          const text = await res.text();
          if (res.status !== 403 || !text.includes('跨站请求防护'))
            wrong.push(
              `${row.method} ${row.path} as ${actor} from ${attack.label}: HTTP ${res.status} ${text.slice(0, 120)}`,
            );
        }
      }
    }
    // The app's own pages still write (the control: the refusals above are about the origin, not the request).
    const own = await fetch(`${app.url}/api/account/password`, {
      method: 'POST',
      headers: { cookie: cookies.admin ?? '', ...sameOrigin(app.url), 'content-type': 'application/json' },
      body: '{}',
    });
    await own.arrayBuffer();
    if (own.status !== 400) wrong.push(`same-origin control: HTTP ${own.status}`);
    await suite.stop();
    expect(wrong, wrong.join('\n')).toEqual([]);
    // Recorded, but throttled: one event per address and reason per minute (two if the run crossed a minute), not one
    // per request — hundreds of refused requests above, all from one address.
    const recorded = await refusalsRecordedSince(suite.db.env, before, isOriginRefusal);
    expect(recorded.length).toBeGreaterThanOrEqual(1);
    expect(recorded.length).toBeLessThanOrEqual(2);
  });
});
