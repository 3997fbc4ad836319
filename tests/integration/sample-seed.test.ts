/**
 * The sample year (示例数据) must read like real reporting: a cumulative figure never falls from one month to the
 * next, for the city or any unit. (It once did: figures such as 1030 were stored as 103 by a rounding that also
 * trimmed an integer's own zeros.)
 */
import { beforeAll, expect, it } from 'vitest';
import { queryRows, sql } from '@/db/client';
import { seedReport } from '@/db/seed/report';
import { SAMPLE_YEAR, seedSampleYear } from '@/db/seed/sample';
import { forEachEngine } from '@/tests/helpers/test-db';

const NOW = new Date('2026-11-20T02:00:00Z');

forEachEngine('sample year', (ctx) => {
  beforeAll(async () => {
    await seedReport(ctx.db);
    await seedSampleYear(ctx.db, NOW);
  });

  it('has cumulative figures that never fall from one month to the next, for the city and every unit', async () => {
    const rows = await queryRows<{ code: string; unit_id: number | null; month: number; value: string }>(
      ctx.db,
      sql`select i.code, a.unit_id, a.month, a.value::text as value from actuals a
          join indicators i on i.id = a.indicator_id
          where a.year = ${SAMPLE_YEAR} and a.is_sample and i.kind = 'cumulative' and a.value is not null
          order by i.code, a.unit_id nulls first, a.month`,
    );
    expect(rows.length).toBeGreaterThan(100);
    const falls: string[] = [];
    rows.forEach((row, i) => {
      const before = rows[i - 1];
      if (
        before &&
        before.code === row.code &&
        before.unit_id === row.unit_id &&
        Number(row.value) < Number(before.value)
      )
        falls.push(`${row.code} unit ${row.unit_id ?? '全市'} month ${row.month}: ${before.value} → ${row.value}`);
    });
    expect(falls).toEqual([]);
  });
});
