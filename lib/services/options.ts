/**
 * What every use case takes last: the database and the clock, so that tests, scripts and seeds pass their
 * own. One shape for every service: `(actor, [what it acts on,] input, { db, now })`.
 */
import { getDb, type Db } from '@/db/client';

export interface ServiceOptions {
  db?: Db;
  now?: Date;
}

export async function resolveOptions(options: ServiceOptions = {}): Promise<{ db: Db; now: Date }> {
  return { db: options.db ?? (await getDb()), now: options.now ?? new Date() };
}
