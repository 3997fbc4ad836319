/**
 * `npm run db:roles` (PostgreSQL only; skipped without TEST_DATABASE_URL): the application's login it makes can do
 * the app's writes, but cannot switch the audit log's triggers off, nor update, delete or empty the log — so whoever
 * controls the app cannot rewrite its trail. Run twice it changes nothing; a bad login name is refused.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, sql, type DbHandle } from '@/db/client';
import { getLoginLevel, scramVerifier } from '@/db/roles';
import { indicators, targets } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { saveActual } from '@/lib/services/reporting/actual-entry';
import { bootstrap } from '@/lib/services/platform/bootstrap';
import { createUser } from '@/lib/services/admin/users';
import { append, auditCount } from '@/scripts/lib/audit-fixtures';
import { forEachEngine } from '@/tests/helpers/test-db';
import { refusal } from './fixtures/refusals';

const adminUrl = process.env.TEST_DATABASE_URL;

describe.runIf(adminUrl)('db:roles: the application login cannot touch the audit trail [postgres]', () => {
  const name = `zs_test_${randomBytes(6).toString('hex')}`;
  const login = `${name}_app`;
  const password = randomBytes(18).toString('base64url');
  const ownerUrl = new URL(adminUrl ?? 'postgres://x');
  ownerUrl.pathname = `/${name}`;
  const appUrl = new URL(ownerUrl);
  appUrl.username = login;
  appUrl.password = password;
  let app: DbHandle | undefined;
  let owner: DbHandle | undefined;
  const admin = () => postgres(adminUrl ?? '', { max: 1, onnotice: () => {} });

  const dbRoles = (appUser: string, env: Record<string, string> = {}) =>
    spawnSync('npx', ['tsx', 'scripts/db-roles.ts', '--app-user', appUser], {
      env: {
        ...process.env,
        DATABASE_URL: ownerUrl.toString(),
        DATABASE_OWNER_URL: '',
        APP_DB_PASSWORD: password,
        ...env,
      },
      encoding: 'utf8',
      timeout: 120_000,
    });

  /** Every privilege the login holds in the database, as text, to compare runs. */
  const privileges = async () => {
    const rows = await queryRows<{ p: string }>(
      owner!.db,
      sql`select grantee || ':' || table_schema || '.' || table_name || ':' || privilege_type as p
          from information_schema.role_table_grants where grantee = ${login}
          union all select 'default:' || defaclobjtype::text || ':' || array_to_string(defaclacl, ',') from pg_default_acl
          order by 1`,
    );
    return rows.map((r) => r.p);
  };

  beforeAll(async () => {
    const a = admin();
    await a.unsafe(`create database ${name}`);
    await a.end();
  });

  afterAll(async () => {
    await app?.close();
    await owner?.close();
    const a = admin();
    await a.unsafe(`drop database if exists ${name} with (force)`);
    await a.unsafe(`drop role if exists ${login}`);
    await a.end();
  });

  it('refuses a bad login name, creating nothing', async () => {
    const result = dbRoles(`${login}"; drop table users; --`);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('无效');
    const weak = dbRoles(login, { APP_DB_PASSWORD: 'short' });
    expect(weak.status).toBe(64);
    const a = admin();
    const roles = await a`select rolname from pg_roles where rolname like ${`${name}%`}`;
    await a.end();
    expect(roles).toHaveLength(0);
  });

  it('creates the login (migrating first); a second run changes nothing', async () => {
    const first = dbRoles(login);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`已建立应用数据库登录 ${login}`);
    owner = await openDatabase({ url: ownerUrl.toString(), maxConnections: 2 });
    const granted = await privileges();
    expect(granted).toContain(`${login}:public.audit_events:INSERT`);
    expect(granted).toContain(`${login}:public.actuals:UPDATE`);
    expect(granted.filter((p) => p.startsWith(`${login}:public.audit_events:`)).sort()).toEqual([
      `${login}:public.audit_events:INSERT`,
      `${login}:public.audit_events:SELECT`,
    ]);
    const second = dbRoles(login);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`已更新应用数据库登录 ${login}`);
    expect(await privileges()).toEqual(granted);
  });

  it('stores the password as the same SCRAM verifier PostgreSQL itself makes (so that the login can sign in)', async () => {
    const probe = `${name}_scram`;
    const a = admin();
    try {
      await a.unsafe(`set password_encryption = 'scram-sha-256'`);
      await a.unsafe(`create role ${probe} password 'Probe-Password-2026!'`);
      const [row] = await a<{ v: string }[]>`select rolpassword as v from pg_authid where rolname = ${probe}`;
      const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(row?.v ?? '');
      expect(match).not.toBeNull();
      expect(scramVerifier('Probe-Password-2026!', Buffer.from(match![2]!, 'base64'), Number(match![1]))).toBe(row?.v);
    } finally {
      await a.unsafe(`drop role if exists ${probe}`);
      await a.end();
    }
  });

  it('connects as the login, which is reported as restricted (the owner as owner-level)', async () => {
    app = await openDatabase({ url: appUrl.toString(), ownerUrl: ownerUrl.toString(), maxConnections: 2 });
    expect(await getLoginLevel(app.db)).toBe('restricted');
    expect(await getLoginLevel(owner!.db)).toBe('owner');
  });

  it("does the app's writes: seeds, appends audit events through appendAuditEvent, saves an actual", async () => {
    const db = app!.db;
    await bootstrap({ sample: false, demoAccounts: false, log: () => {} }, app);
    const before = await auditCount(db);
    await append(db);
    expect(await auditCount(db)).toBe(before + 1);
    const { id } = await createUser(
      SYSTEM_ACTOR,
      {
        username: 'login-official',
        displayName: '填报',
        role: 'official',
        departmentCode: 'fgw',
        password: 'Login-Test-Pass#2026',
        mustChangePassword: false,
      },
      { db },
    );
    const [indicator] = await db.select().from(indicators).where(eq(indicators.code, 'INV-INVESTMENT'));
    await db.insert(targets).values({ indicatorId: indicator!.id, year: 2026, value: '1100' });
    const official = {
      id,
      username: 'login-official',
      role: 'official' as const,
      departmentId: indicator!.departmentId,
      clientAddress: '127.0.0.1',
    };
    const saved = await saveActual(
      official,
      { indicatorCode: 'INV-INVESTMENT', period: '2026-03', version: null, value: '300', action: 'draft' },
      { db, now: new Date('2026-04-10T04:00:00Z') },
    );
    expect(saved.actual).toMatchObject({ status: 'draft', version: 1 });
  });

  it('is refused DISABLE TRIGGER, UPDATE, DELETE and TRUNCATE on audit_events, and the log is unchanged', async () => {
    const db = app!.db;
    const count = await auditCount(db);
    expect(count).toBeGreaterThan(0);
    expect(await refusal(() => db.execute(sql`alter table audit_events disable trigger all`))).toMatch(/must be owner/);
    expect(await refusal(() => db.execute(sql`alter table audit_events disable trigger user`))).toMatch(
      /must be owner/,
    );
    expect(await refusal(() => db.execute(sql`update audit_events set reason = '篡改'`))).toMatch(/permission denied/);
    expect(await refusal(() => db.execute(sql`delete from audit_events`))).toMatch(/permission denied/);
    expect(await refusal(() => db.execute(sql`truncate audit_events`))).toMatch(/permission denied/);
    expect(await refusal(() => db.execute(sql`drop table audit_events`))).toMatch(/must be owner/);
    expect(await auditCount(db)).toBe(count);
  });
});

// The integration suite itself runs the app's queries on such a login on PostgreSQL (tests/helpers/test-db.ts).
forEachEngine('the test databases', (ctx) => {
  it.runIf(ctx.engine === 'postgres' && process.env.TEST_APP_DB_ROLE !== '0')(
    'give the app a restricted login and the tests the owner',
    async () => {
      expect(await getLoginLevel(ctx.db)).toBe('restricted');
      expect(await getLoginLevel(ctx.ownerDb)).toBe('owner');
    },
  );
});
