/**
 * Fresh databases for integration tests, one per engine: always an in-memory PGlite; also a throw-away
 * PostgreSQL database when TEST_DATABASE_URL is set (created with a random name, dropped afterwards).
 *
 *   forEachEngine('users', (ctx) => {
 *     it('creates', async () => { await createUser(SYSTEM_ACTOR, input, ctx.db); });
 *   });
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Db, type DbHandle, type Engine } from '@/db/client';

export interface TestDatabase {
  engine: Engine;
  /** Creates (PostgreSQL) and opens a fresh, migrated database. Call once. */
  open(): Promise<DbHandle>;
  /** Closes the handle and drops the database it created. Safe to call when open() failed or never ran. */
  dispose(): Promise<void>;
}

/** The engines to test against: PGlite, plus PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabase[] {
  const list: TestDatabase[] = [pgliteDatabase()];
  const url = env.TEST_DATABASE_URL;
  if (url) list.push(postgresDatabase(url));
  return list;
}

function pgliteDatabase(): TestDatabase {
  let handle: DbHandle | undefined;
  return {
    engine: 'pglite',
    async open() {
      handle = await openDatabase({ dir: 'memory://' });
      return handle;
    },
    async dispose() {
      await handle?.close();
      handle = undefined;
    },
  };
}

function postgresDatabase(adminUrl: string): TestDatabase {
  // Lower-case hex only: the name goes into DDL, which cannot take a bound parameter.
  const name = `zs_test_${randomBytes(6).toString('hex')}`;
  let handle: DbHandle | undefined;
  let created = false;
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
      handle = await openDatabase({ url: url.toString(), maxConnections: 4 });
      return handle;
    },
    async dispose() {
      await handle?.close();
      handle = undefined;
      if (created) {
        await withAdmin((admin) => admin.unsafe(`drop database if exists ${name} with (force)`));
        created = false;
      }
    },
  };
}

export interface EngineContext {
  engine: Engine;
  /** The open database; read inside tests and hooks (it is opened in beforeAll). */
  readonly db: Db;
  readonly handle: DbHandle;
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
