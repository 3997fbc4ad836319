/**
 * One database layer, two engines: postgres.js against DATABASE_URL, or PGlite (embedded PostgreSQL)
 * persisted under PGLITE_DIR (default ./.data). Opened once per process; migrations applied on open.
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
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
  /** PGlite folder; `memory://` (or undefined with `memory: true`) for an in-memory database. */
  dir?: string;
  /** Apply migrations on open (default true). */
  migrate?: boolean;
  /** Connection pool size for PostgreSQL. */
  maxConnections?: number;
  /** Called with every SQL statement the app issues (tests count queries with it). */
  onQuery?: (query: string) => void;
}

const MIGRATIONS_FOLDER = process.env.MIGRATIONS_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');
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
    if (shouldMigrate) {
      const reserved = await client.reserve();
      try {
        await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
        reserved.release();
      }
    }
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
    const client = isMemory ? new PGlite() : new PGlite(path.resolve(/*turbopackIgnore: true*/ dir));
    await client.waitReady;
    const pgliteDb = drizzlePglite(client, { schema, logger: queryLogger(options.onQuery) });
    if (shouldMigrate) await migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_FOLDER });
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

export function defaultPgliteDir(): string {
  return process.env.PGLITE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '.data');
}

/** The engine the app uses, from the environment. */
export function configuredEngine(): Engine {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

const globalForDb = globalThis as unknown as { zhuashouDb?: Promise<DbHandle> };

/** The process-wide database, opened (and migrated) on first use. */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.zhuashouDb) {
    const opening = openDatabase({
      url: process.env.DATABASE_URL || undefined,
      maxConnections: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    });
    globalForDb.zhuashouDb = opening;
    // A failed open (server down at start) must not poison the process: the next call retries.
    opening.catch(() => {
      if (globalForDb.zhuashouDb === opening) globalForDb.zhuashouDb = undefined;
    });
  }
  return globalForDb.zhuashouDb;
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
