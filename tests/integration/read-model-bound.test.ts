/**
 * The read model's bound: it keeps CITY_PERIODS_KEPT periods of the whole city at one version (each several MB at
 * city scale), the least recently used dropped first; a dropped period is computed again when asked for.
 */
import { expect, it } from 'vitest';
import { CITY_PERIODS_KEPT, openReadModel, periodKey } from '@/lib/services/dashboards/read-model';
import { DASHBOARD_SCOPE_KEY } from '@/db/queries/scope';
import { forEachEngine } from '@/tests/helpers/test-db';

forEachEngine('read model bound', (ctx) => {
  it('keeps the most recently used periods of the city and computes a dropped one again', async () => {
    const computed: string[] = [];
    const model = await openReadModel(ctx.db, new Date());
    const read = (kind: string, month: number) => {
      const key = periodKey(kind, { year: 2025, month });
      return model.get(key, DASHBOARD_SCOPE_KEY, async () => {
        computed.push(key);
        return { key };
      });
    };
    for (let month = 1; month <= CITY_PERIODS_KEPT; month += 1) await read('views', month);
    await read('views', 1); // now the most recently used
    await read('views', CITY_PERIODS_KEPT + 1); // drops the least recently used: month 2
    expect(computed).toHaveLength(CITY_PERIODS_KEPT + 1);
    await read('views', 1);
    for (let month = 3; month <= CITY_PERIODS_KEPT + 1; month += 1) await read('views', month);
    expect(computed).toHaveLength(CITY_PERIODS_KEPT + 1); // all still held
    await read('views', 2);
    expect(computed.at(-1)).toBe(periodKey('views', { year: 2025, month: 2 })); // computed again
    // The seven areas of each kept period.
    for (let month = 1; month <= CITY_PERIODS_KEPT; month += 1)
      for (let area = 1; area <= 7; area += 1) await read(`area:a${area}`, month);
    const before = computed.length;
    for (let month = 1; month <= CITY_PERIODS_KEPT; month += 1)
      for (let area = 1; area <= 7; area += 1) await read(`area:a${area}`, month);
    expect(computed).toHaveLength(before);
  });
});
