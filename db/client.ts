/**
 * One database layer, two engines: postgres.js against DATABASE_URL, or PGlite (embedded PostgreSQL)
 * persisted under PGLITE_DIR (default ./.data). Opened once per process; migrations applied on open — on
 * PostgreSQL by DATABASE_OWNER_URL when it is set (the owner), so that DATABASE_URL can be a login that owns
 * nothing (`npm run db:roles`).
 */
import { serverEnv, type ServerEnv } from '@/lib/env';
import fs from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { PGLITE, POSTGRES_URL } from './copy';
import { acquireDirLock, type DirLock } from './dir-lock';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  engine: Engine;
  /** Where the data lives: the PGlite folder, or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL URL; when absent, PGlite is used. */
  url?: string;
  /** PostgreSQL URL of the tables' owner: pending migrations are applied through it rather than `url`. */
  ownerUrl?: string;
  /** PGlite folder; `memory://` (or undefined with `memory: true`) for an in-memory database. */
  dir?: string;
  /** Apply migrations on open (default true). */
  migrate?: boolean;
  /** Connection pool size for PostgreSQL. */
  maxConnections?: number;
  /** Called with every SQL statement the app issues (tests count queries with it). */
  onQuery?: (query: string) => void;
  /** PGlite's buffer pool (shared_buffers); default PGLITE_SHARED_BUFFERS, else 32MB. */
  sharedBuffers?: string;
}

export const MIGRATIONS_FOLDER =
  serverEnv().migrationsDir ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');
/** Any fixed number: serialises migrations when several instances start against one PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_720_001;

/** Opens a database of either engine; used by the app (through getDb), scripts and tests. */
export async function openDatabase(options: OpenOptions = {}): Promise<DbHandle> {
  const shouldMigrate = options.migrate ?? true;
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 60,
      // postgres.js backs off reconnects exponentially (up to 20 s) by default: requests would queue for that
      // long after an outage. Retry at once, a little slower each time, capped at half a second.
      backoff: (retries: number) => Math.min(0.05 * retries, 0.5),
      // numeric stays a string (postgres.js default); timestamps come back as Date.
    });
    const db = drizzlePostgres(client, { schema, logger: queryLogger(options.onQuery) }) as unknown as Db;
    try {
      // Only when something is pending: an application login that owns nothing can read the journal, not migrate.
      if (shouldMigrate && (await getMigrationState(db)) !== 'current') {
        const ownerUrl = options.ownerUrl && options.ownerUrl !== options.url ? options.ownerUrl : undefined;
        // Two connections: one holds the advisory lock while the migrator runs on the other.
        const owner = ownerUrl ? postgres(ownerUrl, { max: 2, onnotice: () => {}, connect_timeout: 5 }) : client;
        try {
          await migrateWithLock(owner);
        } catch (error) {
          throw ownerUrl ? error : explainMigrationError(error);
        } finally {
          if (owner !== client) await owner.end({ timeout: 5 });
        }
      }
    } catch (error) {
      await client.end({ timeout: 5 });
      throw error;
    }
    Object.defineProperty(db, POSTGRES_URL, { value: options.url });
    return {
      db,
      engine: 'postgres',
      location: redactUrl(options.url),
      close: () => client.end({ timeout: 5 }),
    };
  }

  const dir = options.dir ?? defaultPgliteDir();
  const isMemory = dir.startsWith('memory://');
  let lock: DirLock | undefined;
  if (!isMemory) lock = await acquireDirLock(path.resolve(/*turbopackIgnore: true*/ dir));
  try {
    const pglite = preparePglite(options.sharedBuffers ?? serverEnv().pgliteSharedBuffers);
    const client = isMemory ? new PGlite(pglite) : new PGlite(path.resolve(/*turbopackIgnore: true*/ dir), pglite);
    await client.waitReady;
    const pgliteDb = drizzlePglite(client, { schema, logger: queryLogger(options.onQuery) });
    if (shouldMigrate) await migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_FOLDER });
    Object.defineProperty(pgliteDb, PGLITE, { value: client });
    return {
      db: pgliteDb as unknown as Db,
      engine: 'pglite',
      location: isMemory ? 'memory' : path.resolve(/*turbopackIgnore: true*/ dir),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * V8 flags for PGlite's WebAssembly (PostgreSQL compiled to it; the process's only WebAssembly): its baseline
 * compiler only. By default V8 also recompiles PostgreSQL's hot functions with its optimising compiler, on
 * background threads as they warm up, and each of those threads' malloc arenas keeps the memory the compiles
 * needed: 56–77 MB of the server's resident set after start, 4–9 MB without them (measured in
 * scripts/bench/README.md, *Where the server's memory goes*). The pages, the export and the verify were no slower
 * there; PGlite's own heavy SQL (an aggregate over the figures) about a fifth slower. Read when a module is
 * compiled, so set before the first PGlite opens.
 */
export const PGLITE_WASM_FLAGS = '--liftoff-only';
let wasmFlagsSet = false;

/**
 * Readies this process for PGlite — the WebAssembly compiler flags above, set once — and returns PGlite's start
 * parameters with the buffer pool set (a size PostgreSQL reads, e.g. 32MB).
 */
export function preparePglite(sharedBuffers: string) {
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers))
    throw new Error(`PGLITE_SHARED_BUFFERS「${sharedBuffers}」无效：应为数字加单位 kB、MB 或 GB，如 32MB`);
  if (!wasmFlagsSet) {
    setFlagsFromString(PGLITE_WASM_FLAGS);
    wasmFlagsSet = true;
  }
  return { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] };
}

async function migrateWithLock(client: postgres.Sql): Promise<void> {
  const reserved = await client.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    reserved.release();
  }
}

function explainMigrationError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (code !== '42501') return error;
  return new Error(
    'pending migrations cannot be applied by this login (permission denied): set DATABASE_OWNER_URL to the owner of the tables, ' +
      "or run npm run db:migrate with the owner's DATABASE_URL first",
    { cause: error },
  );
}

/** The newest migration in the folder (drizzle's journal `when`, which the migrator stores as created_at). */
function latestMigrationMillis(): number {
  const journal: unknown = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'));
  const entries = (journal as { entries?: { when?: unknown }[] }).entries ?? [];
  return Math.max(0, ...entries.map((e) => (typeof e.when === 'number' ? e.when : 0)));
}

/**
 * Whether every migration in the folder has been applied ('unknown': the journal table cannot be read by this login).
 * The same test as drizzle's migrator: the last applied migration is at least as new as the newest file.
 */
export async function getMigrationState(db: Db): Promise<'current' | 'pending' | 'unknown'> {
  try {
    const [table] = await queryRows<{ name: string | null }>(
      db,
      sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`,
    );
    if (!table?.name) return 'pending';
    const [row] = await queryRows<{ last: string | number | null }>(
      db,
      sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
    );
    return Number(row?.last ?? 0) >= latestMigrationMillis() ? 'current' : 'pending';
  } catch (error) {
    if ((error as { code?: unknown }).code === '42501') return 'unknown';
    throw error;
  }
}

export function defaultPgliteDir(): string {
  return serverEnv().pgliteDir ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '.data');
}

/** The database the app and the scripts use, from the environment (DATABASE_URL, DATABASE_OWNER_URL, PGLITE_DIR). */
export function envOpenOptions(env: ServerEnv = serverEnv()): Pick<OpenOptions, 'url' | 'ownerUrl'> {
  return { url: env.databaseUrl, ownerUrl: env.databaseOwnerUrl };
}

/** PostgreSQL as the owner (DATABASE_OWNER_URL, else DATABASE_URL) for what must run as the owner: migrate, restore. */
export function envOwnerUrl(env: ServerEnv = serverEnv()): string | undefined {
  return env.databaseUrl ? env.databaseOwnerUrl || env.databaseUrl : undefined;
}

/** The engine the app uses, from the environment. */
export function configuredEngine(): Engine {
  return serverEnv().databaseUrl ? 'postgres' : 'pglite';
}

const globalForDb = globalThis as unknown as { zhuashouDb?: Promise<DbHandle> };

/** The process-wide database, opened (and migrated) on first use. */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.zhuashouDb) {
    const opening = openDatabase({
      ...envOpenOptions(),
      maxConnections: serverEnv().databasePoolSize,
    });
    globalForDb.zhuashouDb = opening;
    // A failed open (server down at start) must not poison the process: the next call retries.
    opening.catch(() => {
      if (globalForDb.zhuashouDb === opening) globalForDb.zhuashouDb = undefined;
    });
  }
  return globalForDb.zhuashouDb;
}

/**
 * Closes the process-wide database (the pool, or PGlite and its folder lock) at shutdown. Later calls to getDb
 * would open it again: call this only once nothing serves requests any more.
 */
export async function closeDbHandle(): Promise<void> {
  const opening = globalForDb.zhuashouDb;
  globalForDb.zhuashouDb = undefined;
  if (!opening) return;
  const handle = await opening.catch(() => undefined);
  await handle?.close();
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Runs raw SQL and returns its rows on either engine (PGlite answers `{ rows }`, postgres.js an array). */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}

export { sql };

function queryLogger(onQuery: OpenOptions['onQuery']) {
  return onQuery ? { logQuery: (query: string) => onQuery(query) } : undefined;
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}
