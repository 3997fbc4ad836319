/**
 * npm run test:cluster — nginx (plain HTTP on loopback) in front of two instances of the release archive on one
 * PostgreSQL (TEST_DATABASE_URL), as deploy/ sets them up: sessions, lockouts and figures are one system across
 * instances; 8 writers while one instance is SIGKILLed lose no acknowledged write and the audit chain verifies; a
 * rolling restart under read load fails no reader.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../reliability/support/app';
import { releaseArchive, serve, unpack, zhuashou, type Served, type Unpacked } from '../release/support/unpacked';

// (3306 is MySQL's port: this machine runs a MariaDB there.)
const PROXY_PORT = 3309;
const PORTS = [3307, 3308] as const;
const PASSWORD = 'Cluster-Check#2026q';
const CODES = ['INV-PROJECTS', 'INV-NEW-STARTS', 'INV-INVESTMENT'];
const testUrl = process.env.TEST_DATABASE_URL;

function nginxConfig(dir: string): string {
  return `pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {}
http {
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  access_log off;
  upstream zhuashou {
    server 127.0.0.1:${PORTS[0]} max_fails=0;
    server 127.0.0.1:${PORTS[1]} max_fails=0;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${PROXY_PORT};
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Request-Id $request_id;
    proxy_connect_timeout 2s;
    proxy_next_upstream error timeout http_502 http_503;
    location / { proxy_pass http://zhuashou; }
  }
}
`;
}

describe.runIf(Boolean(testUrl))('two release instances behind nginx on one PostgreSQL', () => {
  let u: Unpacked;
  let nginx: ChildProcess | undefined;
  const instances: (Served | undefined)[] = [undefined, undefined];
  const stamp = Date.now();
  const names = { db: `zs_cluster_${stamp}`, login: `zs_cluster_${stamp}_app` };
  let env: Record<string, string> = {};
  const proxy = `http://127.0.0.1:${PROXY_PORT}`;
  const start = async (i: 0 | 1) => {
    instances[i] = await serve(u, PORTS[i], { ...env, NEXTAUTH_URL: proxy });
  };

  beforeAll(async () => {
    u = unpack(releaseArchive());
    const admin = postgres(testUrl ?? '', { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${names.db}`);
    await admin.end();
    const owner = new URL(testUrl ?? '');
    owner.pathname = `/${names.db}`;
    const app = new URL(owner);
    app.username = names.login;
    app.password = `Cluster-Login-${stamp}`;
    const roles = zhuashou(u, ['db-roles', '--app-user', names.login], { DATABASE_URL: owner.toString(), APP_DB_PASSWORD: app.password });
    expect(roles.status, roles.out).toBe(0);
    env = { DATABASE_URL: app.toString(), DATABASE_OWNER_URL: owner.toString(), AUTH_SECRET: `cluster-test-secret-${stamp}-0123456789abcdef`, MFA_REQUIRED_ROLES: 'none' };
    await Promise.all([start(0), start(1)]);
    for (const [username, role] of [['clu-official', 'official'], ['clu-locked', 'official']] as const) {
      const added = zhuashou(u, ['user-add', '--username', username, '--role', role, '--department', 'fgw', '--no-force-change'], { ...env, USER_PASSWORD: PASSWORD });
      expect(added.status, added.out).toBe(0);
    }
    const dir = path.join(u.work, 'nginx');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir));
    nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], { stdio: 'inherit' });
    let up = false;
    for (let i = 0; i < 50 && !up; i += 1) {
      up = await fetch(`${proxy}/api/health`).then((r) => r.ok, () => false);
      if (!up) await new Promise((r) => setTimeout(r, 100));
    }
    expect(up, 'nginx answers /api/health').toBe(true);
  });

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    for (const instance of instances) await instance?.stop();
    const admin = postgres(testUrl ?? '', { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${names.db} with (force)`);
    await admin.unsafe(`drop role if exists ${names.login}`);
    await admin.end();
    if (u) fs.rmSync(u.work, { recursive: true, force: true });
  });

  const instanceUrl = (i: 0 | 1) => `http://127.0.0.1:${PORTS[i]}`;

  it('a sign-in through nginx is a session on both instances', async () => {
    const cookie = await signIn(proxy, 'clu-official', PASSWORD);
    for (const i of [0, 1] as const) {
      const res = await fetch(`${instanceUrl(i)}/api/auth/session`, { headers: { cookie } });
      expect(JSON.stringify(await res.json())).toContain('clu-official');
    }
  });

  it('a lockout made on one instance is in force on the other at once', async () => {
    for (let k = 0; k < 5; k += 1) await expect(signIn(instanceUrl(0), 'clu-locked', 'Wrong-Password#1')).rejects.toThrow();
    await expect(signIn(instanceUrl(1), 'clu-locked', PASSWORD)).rejects.toThrow(/sign-in failed/);
  });

  it('a figure written through A is on the next read from B', async () => {
    const cookie = await signIn(proxy, 'clu-official', PASSWORD);
    const now = new Date();
    const period = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    const value = String(70000 + (stamp % 9999));
    const put = await call(`${instanceUrl(0)}/api/actuals`, cookie, 'PUT', { indicatorCode: 'INV-PROJECTS', period, value, version: null, action: 'draft' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const read = await call(`${instanceUrl(1)}/api/entry?year=${now.getFullYear()}&month=${now.getMonth() + 1}`, cookie, 'GET');
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).toContain(value);
  });

  it('8 writers through nginx while A is SIGKILLed: every acknowledged write is stored, the audit chain verifies', async () => {
    const cookie = await signIn(proxy, 'clu-official', PASSWORD);
    const now = new Date();
    const period = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    const acknowledged: { code: string; version: number; value: string }[] = [];
    const versions = new Map<string, number | null>();
    let stop = false;
    const writer = async (lane: number) => {
      for (let k = 0; !stop; k += 1) {
        const code = CODES[(lane + k) % CODES.length] ?? 'INV-PROJECTS';
        const value = String(lane * 1000 + (k % 1000));
        const res = await call(`${proxy}/api/actuals`, cookie, 'PUT', { indicatorCode: code, period, value, version: versions.get(code) ?? null, action: 'draft' }, 5_000);
        if (res.status === 200) {
          const version = (res.body.actual as { version: number }).version;
          versions.set(code, version);
          acknowledged.push({ code, version, value });
        } else if (res.status === 409) {
          versions.set(code, (res.body.error?.details?.current as { version?: number } | undefined)?.version ?? null);
        }
      }
    };
    const lanes = Array.from({ length: 8 }, (_, lane) => writer(lane));
    await new Promise((r) => setTimeout(r, 1500));
    const a = instances[0];
    if (a?.proc.pid) process.kill(a.proc.pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 1500));
    stop = true;
    await Promise.all(lanes);
    instances[0] = undefined;
    expect(acknowledged.length).toBeGreaterThan(8);

    const db = postgres(env.DATABASE_OWNER_URL ?? '', { max: 1, onnotice: () => {} });
    const logged = await db<{ code: string; version: number; value: string }[]>`
      select i.code, (e.after->>'version')::int as version, e.after->>'value' as value
      from audit_events e join indicators i on i.id = e.indicator_id where e.action = 'actual.save_draft'`;
    await db.end();
    const seen = new Set(logged.map((l) => `${l.code}:${l.version}:${Number(l.value)}`));
    expect(acknowledged.filter((w) => !seen.has(`${w.code}:${w.version}:${Number(w.value)}`))).toEqual([]);
    const verify = zhuashou(u, ['audit-verify'], env);
    expect(verify.status, verify.out).toBe(0);
    await start(0);
  });

  it('a rolling restart under read load fails no reader', async () => {
    const cookie = await signIn(proxy, 'clu-official', PASSWORD);
    const now = new Date();
    let stop = false;
    const answers = new Map<number, number>();
    const reader = async () => {
      while (!stop) {
        const res = await call(`${proxy}/api/entry?year=${now.getFullYear()}&month=${now.getMonth() + 1}`, cookie, 'GET', undefined, 10_000);
        answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
      }
    };
    const readers = Array.from({ length: 4 }, () => reader());
    for (const i of [0, 1] as const) {
      await new Promise((r) => setTimeout(r, 500));
      const code = await instances[i]?.stop();
      expect(code).toBe(0);
      await start(i);
    }
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(readers);
    const total = [...answers.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20);
    expect(Object.fromEntries(answers)).toEqual({ 200: total });
  });
});
