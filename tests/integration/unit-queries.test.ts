/**
 * The unit views answer from a fixed, small number of set-based queries whatever the number of indicators: the same
 * services over 12 units × 100 and 12 units × 2,000 indicators tracked by unit issue exactly the same number of SQL
 * statements (as tests/integration/dashboard-queries.test.ts does for the dashboards).
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { insertInBatches, openCountingDb, smallAndLarge, type CountingDb } from './fixtures/query-counts';
import { actuals, departments, indicators, targets, units, unitTargets, users } from '@/db/schema';
import { seedWorkAreas } from '@/db/seed/report';
import { seedUnits } from '@/db/seed/units';
import type { Actor } from '@/lib/domain/actor';
import { WORK_AREAS } from '@/lib/domain/types';
import { countsInRollup } from '@/lib/domain/units';
import { getIndicatorUnits, getUnitsOverview, getUnitView } from '@/lib/services/units/view';

const NOW = new Date('2026-04-10T04:00:00Z');
const PERIOD = { year: 2026, month: 3 };

interface Counted extends CountingDb {
  actor: Actor;
}

/** 14 units (12 counted), `n` indicators tracked by unit with unit targets and three months of unit figures. */
async function seeded(n: number): Promise<Counted> {
  const counting = await openCountingDb();
  const { db } = counting;
  await seedWorkAreas(db);
  await seedUnits(db);
  const unitRows = (await db.select().from(units)).filter((u) => countsInRollup(u.kind));
  const [dept] = await db
    .insert(departments)
    .values({ code: 'd1', name: '测试单位', shortName: '单位' })
    .returning({ id: departments.id });
  const [leader] = await db
    .insert(users)
    .values({
      username: 'q-leader',
      displayName: '测试领导',
      role: 'leader',
      passwordHash: 'x',
      mustChangePassword: false,
    })
    .returning({ id: users.id });
  const ids: number[] = [];
  await insertInBatches(
    Array.from({ length: n }, (_, i) => ({
      code: `GEN-${String(i + 1).padStart(4, '0')}`,
      name: `测试指标${i + 1}`,
      unit: '亿元',
      kind: 'cumulative' as const,
      frequency: 'monthly' as const,
      areaId: WORK_AREAS[i % WORK_AREAS.length]!.id,
      departmentId: dept!.id,
      trackedByUnit: true,
      rollupRule: 'sum' as const,
      sortOrder: i + 1,
    })),
    async (batch) =>
      ids.push(...(await db.insert(indicators).values(batch).returning({ id: indicators.id })).map((r) => r.id)),
  );
  await insertInBatches(ids, (batch) =>
    db.insert(targets).values(batch.map((indicatorId) => ({ indicatorId, year: 2026, value: '1200' }))),
  );
  await insertInBatches(
    ids.flatMap((indicatorId) => unitRows.map((u) => ({ indicatorId, year: 2026, unitId: u.id, value: '100' }))),
    (batch) => db.insert(unitTargets).values(batch),
  );
  await insertInBatches(
    ids.flatMap((indicatorId, i) =>
      unitRows.flatMap((u, j) =>
        [1, 2, 3]
          .filter((month) => month < 3 || (i + j) % 5 !== 0)
          .map((month) => ({
            indicatorId,
            unitId: u.id,
            year: 2026,
            month,
            value: String(month * (20 + ((i + j) % 9))),
            status: 'approved' as const,
          })),
      ),
    ),
    (batch) => db.insert(actuals).values(batch),
  );
  // One city figure, so the period resolves to March 2026 as in the dashboards' test.
  await db.insert(actuals).values({ indicatorId: ids[0]!, year: 2026, month: 3, value: '1', status: 'approved' });
  return {
    ...counting,
    actor: { id: leader!.id, username: 'q-leader', role: 'leader', departmentId: null },
  };
}

describe('unit views issue the same, small number of queries at 12 × 100 and at 12 × 2,000', () => {
  const dbs = smallAndLarge(seeded, [100, 2_000], 300_000);

  /**
   * [read, its statements] — run in this order (the first also opens the read model's period probe and reads the data
   * version, which PGlite then keeps in the process: db/queries/data-version.ts).
   */
  const reads: [string, number, (ctx: Counted, db: Db) => Promise<unknown>][] = [
    ['units (GET /api/units)', 9, (c, db) => getUnitsOverview(c.actor, PERIOD, { db, now: NOW })],
    ['one unit (GET /api/units/[code])', 5, (c, db) => getUnitView(c.actor, 'luzhou', PERIOD, { db, now: NOW })],
    [
      'by-unit table (GET /api/indicators/[code]/units)',
      7,
      (c, db) => getIndicatorUnits(c.actor, 'GEN-0001', PERIOD, { db, now: NOW }),
    ],
  ];

  for (const [name, statements, read] of reads) {
    it(`${name}: ${statements} queries at either size`, async () => {
      const atHundred = await dbs.small.count((db) => read(dbs.small, db));
      const atTwoThousand = await dbs.large.count((db) => read(dbs.large, db));
      expect({ atHundred, atTwoThousand }).toEqual({ atHundred: statements, atTwoThousand: statements });
    });
  }

  it('the reads return what was seeded (the counts are of real work)', async () => {
    const overview = await getUnitsOverview(dbs.large.actor, PERIOD, { db: dbs.large.handle.db, now: NOW });
    expect(overview.indicatorCount).toBe(2000);
    expect(overview.units).toHaveLength(13); // 12 counted and 长治高新区
    const luzhou = overview.units.find((u) => u.code === 'luzhou');
    expect(Object.values(luzhou?.counts ?? {}).reduce((a, b) => a + b, 0)).toBe(2000);
    expect(luzhou?.counted).toBeGreaterThan(0);
    const table = await getIndicatorUnits(dbs.large.actor, 'GEN-0001', PERIOD, { db: dbs.large.handle.db, now: NOW });
    expect(table.tracked && table.rows).toHaveLength(13);
  });
});
