/** The database a harness app instance runs on, opened from that instance's environment, for reading before and after. */
import { expect } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { snapshotTables } from '../../helpers/db-snapshot';

/** Opens the database the environment names (DATABASE_URL or PGLITE_DIR), runs `read`, and closes it again. */
export async function withAppDatabase<T>(env: Record<string, string>, read: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ url: env.DATABASE_URL, dir: env.PGLITE_DIR });
  try {
    return await read(handle.db);
  } finally {
    await handle.close();
  }
}

/**
 * Every row of every table, less what a refused request is meant to leave: the audit events whose action
 * `isRefusal` picks (returned apart, to be checked on their own) and the throttling counters behind them.
 */
export function snapshotApartFromRefusals(env: Record<string, string>, isRefusal: (action: string) => boolean) {
  return withAppDatabase(env, async (db) => {
    const tables = await snapshotTables(db);
    const refused = (row: unknown) => isRefusal(String((row as { action?: string }).action ?? ''));
    const events = tables.audit_events ?? [];
    tables.audit_events = events.filter((row) => !refused(row));
    delete tables.refusal_windows;
    return { tables, refusals: events.filter(refused) };
  });
}

type RefusalSnapshot = Awaited<ReturnType<typeof snapshotApartFromRefusals>>;

/** Expects nothing stored to have changed since `before` but for refusals; returns the refusal events recorded since. */
export async function refusalsRecordedSince(
  env: Record<string, string>,
  before: RefusalSnapshot,
  isRefusal: (action: string) => boolean,
): Promise<unknown[]> {
  const after = await snapshotApartFromRefusals(env, isRefusal);
  expect(after.tables, 'only refusals may be stored').toEqual(before.tables);
  return after.refusals.slice(before.refusals.length);
}
