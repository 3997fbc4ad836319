/**
 * Imports carry the 县区 column: a row with a unit writes that unit's figure (or target share) through the same write
 * path as the unit entry sheet (or the /admin/targets decomposition), with the same scoping; an unknown unit, an
 * indicator not tracked by unit, another unit's row are refused naming the row and the column, nothing stored. The
 * templates carry the column as the records export writes it (a unit's name, 全市 for the city).
 */
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actuals, auditEvents, indicators, targets, unitTargets } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { readUpload } from '@/lib/import/read-upload';
import { toImportRecords } from '@/lib/import/sheet-table';
import { seedCatalogue } from './fixtures/catalogue';
import { runImport } from '@/lib/services/imports/imports';
import { getImportTemplate } from '@/lib/services/imports/templates';
import { getDecomposition, setIndicatorRollup } from '@/lib/services/units/targets';
import { forEachEngine } from '@/tests/helpers/test-db';
import { snapshot } from './admin-fixtures';
import { actorFor } from './fixtures/actors';
import { expectError } from './fixtures/refusals';
import { COUNTED_UNIT_CODES } from './fixtures/units';
import { ACTUALS_HEADER, TARGETS_HEADER, xlsxOf, type Cell } from './import-files';

const NOW = new Date('2026-04-10T04:00:00Z');
const CODE = 'INV-SIGNED-AMOUNT'; // swj's, cumulative, monthly
const UNTRACKED = 'INV-PROJECTS';
const WITH_UNIT = [...ACTUALS_HEADER, '县区'];
const TARGETS_WITH_UNIT = [...TARGETS_HEADER, '县区'];
const actual = (code: string, period: string, value: string, unit: string): Cell[] => [
  code,
  '',
  '',
  period,
  value,
  '',
  '',
  unit,
];
const target = (code: string, value: string, unit: string, qualifier = ''): Cell[] => [
  code,
  '',
  '',
  '2026',
  value,
  qualifier,
  '',
  '',
  ...Array.from({ length: 12 }, () => ''),
  unit,
];

forEachEngine('imports with the 县区 column', (ctx) => {
  let admin: Actor;
  let luzhou: Actor;
  let cityOfficial: Actor;
  const opts = () => ({ db: ctx.db, now: NOW });
  const run = (actor: Actor, kind: 'actuals' | 'targets', mode: 'dry-run' | 'commit', file: Uint8Array) =>
    runImport(actor, { kind, mode, file }, opts());
  const unitFigures = async () =>
    ctx.db
      .select({ unitId: actuals.unitId, value: actuals.value, status: actuals.status })
      .from(actuals)
      .where(isNotNull(actuals.unitId));

  beforeAll(async () => {
    await seedCatalogue(ctx.handle);
    admin = await actorFor(ctx.db, 'iu-admin', 'admin');
    luzhou = await actorFor(ctx.db, 'iu-luzhou', 'official', undefined, { unitCode: 'luzhou' });
    cityOfficial = await actorFor(ctx.db, 'iu-swj', 'official', 'swj');
    await setIndicatorRollup(admin, CODE, { trackedByUnit: true, rule: 'sum' }, { db: ctx.db });
    const [ind] = await ctx.db.select().from(indicators).where(eq(indicators.code, CODE));
    await ctx.db.insert(targets).values({ indicatorId: ind!.id, year: 2026, value: '1200' });
  });

  describe('actual figures', () => {
    it.each([
      [
        'an unknown unit',
        () => cityOfficial,
        actual(CODE, '2026-03', '10', '火星区'),
        '第 2 行：「县区」火星区 不存在',
      ],
      [
        'an indicator not tracked by unit',
        () => luzhou,
        actual(UNTRACKED, '2026-03', '10', '潞州区'),
        `第 2 行：「县区」填写了潞州区，但指标 ${UNTRACKED}`,
      ],
      [
        "another unit's row, by a unit official",
        () => luzhou,
        actual(CODE, '2026-03', '10', '上党区'),
        '第 2 行：「县区」只能导入本县区（潞州区）的数据，文件中为「上党区」',
      ],
      [
        "a unit's row, by a city department official",
        () => cityOfficial,
        actual(CODE, '2026-03', '10', 'luzhou'),
        '第 2 行：「县区」潞州区的数据由该县区填报，市级单位只能导入全市数据',
      ],
    ])('refuses %s, naming the row and the column; nothing stored', async (_, who, row, message) => {
      const before = await snapshot(ctx.db);
      const file = await xlsxOf([row], WITH_UNIT);
      const preview = await run(who(), 'actuals', 'dry-run', file);
      expect(preview.rows[0]).toMatchObject({ status: 'error' });
      expect(preview.rows[0]?.messages[0]).toContain(message);
      await expectError(run(who(), 'actuals', 'commit', file), 'invalid_input');
      expect(await snapshot(ctx.db)).toEqual(before);
    });

    it("a unit official imports its own unit's figure (by name, code or blank), as a draft of that unit, audited", async () => {
      const file = await xlsxOf(
        [
          actual(CODE, '2026-01', '30', '潞州区'),
          actual(CODE, '2026-02', '60', 'luzhou'),
          actual(CODE, '2026-03', '90', ''),
        ],
        WITH_UNIT,
      );
      const result = await run(luzhou, 'actuals', 'commit', file);
      expect(result).toMatchObject({ committed: true, okCount: 3, errorCount: 0 });
      const stored = (await unitFigures()).filter((f) => f.unitId === luzhou.unitId);
      expect(stored.map((f) => [f.value, f.status])).toEqual(
        expect.arrayContaining([
          ['30.000000', 'draft'],
          ['60.000000', 'draft'],
          ['90.000000', 'draft'],
        ]),
      );
      const events = await ctx.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'actual.save_draft'), eq(auditEvents.actorId, luzhou.id ?? -1)));
      expect(events).toHaveLength(3);
      expect(events[0]?.after).toMatchObject({ unit: 'luzhou' });
      // The same file again changes nothing.
      const again = await run(luzhou, 'actuals', 'dry-run', file);
      expect(again).toMatchObject({ okCount: 0, unchangedCount: 3 });
    });

    it('the template of a unit official lists its tracked indicators with its unit in the 县区 column', async () => {
      const template = await getImportTemplate(luzhou, { kind: 'actuals', period: '2026-03' }, opts());
      const records = toImportRecords('actuals', (await readUpload(template.bytes)).rows);
      expect(records.map((r) => [r.indicatorCode, r.unitRef, r.value])).toContainEqual([CODE, '潞州区', '90']);
      expect(records.every((r) => r.unitRef === '潞州区')).toBe(true);
      const again = await run(luzhou, 'actuals', 'dry-run', template.bytes);
      expect(again.errorCount).toBe(0);
    });
  });

  describe('targets', () => {
    const unitTargetCount = async () => (await ctx.db.select({ n: count() }).from(unitTargets))[0]?.n ?? 0;
    const even = () => COUNTED_UNIT_CODES.map((code) => target(CODE, '100', code));

    it('refuses shares that do not add up, naming every row of the decomposition; nothing stored', async () => {
      const before = await snapshot(ctx.db);
      const rows = even();
      rows[11] = target(CODE, '99', 'qinyuan');
      const preview = await run(admin, 'targets', 'dry-run', await xlsxOf(rows, TARGETS_WITH_UNIT));
      expect(preview.errorCount).toBe(12);
      expect(preview.rows[0]?.messages[0]).toBe(
        `第 2 行：「全年目标」${CODE} 2026年的县区分解：各县区分解目标合计 1199，与全市目标 1200 不一致（少 1）`,
      );
      expect(await unitTargetCount()).toBe(0);
      expect(await snapshot(ctx.db)).toEqual(before);
    });

    it('refuses a unit target of an indicator not tracked by unit, and a phased unit target', async () => {
      const rows = [
        target(UNTRACKED, '10', '潞州区'),
        [...target(CODE, '100', '上党区').slice(0, 8), '50', ...Array.from({ length: 11 }, () => ''), '上党区'],
      ];
      const preview = await run(admin, 'targets', 'dry-run', await xlsxOf(rows, TARGETS_WITH_UNIT));
      expect(preview.rows[0]?.messages[0]).toContain('「县区」填写了潞州区，但指标');
      expect(preview.rows[1]?.messages[0]).toContain('「1月」至「12月」：县区（上党区）的目标不分月分解');
    });

    it('stores the decomposition through the decomposition write path, one audit event; a re-import is unchanged', async () => {
      const events = async () =>
        (
          await ctx.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'unit_target.decompose'))
        )[0]?.n ?? 0;
      const events0 = await events();
      const file = await xlsxOf(even(), TARGETS_WITH_UNIT);
      expect(await run(admin, 'targets', 'commit', file)).toMatchObject({ committed: true, okCount: 12 });
      expect(await unitTargetCount()).toBe(12);
      expect(await events()).toBe(events0 + 1);
      expect(await run(admin, 'targets', 'dry-run', file)).toMatchObject({ okCount: 0, unchangedCount: 12 });

      // Two units trade 10: the others keep their stored shares.
      const moved = await xlsxOf([target(CODE, '110', '潞州区'), target(CODE, '90', '上党区')], TARGETS_WITH_UNIT);
      expect(await run(admin, 'targets', 'commit', moved)).toMatchObject({ committed: true, okCount: 2 });
      const shown = await getDecomposition(admin, CODE, 2026, { db: ctx.db });
      const valueOf = (code: string) => Number(shown.units.find((u) => u.code === code)?.value);
      expect([valueOf('luzhou'), valueOf('shangdang'), valueOf('tunliu')]).toEqual([110, 90, 100]);
      expect(await events()).toBe(events0 + 2);
    });

    it('the targets template lists each unit of a tracked indicator by name beside the city row (全市)', async () => {
      const template = await getImportTemplate(admin, { kind: 'targets', year: '2026', department: 'swj' }, opts());
      const records = toImportRecords('targets', (await readUpload(template.bytes)).rows).filter(
        (r) => r.indicatorCode === CODE,
      );
      expect(records.map((r) => r.unitRef)).toEqual(expect.arrayContaining(['全市', '潞州区', '上党区', '长治高新区']));
      expect(records.find((r) => r.unitRef === '潞州区')?.value).toBe('110');
      const again = await run(admin, 'targets', 'dry-run', template.bytes);
      expect(again.errorCount).toBe(0);
      expect(again.okCount).toBe(0);
    });
  });
});
