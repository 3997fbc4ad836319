/**
 * The e2e server: a throwaway database (a fresh PGlite folder, or a fresh PostgreSQL database when
 * TEST_DATABASE_URL is set), the e2e accounts, then `next start` on the production build.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../../db/client';
import { SYSTEM_ACTOR } from '../../lib/domain/actor';
import { bootstrap } from '../../lib/services/bootstrap';
import { createUser } from '../../lib/services/users';
import { E2E_ACCOUNTS, E2E_PASSWORD } from './accounts';

const port = process.env.E2E_PORT ?? '3100';

async function prepareDatabase(): Promise<Record<string, string>> {
  const testUrl = process.env.TEST_DATABASE_URL;
  if (testUrl) {
    const name = `zs_e2e_${Date.now()}`;
    const admin = postgres(testUrl, { max: 1, onnotice: () => {} });
    // Databases left by earlier e2e runs (killed before they could clean up) are ours to drop.
    const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'zs_e2e_%'`;
    for (const { datname } of stale) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(testUrl);
    url.pathname = `/${name}`;
    return { DATABASE_URL: url.toString(), SEED_SAMPLE: '1' };
  }
  const dir = path.resolve('.data-e2e');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(`${dir}.lock`, { force: true });
  fs.rmSync(`${dir}.secret`, { force: true });
  return { PGLITE_DIR: dir };
}

async function main() {
  const env = await prepareDatabase();
  const handle = await openDatabase({ url: env.DATABASE_URL, dir: env.PGLITE_DIR });
  await bootstrap({ sample: true, demoAccounts: false, log: () => {} }, handle);
  for (const account of Object.values(E2E_ACCOUNTS)) {
    await createUser(SYSTEM_ACTOR, { ...account, password: E2E_PASSWORD, mustChangePassword: false }, handle.db);
  }
  await handle.close();
  const child = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], {
    stdio: 'inherit',
    env: { ...process.env, ...env, AUTH_SECRET: 'e2e-only-secret-not-for-production', NEXTAUTH_URL: `http://127.0.0.1:${port}` },
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
