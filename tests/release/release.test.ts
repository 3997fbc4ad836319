/**
 * The offline release as an operator uses it: the archive unpacked into an empty folder with no node_modules above
 * it and no npm on PATH, then bin/zhuashou alone — start embedded, add a user, sign in over HTTP, back up, restore
 * into a new folder, start on it and sign in again; and with TEST_DATABASE_URL the same on PostgreSQL with the
 * two logins (db-roles), restoring into a second fresh database.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '@/scripts/lib/test-app';
import { nodeModulesAbove, releaseArchive, runIn, serve, unpack, zhuashou, type Unpacked } from '@/scripts/lib/release-unpacked';

const PASSWORD = 'Release-Check#2026q';
const USER = { username: 'lingdao', args: ['--username', 'lingdao', '--role', 'leader', '--name', '发布检查领导', '--no-force-change'] };
const AUDITOR = { username: 'shenji', args: ['--username', 'shenji', '--role', 'auditor', '--name', '发布检查审计', '--no-force-change'] };

/**
 * The auditor's verify and CSV export over HTTP: both walk the log in the server's worker threads (the window thread,
 * and on PostgreSQL the thread reading its COPY), which the release must carry as bundled scripts.
 */
async function auditOverHttp(url: string, cookie: string): Promise<void> {
  const verify = await fetch(`${url}/api/audit/verify`, { headers: { cookie } });
  const report = (await verify.json()) as { ok?: boolean; count?: number };
  expect(verify.status, JSON.stringify(report)).toBe(200);
  expect(report.ok).toBe(true);
  expect(report.count).toBeGreaterThanOrEqual(2); // the two users added
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // Beijing's day
  const exported = await fetch(`${url}/api/exports/audit?from=${today}&to=${today}&format=csv`, { headers: { cookie } });
  const csv = await exported.text();
  expect(exported.status, csv.slice(0, 500)).toBe(200);
  expect(csv.trim().split('\n').length).toBeGreaterThanOrEqual(3); // the header, then the two users added
  expect(csv).toContain('shenji');
}

async function sessionUser(url: string, cookie: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/session`, { headers: { cookie } });
  const body = (await res.json()) as { user?: { username?: string; name?: string } };
  return JSON.stringify(body.user ?? {});
}

let u: Unpacked;

beforeAll(() => {
  const archive = releaseArchive();
  const sums = fs.readFileSync(`${archive}.sha256`, 'utf8');
  expect(sums).toContain(path.basename(archive));
  u = unpack(archive);
});

afterAll(() => {
  if (u) fs.rmSync(u.work, { recursive: true, force: true });
});

describe('the unpacked release', () => {
  it('sits where no node_modules is above it, and carries no npm', () => {
    expect(nodeModulesAbove(u.work)).toEqual([]);
    expect(fs.existsSync(path.join(u.work, 'path', 'npm'))).toBe(false);
    for (const file of ['bin/zhuashou', 'server.js', 'INSTALL.md', 'db/migrations/meta/_journal.json', 'cli/user-add.mjs']) {
      expect(fs.existsSync(path.join(u.home, file)), file).toBe(true);
    }
    // No test files, no sources maps, no TypeScript sources of ours.
    const stray = fs.readdirSync(u.home, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(test\.[jt]s|map)$|^(tests|e2e|scripts)\//.test(f));
    expect(stray).toEqual([]);
    // What /_next/static/ serves to anyone: the browser's scripts and styles, no source (scripts/strip-static-sources.ts).
    const served = fs.readdirSync(path.join(u.home, '.next', 'static'), { recursive: true, encoding: 'utf8' });
    expect(served.filter((f) => /\.[cm]?tsx?$/.test(f))).toEqual([]);
    expect(zhuashou(u, ['version']).out.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const unknown = zhuashou(u, ['frobnicate']);
    expect(unknown.status).toBe(64);
    expect(unknown.out).toContain('未知命令');
  });

  it('ships deploy/ files that nginx -t and systemd-analyze verify accept', () => {
    const checked = spawnSync(path.join(u.home, 'deploy', 'check.sh'), { encoding: 'utf8', timeout: 60_000 });
    expect(checked.status, `${checked.stdout}${checked.stderr}`).toBe(0);
    expect(checked.stdout).toContain('zhuashou.conf OK');
  });

  it('embedded: start, add a user, sign in, back up, restore into a new folder, sign in there', async () => {
    const data = { PGLITE_DIR: path.join(u.work, 'data'), DEMO_ACCOUNTS: '0' };
    const first = await serve(u, 3302, data);
    expect((await fetch(`${first.url}/api/ready`)).status).toBe(200);
    // One process holds the embedded folder: a command run beside the server is refused with the clear message.
    const beside = zhuashou(u, ['user-add', ...USER.args], { ...data, USER_PASSWORD: PASSWORD });
    expect(beside.status, beside.out).toBe(2);
    expect(beside.out).toContain('正被另一个进程');
    expect(await first.stop()).toBe(0);

    const added = zhuashou(u, ['user-add', ...USER.args], { ...data, USER_PASSWORD: PASSWORD });
    expect(added.status, added.out).toBe(0);
    expect(added.out).toContain('已创建用户');
    const auditor = zhuashou(u, ['user-add', ...AUDITOR.args], { ...data, USER_PASSWORD: PASSWORD });
    expect(auditor.status, auditor.out).toBe(0);

    const second = await serve(u, 3302, data);
    const cookie = await signIn(second.url, USER.username, PASSWORD);
    expect(await sessionUser(second.url, cookie)).toContain('发布检查领导');
    await auditOverHttp(second.url, await signIn(second.url, AUDITOR.username, PASSWORD));
    expect(await second.stop()).toBe(0);

    const file = path.join(u.work, 'backups', 'embedded.jsonl.gz');
    const backup = zhuashou(u, ['backup', '--out', file], data);
    expect(backup.status, backup.out).toBe(0);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');

    const restoredDir = { PGLITE_DIR: 'restored', DEMO_ACCOUNTS: '0' };
    const restore = zhuashou(u, ['restore', '--in', file], restoredDir);
    expect(restore.status, restore.out).toBe(0);
    expect(fs.existsSync(path.join(u.work, 'restored'))).toBe(true);
    const verify = zhuashou(u, ['audit-verify'], restoredDir);
    expect(verify.status, verify.out).toBe(0);

    // The daily backup job: keeps the newest BACKUP_KEEP, and restores into a scratch database to verify it.
    const job = { ...data, BACKUP_DIR: path.join(u.work, 'daily'), BACKUP_KEEP: '1', VERIFY: '1' };
    const day1 = runIn(u, path.join(u.home, 'deploy', 'backup.sh'), [], job);
    expect(day1.status, day1.out).toBe(0);
    expect(day1.out).toContain('恢复校验通过');
    await new Promise((r) => setTimeout(r, 1100));
    const day2 = runIn(u, path.join(u.home, 'deploy', 'backup.sh'), [], { ...job, VERIFY: '0' });
    expect(day2.status, day2.out).toBe(0);
    expect(fs.readdirSync(job.BACKUP_DIR)).toHaveLength(1);

    const third = await serve(u, 3302, restoredDir);
    const again = await signIn(third.url, USER.username, PASSWORD);
    expect(await sessionUser(third.url, again)).toContain('发布检查领导');
    expect(await third.stop()).toBe(0);
  });

  const testUrl = process.env.TEST_DATABASE_URL;
  it.runIf(Boolean(testUrl))('PostgreSQL: db-roles, start as the app login, add a user, sign in, back up, restore into a fresh database', async () => {
    const stamp = Date.now();
    const names = { source: `zs_release_${stamp}`, target: `zs_release_${stamp}_restored`, login: `zs_release_${stamp}_app` };
    const admin = postgres(testUrl ?? '', { max: 1, onnotice: () => {} });
    let server: Awaited<ReturnType<typeof serve>> | null = null;
    const urlOf = (db: string, user?: { name: string; password: string }) => {
      const url = new URL(testUrl ?? '');
      url.pathname = `/${db}`;
      if (user) {
        url.username = user.name;
        url.password = user.password;
      }
      return url.toString();
    };
    try {
      await admin.unsafe(`create database ${names.source}`);
      await admin.unsafe(`create database ${names.target}`);
      const login = { name: names.login, password: `App-Login-${stamp}-secret` };
      const owner = urlOf(names.source);
      const roles = zhuashou(u, ['db-roles', '--app-user', login.name], { DATABASE_URL: owner, APP_DB_PASSWORD: login.password });
      expect(roles.status, roles.out).toBe(0);

      const env = {
        DATABASE_URL: urlOf(names.source, login),
        DATABASE_OWNER_URL: owner,
        AUTH_SECRET: `release-test-secret-${stamp}-0123456789abcdef`,
        // The auditor signs in without a TOTP enrolment here (e2e covers that): this checks the release's threads.
        MFA_REQUIRED_ROLES: 'none',
      };
      server = await serve(u, 3303, env);
      const ready = (await (await fetch(`${server.url}/api/ready`)).json()) as { login?: string };
      expect(ready.login).toBe('restricted');
      const added = zhuashou(u, ['user-add', ...USER.args], { ...env, USER_PASSWORD: PASSWORD });
      expect(added.status, added.out).toBe(0);
      const auditor = zhuashou(u, ['user-add', ...AUDITOR.args], { ...env, USER_PASSWORD: PASSWORD });
      expect(auditor.status, auditor.out).toBe(0);
      const cookie = await signIn(server.url, USER.username, PASSWORD);
      expect(await sessionUser(server.url, cookie)).toContain('发布检查领导');
      await auditOverHttp(server.url, await signIn(server.url, AUDITOR.username, PASSWORD));

      const file = path.join(u.work, 'backups', 'postgres.jsonl.gz');
      const backup = zhuashou(u, ['backup', '--out', file], env);
      expect(backup.status, backup.out).toBe(0);
      expect(await server.stop()).toBe(0);
      server = null;

      const restore = zhuashou(u, ['restore', '--in', file], { DATABASE_URL: urlOf(names.target) });
      expect(restore.status, restore.out).toBe(0);
      const verify = zhuashou(u, ['audit-verify'], { DATABASE_URL: urlOf(names.target) });
      expect(verify.status, verify.out).toBe(0);
      const restored = postgres(urlOf(names.target), { max: 1, onnotice: () => {} });
      const [row] = await restored<{ n: number }[]>`select count(*)::int as n from users where username = ${USER.username}`;
      await restored.end();
      expect(row?.n).toBe(1);
    } finally {
      await server?.stop(); // a failed check leaves it running: the next run would find its port taken
      for (const db of [names.source, names.target]) await admin.unsafe(`drop database if exists ${db} with (force)`);
      await admin.unsafe(`drop role if exists ${names.login}`);
      await admin.end();
    }
  });
});
