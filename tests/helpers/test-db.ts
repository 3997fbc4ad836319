/**
 * Fresh databases for integration tests, one per engine: always an in-memory PGlite; also a throw-away
 * PostgreSQL database when TEST_DATABASE_URL is set (created with a random name, dropped afterwards).
 * On PostgreSQL the app's handle connects as a login of its own made by the db:roles logic (DML only, only
 * SELECT/INSERT on audit_events), as production does; tests that act as the owner (switching the audit triggers
 * off, restoring a backup) use `ownerDb`. TEST_APP_DB_ROLE=0 runs everything as the owner instead.
 *
 *   forEachEngine('users', (ctx) => {
 *     it('creates', async () => { await createUser(SYSTEM_ACTOR, input, ctx.db); });
 *   });
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Db, type DbHandle, type Engine } from '@/db/client';
import { ensureAppLogin } from '@/db/roles';

export interface TestDatabase {
  engine: Engine;
  /** Creates (PostgreSQL) and opens a fresh, migrated database, as the application's login. Call once. */
  open(): Promise<DbHandle>;
  /** The owner's handle (the same as open()'s on PGlite); available after open(). */
  readonly owner: DbHandle;
  /** Closes the handle and drops the database it created. Safe to call when open() failed or never ran. */
  dispose(): Promise<void>;
}

/** The engines to test against: PGlite, plus PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabase[] {
  const list: TestDatabase[] = [pgliteDatabase()];
  const url = env.TEST_DATABASE_URL;
  if (url) list.push(postgresDatabase(url, env.TEST_APP_DB_ROLE !== '0'));
  return list;
}

function notOpen(): never {
  throw new Error('test database not open yet: call open() first');
}

function pgliteDatabase(): TestDatabase {
  let handle: DbHandle | undefined;
  return {
    engine: 'pglite',
    async open() {
      handle = await openDatabase({ dir: 'memory://' });
      return handle;
    },
    get owner() {
      return handle ?? notOpen();
    },
    async dispose() {
      await handle?.close();
      handle = undefined;
    },
  };
}

function postgresDatabase(adminUrl: string, asAppLogin: boolean): TestDatabase {
  // Lower-case hex only: the name goes into DDL, which cannot take a bound parameter.
  const name = `zs_test_${randomBytes(6).toString('hex')}`;
  // Logins are cluster-wide: one per test database, dropped with it.
  const login = `${name}_app`;
  let handle: DbHandle | undefined;
  let owner: DbHandle | undefined;
  let created = false;
  let loginCreated = false;
  const withAdmin = async (run: (admin: postgres.Sql) => Promise<unknown>) => {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      await run(admin);
    } finally {
      await admin.end({ timeout: 5 });
    }
  };
  return {
    engine: 'postgres',
    async open() {
      await withAdmin((admin) => admin.unsafe(`create database ${name}`));
      created = true;
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      owner = await openDatabase({ url: url.toString(), maxConnections: asAppLogin ? 2 : 4 });
      if (!asAppLogin) {
        handle = owner;
        return handle;
      }
      const password = randomBytes(18).toString('base64url');
      loginCreated = true;
      await ensureAppLogin(owner.db, { name: login, password });
      const appUrl = new URL(url);
      appUrl.username = login;
      appUrl.password = password;
      handle = await openDatabase({ url: appUrl.toString(), ownerUrl: url.toString(), maxConnections: 4 });
      return handle;
    },
    get owner() {
      return owner ?? notOpen();
    },
    async dispose() {
      if (handle !== owner) await handle?.close();
      await owner?.close();
      handle = undefined;
      owner = undefined;
      if (created) {
        await withAdmin((admin) => admin.unsafe(`drop database if exists ${name} with (force)`));
        created = false;
      }
      if (loginCreated) {
        // Its grants lived in the dropped database; nothing else depends on it.
        await withAdmin((admin) => admin.unsafe(`drop role if exists ${login}`));
        loginCreated = false;
      }
    },
  };
}

export interface EngineContext {
  engine: Engine;
  /** The open database, as the application's login; read inside tests and hooks (it is opened in beforeAll). */
  readonly db: Db;
  readonly handle: DbHandle;
  /** The same database as its owner, for what the app's login may not do (switch the audit triggers off). */
  readonly ownerDb: Db;
}

/** Declares `describe('<name> [<engine>]')` for every test database, opened before and dropped after. */
export function forEachEngine(name: string, define: (ctx: EngineContext) => void): void {
  for (const database of testDatabases()) {
    describe(`${name} [${database.engine}]`, () => {
      let handle: DbHandle | undefined;
      const ctx: EngineContext = {
        engine: database.engine,
        get handle() {
          if (!handle) throw new Error('test database not open yet: use ctx.db inside a test or hook');
          return handle;
        },
        get db() {
          return ctx.handle.db;
        },
        get ownerDb() {
          return database.owner.db;
        },
      };
      beforeAll(async () => {
        handle = await database.open();
      });
      afterAll(async () => {
        await database.dispose();
        handle = undefined;
      });
      define(ctx);
    });
  }
}
