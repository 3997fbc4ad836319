import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { actuals, auditEvents, departments, indicators, users } from '@/db/schema';
import { currentPeriod } from '@/lib/domain/period';
import { prepareDatabase, type PreparedDatabase, type TestAccount } from '@/scripts/lib/test-server';
import { ACTORS, matrixRows, type MatrixActor, type MatrixIds } from './support/access-matrix';
import { signIn, startApp, type RunningApp } from './support/app';

const PASSWORD = 'Reliability-Pass#2026';
const ACCOUNTS: Record<Exclude<MatrixActor, 'anonymous'>, TestAccount> = {
  admin: { username: 'mx-admin', role: 'admin', displayName: '矩阵管理员' },
  security: { username: 'mx-security', role: 'security', displayName: '矩阵安全管理员' },
  officialA: { username: 'mx-official-a', role: 'official', displayName: '矩阵填报员A', departmentCode: 'fgw' },
  officialB: { username: 'mx-official-b', role: 'official', displayName: '矩阵填报员B', departmentCode: 'swj' },
  reviewerA: { username: 'mx-reviewer-a', role: 'reviewer', displayName: '矩阵审核员A', departmentCode: 'fgw' },
  leader: { username: 'mx-leader', role: 'leader', displayName: '矩阵领导' },
  auditor: { username: 'mx-auditor', role: 'auditor', displayName: '矩阵审计员' },
};

async function findIds(env: Record<string, string>): Promise<MatrixIds> {
  const handle = await openDatabase({ url: env.DATABASE_URL, dir: env.PGLITE_DIR });
  try {
    const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.username, 'mx-official-b'));
    const [dept] = await handle.db.select({ id: departments.id }).from(departments).where(eq(departments.code, 'swj'));
    const [event] = await handle.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).limit(1);
    const [submitted] = await handle.db
      .select({ id: actuals.id })
      .from(actuals)
      .innerJoin(indicators, eq(indicators.id, actuals.indicatorId))
      .innerJoin(departments, eq(departments.id, indicators.departmentId))
      .where(and(eq(actuals.status, 'submitted'), eq(departments.code, 'fgw')))
      .limit(1);
    return { userId: user?.id ?? 0, departmentId: dept?.id ?? 0, auditEventId: event?.id ?? 1, submittedActualId: submitted?.id ?? 0, year: currentPeriod(new Date()).year };
  } finally {
    await handle.close();
  }
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' };

describe('the access matrix: every API route × every kind of actor', () => {
  let db: PreparedDatabase;
  let app: RunningApp | undefined;
  let ids: MatrixIds;
  beforeAll(async () => {
    db = await prepareDatabase({ prefix: 'rel_matrix', pgliteDir: '.data-reliability-matrix', testUrl: process.env.TEST_DATABASE_URL, accounts: Object.values(ACCOUNTS), password: PASSWORD });
    ids = await findIds(db.env);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  async function runMatrix(label: string, env: Record<string, string>) {
    app = await startApp({ ...db.env, ...env }, Number(process.env.E2E_PORT ?? 3205));
    const cookies: Partial<Record<MatrixActor, string>> = { anonymous: '' };
    for (const [actor, account] of Object.entries(ACCOUNTS)) cookies[actor as MatrixActor] = await signIn(app.url, account.username, PASSWORD);
    const wrong: string[] = [];
    for (const row of matrixRows(ids)) {
      for (const actor of ACTORS) {
        const expected = actor === 'anonymous' ? (row.expect.anonymous ?? 401) : (row.expect[actor] ?? row.expect.default);
        const res = await fetch(`${app.url}${row.path}`, {
          method: row.method,
          redirect: 'manual',
          headers: { cookie: cookies[actor] ?? '', ...(row.body ? { 'content-type': 'application/json' } : {}) },
          body: row.body ? '{}' : undefined,
        });
        await res.arrayBuffer();
        if (res.status !== expected) wrong.push(`${label}: ${row.method} ${row.path} as ${actor}: expected ${expected}, got ${res.status}`);
      }
    }
    // Security headers on a page and on an API answer.
    for (const path of ['/login', '/api/health']) {
      const res = await fetch(`${app.url}${path}`);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        if (res.headers.get(name) !== value) wrong.push(`${label}: ${path} header ${name} = ${res.headers.get(name)}`);
      }
    }
    await app.stop();
    app = undefined;
    return wrong;
  }

  it('answers 200/400 where allowed, 403 where the role may not, 401 when signed out, 404 for what does not exist', async () => {
    expect(await runMatrix('with proxy', {})).toEqual([]);
  });

  it('answers the same with the proxy switched off: the checks do not depend on it', async () => {
    expect(await runMatrix('without proxy', { ZHUASHOU_PROXY_DISABLED: '1' })).toEqual([]);
  });
});
