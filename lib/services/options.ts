/**
 * What every use case takes last: the database and the clock, so that tests, scripts and seeds pass their
 * own. One shape for every service: `(actor, [what it acts on,] input, { db, now })`.
 */
import { getDb, type Db } from '@/db/client';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import type { Permission } from '@/lib/domain/permissions';

export interface ServiceOptions {
  db?: Db;
  now?: Date;
}

export async function resolveOptions(options: ServiceOptions = {}): Promise<{ db: Db; now: Date }> {
  return { db: options.db ?? (await getDb()), now: options.now ?? new Date() };
}

/**
 * The opening of a use case that needs one permission: AppError('forbidden') unless `actor` has it, else the
 * database and the clock it runs with.
 */
export async function authorize(
  actor: Actor,
  permission: Permission,
  options: ServiceOptions = {},
): Promise<{ db: Db; now: Date }> {
  requirePermission(actor, permission);
  return resolveOptions(options);
}
