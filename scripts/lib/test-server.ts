/**
 * Shared by the e2e and reliability harnesses (never by the app): a throwaway database — a fresh PGlite folder,
 * or a fresh PostgreSQL database next to TEST_DATABASE_URL — loaded with the report, the sample year and
 * the given accounts. On PostgreSQL the app then runs as production should: DATABASE_URL is a login of its own
 * made by db:roles (dropped with the database), DATABASE_OWNER_URL the owner that migrates.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../../db/client';
import { ensureAppLogin } from '../../db/roles';
import { SYSTEM_ACTOR } from '../../lib/domain/actor';
import type { Role } from '../../lib/domain/types';
import { bootstrap } from '../../lib/services/platform/bootstrap';
import { createUser } from '../../lib/services/admin/users';

export interface TestAccount {
  username: string;
  role: Role;
  displayName: string;
  departmentCode?: string;
}

export interface PreparedDatabase {
  /** Environment for the app: PGLITE_DIR, or DATABASE_URL (the app's login) and DATABASE_OWNER_URL. */
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
  let appLogin: { name: string; password: string } | undefined;
  if (options.testUrl) {
    const name = `zs_${options.prefix}_${Date.now()}`;
    const admin = postgres(options.testUrl, { max: 1, onnotice: () => {} });
    // Databases and logins left by earlier runs (killed before they could clean up) are ours to drop.
    const stale = await admin<
      { datname: string }[]
    >`select datname from pg_database where datname like ${`zs_${options.prefix}_%`}`;
    for (const { datname } of stale) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    const staleLogins = await admin<
      { rolname: string }[]
    >`select rolname from pg_roles where rolname ~ ${`^zs_${options.prefix}_[0-9]+_app$`}`;
    for (const { rolname } of staleLogins) await admin.unsafe(`drop role if exists ${rolname}`);
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    appLogin = { name: `${name}_app`, password: randomBytes(18).toString('base64url') };
    const ownerUrl = adminUrlFor(options.testUrl, name);
    const appUrl = new URL(ownerUrl);
    appUrl.username = appLogin.name;
    appUrl.password = appLogin.password;
    // MFA is required for admins and auditors on PostgreSQL by default; the shared test accounts sign in with a
    // password only (the MFA journeys enrol their own users).
    env = {
      DATABASE_URL: appUrl.toString(),
      DATABASE_OWNER_URL: ownerUrl,
      SEED_SAMPLE: '1',
      MFA_REQUIRED_ROLES: 'none',
    };
    const login = appLogin.name;
    drop = async () => {
      const a = postgres(options.testUrl ?? '', { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`).catch(() => undefined);
      // Its grants lived in the dropped database; nothing else depends on the login.
      await a.unsafe(`drop role if exists ${login}`).catch(() => undefined);
      await a.end();
    };
  } else {
    const dir = path.resolve(options.pgliteDir);
    for (const p of [dir, `${dir}.lock`, `${dir}.secret`]) fs.rmSync(p, { recursive: true, force: true });
    env = { PGLITE_DIR: dir };
  }
  const handle = await openDatabase({ url: env.DATABASE_OWNER_URL, dir: env.PGLITE_DIR });
  try {
    await bootstrap({ sample: true, demoAccounts: false, log: () => {}, now: options.now }, handle);
    for (const account of options.accounts) {
      await createUser(
        SYSTEM_ACTOR,
        { ...account, password: options.password, mustChangePassword: false },
        { db: handle.db },
      );
    }
    if (appLogin) await ensureAppLogin(handle.db, appLogin);
  } finally {
    await handle.close();
  }
  return { env, drop };
}
