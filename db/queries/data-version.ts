/**
 * The data version of the dashboards' read model (see db/schema.ts dataVersion): bumped by appendAuditEvent
 * for actions that change data, read by lib/services/dashboards/read-model.ts.
 */
import { queryRows, sql, type Db } from '../client';
import { processWide } from '@/lib/process-wide';
import { pgliteOf } from '../copy';

/*
 * On PGlite the version is kept in this process between writes, so that a read of the dashboards (every overview
 * served from the shared rendering asks) costs no statement. The database is this process's alone (its folder is
 * locked: db/dir-lock.ts), and PGlite runs one statement or one whole transaction at a time, so a read never falls
 * inside a write. Each bump, or any other change of the version (a restore), counts in `kept.changes`, anywhere in
 * the process, committed or rolled back: a value read before a change is never used after it. PostgreSQL is shared with
 * other instances and the commands: it is always asked.
 */
interface KeptVersions {
  changes: number;
  known: WeakMap<Db, { version: number; changes: number }>;
}
/*
 * Kept on globalThis, as the database itself is (./client.ts getDbHandle): the server's bundles (the routes, the
 * instrumentation that serves the shared overview) each carry a copy of this module, and a bump made through one copy
 * must reach the reads of every other.
 */
const kept = processWide<KeptVersions>('zhuashou.db.dataVersion', () => ({ changes: 0, known: new WeakMap() }));

/** The version may have moved without a bump (a restore writes the table): the next read asks the database. */
export function dataVersionChanged(): void {
  kept.changes += 1;
}

/** Moves the version on by one; call inside the transaction of the write (appendAuditEvent does). */
export async function bumpDataVersion(tx: Db): Promise<void> {
  dataVersionChanged();
  await queryRows(
    tx,
    sql`insert into data_version (id, version) values (1, 1)
        on conflict (id) do update set version = data_version.version + 1`,
  );
}

/** The current version (0 before the first data write). */
export async function getDataVersion(db: Db): Promise<number> {
  const pglite = pgliteOf(db) !== undefined;
  const last = pglite ? kept.known.get(db) : undefined;
  if (last && last.changes === kept.changes) return last.version;
  const before = kept.changes; // a change while the statement waits for PGlite makes this read one to ask again
  const [row] = await queryRows<{ version: string | number }>(db, sql`select version from data_version where id = 1`);
  const version = row ? Number(row.version) : 0;
  if (pglite) kept.known.set(db, { version, changes: before });
  return version;
}
