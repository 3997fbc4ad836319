/**
 * Two instances on one PostgreSQL behind nginx behave as one system: sessions, lockouts, disabled accounts and
 * figures are the database's, not an instance's; a SIGKILLed instance loses no acknowledged write; a rolling
 * restart costs readers nothing. The instances run from the offline release archive (built by `npm run release` when
 * missing); needs TEST_DATABASE_URL.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '@/db/client';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { currentPeriod, formatPeriod } from '@/lib/domain/period';
import { verifyAuditChain } from '@/lib/services/audit/audit-log';
import { prepareDatabase, type PreparedDatabase, type TestAccount } from '@/scripts/lib/test-server';
import { attemptSignIn, call, signIn, type RunningApp } from '@/scripts/lib/test-app';
import { DraftWriter, missingWrites, type AcknowledgedWrite } from '@/tests/reliability/support/writes';
import { startInstance, waitReady } from '@/scripts/lib/cluster-instance';
import { startNginx, type RunningNginx } from '@/scripts/lib/cluster-nginx';

const PASSWORD = 'Cluster-Pass#2026-zs';
const INSTANCE_PORTS = [3401, 3402];
const NGINX_PORT = 8401;
const WRITERS = 8;
const CODES = ['INV-PROJECTS', 'INV-NEW-STARTS', 'INV-INVESTMENT', 'INV-TRANSFORM-PROJECTS-COMPLETED'];
const official = (username: string, displayName: string): TestAccount => ({
  username,
  role: 'official',
  displayName,
  departmentCode: 'fgw',
});
const writers = Array.from({ length: WRITERS }, (_, i) => official(`cluster-writer-${i + 1}`, `集群填报员${i + 1}`));
const ACCOUNTS: TestAccount[] = [
  official('cluster-official', '集群填报员'),
  official('cluster-locked', '集群锁定测试'),
  official('cluster-victim', '集群停用测试'),
  { username: 'cluster-security', role: 'security', displayName: '集群安全管理员' },
  { username: 'cluster-leader', role: 'leader', displayName: '集群领导' },
  ...writers,
];
const testUrl = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('two instances behind nginx on one PostgreSQL', () => {
  let db: PreparedDatabase | undefined;
  let nginx: RunningNginx | undefined;
  const instances: (RunningApp | undefined)[] = [];
  const period = formatPeriod(currentPeriod(new Date()));
  const [year, month] = period.split('-').map(Number);
  const ownerHandle = () => openDatabase({ url: db?.env.DATABASE_OWNER_URL, migrate: false, maxConnections: 2 });
  const start = async (i: number) => {
    const port = INSTANCE_PORTS[i] ?? 0;
    instances[i] = await startInstance(db?.env ?? {}, port, { publicUrl: `http://127.0.0.1:${NGINX_PORT}` });
    await waitReady(instances[i]!);
  };
  const instance = (i: number): RunningApp => {
    const app = instances[i];
    if (!app) throw new Error(`instance ${i} is not running`);
    return app;
  };
  const nginxUrl = () => nginx?.url ?? '';

  beforeAll(async () => {
    if (!testUrl)
      throw new Error(
        'the cluster runs on PostgreSQL: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)',
      );
    db = await prepareDatabase({
      prefix: 'cluster',
      pgliteDir: '.data-unused',
      testUrl,
      accounts: ACCOUNTS,
      password: PASSWORD,
    });
    nginx = await startNginx({ port: NGINX_PORT, upstreams: INSTANCE_PORTS });
    await Promise.all(INSTANCE_PORTS.map((_, i) => start(i)));
  });
  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(instances.map((app) => app?.stop()));
    await db?.drop();
  });

  it('signs in through nginx, and the session is good on each instance directly', async () => {
    const cookie = await signIn(nginxUrl(), 'cluster-official', PASSWORD);
    expect((await call(`${nginxUrl()}/api/entry`, cookie, 'GET')).status).toBe(200);
    for (const i of [0, 1]) {
      expect(
        (await call(`${instance(i).url}/api/entry`, cookie, 'GET')).status,
        `instance ${i} with the cookie from nginx`,
      ).toBe(200);
      // …and each instance signs in by itself too.
      const own = await signIn(instance(i).url, 'cluster-official', PASSWORD);
      expect(
        (await call(`${instance(1 - i).url}/api/entry`, own, 'GET')).status,
        `a session from instance ${i} on the other`,
      ).toBe(200);
    }
    expect((await call(`${nginxUrl()}/api/entry`, '', 'GET')).status, 'no session, no figures').toBe(401);
  });

  it('a lockout made on instance A refuses the right password on B at once; a user disabled through A is refused on B at once', async () => {
    const [a, b] = [instance(0), instance(1)];
    expect(
      (await attemptSignIn(b.url, 'cluster-locked', PASSWORD)).signedIn,
      'the right password works before the lockout',
    ).toBe(true);
    for (let k = 0; k < 5; k += 1) {
      const wrong = await attemptSignIn(a.url, 'cluster-locked', `Wrong-Pass#${k}-zs`);
      expect(wrong.signedIn).toBe(false);
      expect(wrong.error).toBe('invalid');
    }
    const locked = await attemptSignIn(b.url, 'cluster-locked', PASSWORD);
    expect(locked.signedIn, 'locked on B after 5 failures on A').toBe(false);
    expect(locked.error, 'the same generic answer as a wrong password').toBe('invalid');

    const victimOnB = await signIn(b.url, 'cluster-victim', PASSWORD);
    expect((await call(`${b.url}/api/entry`, victimOnB, 'GET')).status).toBe(200);
    const handle = await ownerHandle();
    let victimId: number;
    try {
      const [row] = await queryRows<{ id: number }>(
        handle.db,
        sql`select id from users where username = 'cluster-victim'`,
      );
      victimId = Number(row?.id);
    } finally {
      await handle.close();
    }
    const security = await signIn(a.url, 'cluster-security', PASSWORD);
    const disabled = await call(`${a.url}/api/admin/users/${victimId}`, security, 'POST', { action: 'disable' });
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    expect((await call(`${b.url}/api/entry`, victimOnB, 'GET')).status, 'the session on B ends at once').toBe(401);
    const again = await attemptSignIn(b.url, 'cluster-victim', PASSWORD);
    expect(again.signedIn).toBe(false);
    expect(again.error).toBe('disabled');
  });

  it('a figure saved through instance A is on the next read from instance B', async () => {
    const [a, b] = [instance(0), instance(1)];
    const cookie = await signIn(nginxUrl(), 'cluster-official', PASSWORD);
    const readOnB = async () => {
      const res = await call(`${b.url}/api/entry?year=${year}&month=${month}`, cookie, 'GET');
      expect(res.status).toBe(200);
      const rows = res.body.rows as {
        indicator: { code: string };
        actual: { value: string; version: number } | null;
      }[];
      const row = rows.find((r) => r.indicator.code === 'INV-PROJECTS');
      expect(row, 'INV-PROJECTS is due this month').toBeDefined();
      return row?.actual ?? null;
    };
    const before = await readOnB(); // B has read (and cached) the figure before the write
    const acknowledged: AcknowledgedWrite[] = [];
    const writer = new DraftWriter(cookie, acknowledged);
    const value = String(4321 + (before?.version ?? 0));
    expect(await writer.save(a.url, 'INV-PROJECTS', period, value)).toBe(200);
    const after = await readOnB();
    expect(Number(after?.value)).toBe(Number(value));
    expect(after?.version).toBe(acknowledged[0]?.version);
  });

  it(`${WRITERS} writers through nginx while instance A is SIGKILLed: every acknowledged write is stored, the audit chain verifies`, async () => {
    const cookies = await Promise.all(writers.map((w) => signIn(nginxUrl(), w.username, PASSWORD)));
    const acknowledged: AcknowledgedWrite[] = [];
    const statuses = new Map<number, number>();
    let killedAt = Number.POSITIVE_INFINITY;
    let afterKill = 0;
    let stop = false;
    const lane = async (cookie: string, n: number) => {
      const writer = new DraftWriter(cookie, acknowledged);
      for (let k = 0; !stop; k += 1) {
        const started = Date.now();
        const status = await writer.save(
          nginxUrl(),
          CODES[(n + k) % CODES.length] ?? 'INV-PROJECTS',
          period,
          String(7000 + n * 100 + (k % 100)),
        );
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 200 && started > killedAt) afterKill += 1;
        if (status !== 200 && status !== 409) await sleep(100);
      }
    };
    const load = cookies.map((c, n) => lane(c, n));
    await sleep(2_000);
    killedAt = Date.now();
    await instance(0).kill9();
    instances[0] = undefined;
    await sleep(3_000);
    stop = true;
    await Promise.all(load);
    await start(0);

    const seen = JSON.stringify([...statuses]);
    console.info(
      `[cluster] writes by status ${seen}; acknowledged ${acknowledged.length}, of them after the kill ${afterKill}`,
    );
    // A write in flight on the killed instance gets 502 from nginx (never resent: PUT is not idempotent);
    // everything else is answered by the survivor.
    expect(
      [...statuses.keys()].every((s) => s === 200 || s === 409 || s === 502),
      seen,
    ).toBe(true);
    expect(statuses.get(502) ?? 0, seen).toBeLessThanOrEqual(2 * WRITERS);
    expect(acknowledged.length, seen).toBeGreaterThan(WRITERS);
    expect(afterKill, 'the surviving instance takes the writes').toBeGreaterThan(0);

    const handle = await ownerHandle();
    try {
      expect(await missingWrites(handle.db, acknowledged), 'acknowledged writes lost').toEqual([]);
      const report = await verifyAuditChain(SYSTEM_ACTOR, {}, { db: handle.db });
      expect(report.ok, report.message).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('a rolling restart (each instance stopped and started in turn) under read load fails no reader', async () => {
    const cookie = await signIn(nginxUrl(), 'cluster-leader', PASSWORD);
    const failures: string[] = [];
    let ok = 0;
    let stop = false;
    const reader = async () => {
      while (!stop) {
        const res = await call(`${nginxUrl()}/api/overview?year=${year}`, cookie, 'GET');
        if (res.status >= 200 && res.status < 300) ok += 1;
        else failures.push(`HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    };
    const readers = Array.from({ length: 4 }, reader);
    await sleep(1_000);
    const before = ok;
    for (const i of [0, 1]) {
      const stopped = instance(i).stop();
      const outcome = await Promise.race([stopped.then(() => 'stopped'), sleep(15_000).then(() => 'still running')]);
      expect(
        outcome,
        `instance ${i} exits within 15 s of SIGTERM under load\n${instance(i).output().slice(-2000)}`,
      ).toBe('stopped');
      instances[i] = undefined;
      await start(i);
    }
    await sleep(1_000);
    stop = true;
    await Promise.all(readers);
    console.info(`[cluster] rolling restart: ${ok} reads answered, ${failures.length} failed`);
    expect(before, 'the readers were reading before the restarts').toBeGreaterThan(0);
    expect(failures, `${ok} reads answered\n${nginx?.output().slice(-2000) ?? ''}`).toEqual([]);
    expect(ok).toBeGreaterThan(before);
  });
});
