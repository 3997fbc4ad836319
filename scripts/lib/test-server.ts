/**
 * Shared by the e2e and reliability harnesses (never by the app): a throwaway database — a fresh PGlite folder,
 * or a fresh PostgreSQL database next to TEST_DATABASE_URL — loaded with the report, the sample year and
 * the given accounts.
 */
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../../db/client';
import { SYSTEM_ACTOR } from '../../lib/domain/actor';
import type { Role } from '../../lib/domain/types';
import { bootstrap } from '../../lib/services/bootstrap';
import { createUser } from '../../lib/services/users';

export interface TestAccount {
  username: string;
  role: Role;
  displayName: string;
  departmentCode?: string;
}

export interface PreparedDatabase {
  /** Environment for the app: PGLITE_DIR or DATABASE_URL. */
  env: Record<string, string>;
  /** Drops the PostgreSQL database (nothing to do for a folder the caller removes). */
  drop(): Promise<void>;
}

function adminUrlFor(testUrl: string, name: string): string {
  const url = new URL(testUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates the database; `prefix` names it (zs_<prefix>_<time>), and older ones of the same prefix are dropped. */
export async function prepareDatabase(options: {
  prefix: string;
  pgliteDir: string;
  testUrl?: string;
  accounts: TestAccount[];
  password: string;
  now?: Date;
}): Promise<PreparedDatabase> {
  let env: Record<string, string>;
  let drop = async () => {};
  if (options.testUrl) {
    const name = `zs_${options.prefix}_${Date.now()}`;
    const admin = postgres(options.testUrl, { max: 1, onnotice: () => {} });
    // Databases left by earlier runs (killed before they could clean up) are ours to drop.
    const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`zs_${options.prefix}_%`}`;
    for (const { datname } of stale) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    // MFA is required for admins and auditors on PostgreSQL by default; the shared test accounts sign in with a
    // password only (the MFA journeys enrol their own users).
    env = { DATABASE_URL: adminUrlFor(options.testUrl, name), SEED_SAMPLE: '1', MFA_REQUIRED_ROLES: 'none' };
    drop = async () => {
      const a = postgres(options.testUrl ?? '', { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await a.end();
    };
  } else {
    const dir = path.resolve(options.pgliteDir);
    for (const p of [dir, `${dir}.lock`, `${dir}.secret`]) fs.rmSync(p, { recursive: true, force: true });
    env = { PGLITE_DIR: dir };
  }
  const handle = await openDatabase({ url: env.DATABASE_URL, dir: env.PGLITE_DIR });
  try {
    await bootstrap({ sample: true, demoAccounts: false, log: () => {}, now: options.now }, handle);
    for (const account of options.accounts) {
      await createUser(SYSTEM_ACTOR, { ...account, password: options.password, mustChangePassword: false }, handle.db);
    }
  } finally {
    await handle.close();
  }
  return { env, drop };
}
