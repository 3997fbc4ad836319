/**
 * Loads the units (县区) on a new database, once: a marker in seed_runs, so that an administrator's later
 * edits (a renamed or deactivated unit) survive restarts.
 */
import { SEED_UNITS } from '@/lib/domain/units';
import type { Db } from '../client';
import { units } from '../schema';
import { recordSeedRun, seedOnce } from './runs';

export const UNITS_SEED_NAME = 'units-changzhi';

export async function seedUnits(db: Db): Promise<{ applied: boolean; units: number }> {
  return seedOnce(db, UNITS_SEED_NAME, { applied: false, units: 0 }, async (tx) => {
    const rows = await tx
      .insert(units)
      .values(SEED_UNITS.map((u, i) => ({ code: u.code, name: u.name, kind: u.kind, sortOrder: i })))
      .onConflictDoNothing()
      .returning({ id: units.id });
    await recordSeedRun(tx, UNITS_SEED_NAME, { units: rows.length });
    return { applied: true, units: rows.length };
  });
}
