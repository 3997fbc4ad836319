import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { actuals, auditEvents, departments, indicators, workAreas } from '@/db/schema';
import { seedReport } from '@/db/seed/report';
import { SEED_INDICATORS } from '@/db/seed/report-data';
import { bootstrap } from '@/lib/services/platform/bootstrap';
import { testDatabases } from '../helpers/test-db';

/** [code, year, value as stored, unit, qualifier, words] — figures of every section of the report. */
const EXPECTED: [string, number, string, string, string, string | null][] = [
  ['HL-GDP-GROWTH', 2025, '4.500000', '%', 'about', null],
  ['INV-PROJECTS', 2025, '3051.000000', '个', 'exact', null],
  ['INV-NEW-STARTS', 2025, '1877.000000', '个', 'exact', null],
  ['INV-INVESTMENT', 2025, '1027.000000', '亿元', 'exact', null],
  ['INV-SIGNED-AMOUNT', 2025, '2207.000000', '亿元', 'exact', null],
  ['INV-SIGNED-START-RATE', 2025, '80.500000', '%', 'exact', null],
  ['INN-RD-SPENDING', 2025, '35.500000', '亿元', 'exact', null],
  ['INN-HIGH-TECH-FIRMS', 2025, '334.000000', '家', 'exact', null],
  ['INN-NEW-LOANS', 2025, '325.000000', '亿元', 'exact', null],
  ['INN-NEW-LOANS', 2024, '243.000000', '亿元', 'exact', null],
  ['INN-NET-NEW-FIRMS', 2025, '2771.000000', '户', 'exact', null],
  ['INN-NET-NEW-TAXPAYERS', 2025, '1.940000', '万户', 'exact', null],
  ['CON-KEY-PROJECTS', 2025, '36.000000', '个', 'exact', null],
  ['CON-PARKING-SPACES', 2025, '5561.000000', '个', 'exact', null],
  ['IND-STANDARD-LAND-AREA', 2025, '1663.500000', '亩', 'exact', null],
  ['IND-GRAIN-OUTPUT', 2025, '25.300000', '亿斤', 'exact', null],
  ['IND-CARBON-CHAIN-REVENUE-GROWTH', 2025, '97.800000', '%', 'exact', null],
  ['TOU-FIRST-STORES', 2025, '100.000000', '家', 'breakthrough', null],
  ['TOU-TRADE-IN-SUBSIDIES', 2025, '8.540000', '亿元', 'exact', null],
  ['REF-EXPORTS', 2025, '12.600000', '亿元', 'exact', null],
  ['REF-EXPORTS-GROWTH', 2025, '17.700000', '%', 'exact', null],
  ['REF-BJ-COOPERATION-PROJECTS', 2025, '37.000000', '个', 'exact', null],
  ['LIV-PRACTICAL-MATTERS', 2025, '15.000000', '件', 'all_done', null],
  ['LIV-NEW-URBAN-JOBS', 2025, '4.800000', '万人', 'exact', null],
  ['LIV-OPERA-TO-VILLAGES', 2025, '2575.000000', '场', 'exact', null],
  ['LIV-WORK-SAFETY', 2025, '1.000000', '项', 'exact', '双下降'],
  ['REV-GDP-INCREMENT', 2025, '900.000000', '亿元', 'over', null],
  ['REV-FAI-TOTAL', 2025, '4850.000000', '亿元', 'at_least', null],
  ['REV-COAL-ADVANCED-SHARE', 2025, '95.000000', '%', 'at_least', null],
  ['REV-NEW-ENERGY-SHARE', 2020, '24.200000', '%', 'exact', null],
  ['REV-NEW-ENERGY-SHARE', 2025, '41.000000', '%', 'exact', null],
  ['REV-URBANIZATION', 2025, '60.650000', '%', 'exact', null],
  ['REV-PM25', 2025, '30.000000', '微克/立方米', 'exact', null],
  ['REV-FOREST-COVERAGE', 2025, '27.970000', '%', 'exact', null],
  ['REV-FOREST-COVERAGE-CHANGE', 2025, '1.150000', '个百分点', 'exact', null],
  ['REV-LIVELIHOOD-SPENDING-SHARE', 2025, '80.000000', '%', 'about', null],
  ['REV-PUBLIC-CHILDCARE', 2025, '1.000000', '项', 'all_done', '县县全覆盖'],
];

for (const target of testDatabases()) {
  describe(`report seed on ${target.engine}`, () => {
    let h: DbHandle;
    beforeAll(async () => {
      h = await target.open();
      await bootstrap({ sample: false, demoAccounts: false, log: () => {} }, h);
    });
    afterAll(async () => {
      await target.dispose();
    });

    it('holds the seven work areas in their fixed order', async () => {
      const rows = await h.db.select().from(workAreas).orderBy(workAreas.id);
      expect(rows.map((r) => r.slug).join(' ')).toBe(
        'investment innovation construction industry tourism reform livelihood',
      );
    });

    it('holds every indicator of the report', async () => {
      const [{ n } = { n: 0 }] = await h.db.select({ n: count() }).from(indicators);
      expect(n).toBe(SEED_INDICATORS.length);
      expect(n).toBeGreaterThanOrEqual(100);
    });

    it.each(EXPECTED)('%s %i = %s %s (%s)', async (code, year, value, unit, qualifier, words) => {
      const [row] = await h.db
        .select({
          value: actuals.value,
          unit: indicators.unit,
          qualifier: actuals.qualifier,
          valueText: actuals.valueText,
          status: actuals.status,
        })
        .from(actuals)
        .innerJoin(indicators, eq(indicators.id, actuals.indicatorId))
        .where(and(eq(indicators.code, code), eq(actuals.year, year), eq(actuals.month, 12)));
      expect(row).toBeDefined();
      expect(row?.value).toBe(value);
      expect(row?.unit).toBe(unit);
      expect(row?.qualifier).toBe(qualifier);
      if (words) expect(row?.valueText).toBe(words);
      expect(row?.status).toBe('approved');
    });

    it('marks derived prior-year values as derived', async () => {
      const [row] = await h.db
        .select({ isDerived: actuals.isDerived, note: actuals.derivedNote })
        .from(actuals)
        .innerJoin(indicators, eq(indicators.id, actuals.indicatorId))
        .where(and(eq(indicators.code, 'REF-EXPORTS'), eq(actuals.year, 2024)));
      expect(row?.isDerived).toBe(true);
      expect(row?.note).toContain('17.7');
    });

    it('seeding twice changes nothing', async () => {
      const before = await Promise.all([
        h.db.select({ n: count() }).from(actuals),
        h.db.select({ n: count() }).from(indicators),
        h.db.select({ n: count() }).from(departments),
        h.db.select({ n: count() }).from(auditEvents),
      ]);
      const again = await seedReport(h.db);
      expect(again.applied).toBe(false);
      await bootstrap({ sample: false, demoAccounts: false, log: () => {} }, h);
      const after = await Promise.all([
        h.db.select({ n: count() }).from(actuals),
        h.db.select({ n: count() }).from(indicators),
        h.db.select({ n: count() }).from(departments),
        h.db.select({ n: count() }).from(auditEvents),
      ]);
      expect(after).toEqual(before);
    });
  });
}
