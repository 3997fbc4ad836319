/**
 * Loads the units (县区) on a new database, once: a marker in seed_runs, so that an administrator's later
 * edits (a renamed or deactivated unit) survive restarts.
 */
import { eq } from 'drizzle-orm';
import { SEED_UNITS } from '@/lib/domain/units';
import type { Db } from '../client';
import { seedRuns, units } from '../schema';

export const UNITS_SEED_NAME = 'units-changzhi';

export async function seedUnits(db: Db): Promise<{ applied: boolean; units: number }> {
  return db.transaction(async (tx) => {
    const [done] = await tx.select().from(seedRuns).where(eq(seedRuns.name, UNITS_SEED_NAME));
    if (done) return { applied: false, units: 0 };
    const rows = await tx
      .insert(units)
      .values(SEED_UNITS.map((u, i) => ({ code: u.code, name: u.name, kind: u.kind, sortOrder: i })))
      .onConflictDoNothing()
      .returning({ id: units.id });
    await tx.insert(seedRuns).values({ name: UNITS_SEED_NAME, details: { units: rows.length } });
    return { applied: true, units: rows.length };
  });
}
