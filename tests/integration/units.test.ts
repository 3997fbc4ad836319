/**
 * Units (县区) end to end at the service layer: decomposition refused with messages naming the problem and nothing
 * stored; a unit official enters and submits its own unit's figure only (another unit's official can neither see the
 * draft nor write it, nothing stored); the unit reviewer approves its own unit's only; once every district and county
 * is approved the city figure is their sum, written as a derived figure — until then the roll-up names who is missing.
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { actuals, auditEvents, indicators, targets, units, unitTargets } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { saveActual } from '@/lib/services/reporting/actual-entry';
import { approveActual } from '@/lib/services/reporting/actual-review';
import { seedCatalogue } from './fixtures/catalogue';
import { decomposeTarget, setIndicatorRollup } from '@/lib/services/units/targets';
import { getIndicatorUnits, getUnitsOverview, getUnitView } from '@/lib/services/units/view';
import { createUnit, updateUnit } from '@/lib/services/units/units';
import { exportRecords } from '@/lib/services/exports/exports';
import { actorFor as actorOfUnit } from './fixtures/actors';
import { COUNTED_UNIT_CODES, COUNTY_NAMES, DISTRICT_NAMES } from './fixtures/units';
import { readCsv, readWebStream } from '@/tests/helpers/export-read';
import { forEachEngine } from '@/tests/helpers/test-db';

const NOW = new Date('2026-04-10T04:00:00Z');
const PERIOD = { year: 2026, month: 3 };
const CODE = 'INV-SIGNED-AMOUNT'; // swj's, cumulative, monthly

/** A user of a unit (and, optionally, a department within it) and its actor. */
const actorFor = (db: Db, username: string, role: Actor['role'], unitCode?: string, departmentCode?: string) =>
  actorOfUnit(db, username, role, departmentCode, { unitCode });

forEachEngine('units: decomposition, unit entry and review, roll-up', (ctx) => {
  let admin: Actor;
  let indicatorId: number;
  const opts = () => ({ db: ctx.db, now: NOW });
  const unitTargetCount = async () =>
    (await ctx.db.select({ n: count() }).from(unitTargets).where(eq(unitTargets.indicatorId, indicatorId)))[0]?.n;
  /** The city's own figure of March 2026 (the roll-up writes it once every unit is approved). */
  const cityFigures = () =>
    ctx.db
      .select()
      .from(actuals)
      .where(
        and(eq(actuals.indicatorId, indicatorId), eq(actuals.month, 3), eq(actuals.year, 2026), isNull(actuals.unitId)),
      );
  const decomposeEvents = async () =>
    (await ctx.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'unit_target.decompose')))[0]
      ?.n;

  beforeAll(async () => {
    await seedCatalogue(ctx.handle);
    admin = await actorFor(ctx.db, 'u-admin', 'admin');
    const [ind] = await ctx.db.select().from(indicators).where(eq(indicators.code, CODE));
    if (!ind) throw new Error('seed missing');
    indicatorId = ind.id;
    await ctx.db.insert(targets).values({ indicatorId, year: 2026, value: '1200' });
  });

  it('a new database has 长治, its 4 districts, 8 counties and 长治高新区', async () => {
    const rows = await ctx.db.select().from(units);
    expect(rows.filter((u) => u.kind === 'district').map((u) => u.name)).toEqual(DISTRICT_NAMES);
    expect(rows.filter((u) => u.kind === 'county').map((u) => u.name)).toEqual(COUNTY_NAMES);
    expect(rows.filter((u) => u.kind === 'zone').map((u) => u.name)).toEqual(['长治高新区']);
  });

  it('units are added and changed by the administrator, audited; a leader may not', async () => {
    const created = await createUnit(admin, { code: 'test-zone', name: '测试园区', kind: 'zone' }, { db: ctx.db });
    expect(created).toMatchObject({ code: 'test-zone', kind: 'zone', isActive: true });
    const changed = await updateUnit(admin, 'test-zone', { isActive: false }, { db: ctx.db });
    expect(changed.isActive).toBe(false);
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, 'test-zone'));
    expect(events.map((e) => e.action)).toEqual(['unit.create', 'unit.update']);
    const leader = await actorFor(ctx.db, 'u-leader', 'leader');
    await expect(
      createUnit(leader, { code: 'nope', name: '不行', kind: 'zone' }, { db: ctx.db }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      createUnit(admin, { code: 'luzhou', name: '潞州区二', kind: 'district' }, { db: ctx.db }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a rate cannot be summed, and a weighted rate needs a weight: refused with the reason', async () => {
    await expect(
      setIndicatorRollup(admin, 'INV-SIGNED-START-RATE', { trackedByUnit: true, rule: 'sum' }, { db: ctx.db }),
    ).rejects.toMatchObject({
      message: '比率类指标不能求和：请选择「市级直接填报」或「按权重指标加权平均」',
    });
    await expect(
      setIndicatorRollup(admin, 'INV-SIGNED-START-RATE', { trackedByUnit: true, rule: 'weighted' }, { db: ctx.db }),
    ).rejects.toMatchObject({
      message: '比率类指标按权重汇总须指定权重指标；没有权重时请选择「市级直接填报」',
    });
  });

  it('bad decompositions are refused with the problem named, and nothing is stored', async () => {
    await setIndicatorRollup(admin, CODE, { trackedByUnit: true, rule: 'sum' }, { db: ctx.db });
    const eventsBefore = await decomposeEvents();
    const shares = (values: Record<string, string>) => ({
      year: 2026,
      mode: 'shares',
      shares: Object.entries(values).map(([unitCode, value]) => ({ unitCode, value })),
    });
    const even = Object.fromEntries(COUNTED_UNIT_CODES.map((c) => [c, '100']));
    const cases: [Record<string, string>, string][] = [
      [{ ...even, qinyuan: '99' }, '各县区分解目标合计 1199，与全市目标 1200 不一致（少 1）'],
      [{ ...even, luzhou: '-100' }, '「潞州区」的分解目标不能为负数（-100）'],
      [{ ...even, atlantis: '5' }, '县区「atlantis」不存在'],
    ];
    for (const [values, message] of cases) {
      await expect(decomposeTarget(admin, CODE, shares(values), { db: ctx.db })).rejects.toMatchObject({
        code: 'invalid_input',
        message,
      });
      expect(await unitTargetCount()).toBe(0);
    }
    await expect(
      decomposeTarget(admin, CODE, { year: 2026, mode: 'min_each', value: '5' }, { db: ctx.db }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await unitTargetCount()).toBe(0);
    expect(await decomposeEvents()).toBe(eventsBefore);

    const stored = await decomposeTarget(admin, CODE, shares(even), { db: ctx.db });
    expect(stored.units).toHaveLength(12);
    expect(await unitTargetCount()).toBe(12);
    expect(await decomposeEvents()).toBe((eventsBefore ?? 0) + 1);
  });

  describe('unit entry, review and roll-up', () => {
    let luOfficial: Actor;
    let luReviewer: Actor;
    let sdOfficial: Actor;
    let sdReviewer: Actor;
    let draftId: number;

    beforeAll(async () => {
      luOfficial = await actorFor(ctx.db, 'u-lu-official', 'official', 'luzhou');
      luReviewer = await actorFor(ctx.db, 'u-lu-reviewer', 'reviewer', 'luzhou');
      sdOfficial = await actorFor(ctx.db, 'u-sd-official', 'official', 'shangdang');
      sdReviewer = await actorFor(ctx.db, 'u-sd-reviewer', 'reviewer', 'shangdang');
    });

    it("a unit official saves a draft of its own unit's figure; no one else sees it", async () => {
      const saved = await saveActual(
        luOfficial,
        { indicatorCode: CODE, period: '2026-03', value: '123.4', version: null, action: 'draft' },
        { db: ctx.db, now: NOW },
      );
      draftId = saved.actual.id;
      expect(saved.actual).toMatchObject({ unitId: luOfficial.unitId, status: 'draft' });
      const table = await getIndicatorUnits(sdOfficial, CODE, PERIOD, opts());
      expect(JSON.stringify(table)).not.toContain('123.4');
      const luzhouView = await getUnitView(sdOfficial, 'luzhou', PERIOD, opts());
      expect(luzhouView.indicators.find((c) => c.code === CODE)?.value).toBeNull();
    });

    it("another unit's official cannot write it (forbidden, nothing stored); nor a city official the unit's", async () => {
      const before = await ctx.db.select().from(actuals).where(eq(actuals.id, draftId));
      const cityOfficial = await actorFor(ctx.db, 'u-swj', 'official', undefined, 'swj');
      cityOfficial.departmentId =
        (await ctx.db.select().from(indicators).where(eq(indicators.id, indicatorId)))[0]?.departmentId ?? null;
      for (const outsider of [sdOfficial, cityOfficial]) {
        await expect(
          saveActual(
            outsider,
            { indicatorCode: CODE, period: '2026-03', value: '999', unitCode: 'luzhou', version: 1, action: 'submit' },
            { db: ctx.db, now: NOW },
          ),
          outsider.username,
        ).rejects.toMatchObject({ code: 'forbidden' });
      }
      expect(await ctx.db.select().from(actuals).where(eq(actuals.id, draftId))).toEqual(before);
      // The city figure of a summed indicator is not entered directly.
      await expect(
        saveActual(
          cityOfficial,
          { indicatorCode: CODE, period: '2026-03', value: '999', version: null, action: 'submit' },
          { db: ctx.db, now: NOW },
        ),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        message: '该指标的全市数据由县区汇总（各县区数据求和），不能直接填报',
      });
    });

    it('submitted, it is approved by its own unit reviewer only; the audit log records the unit', async () => {
      const submitted = await saveActual(
        luOfficial,
        { indicatorCode: CODE, period: '2026-03', value: '123.4', version: 1, action: 'submit' },
        { db: ctx.db, now: NOW },
      );
      await expect(
        approveActual(sdReviewer, draftId, { version: submitted.actual.version }, { db: ctx.db, now: NOW }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      const approved = await approveActual(
        luReviewer,
        draftId,
        { version: submitted.actual.version },
        { db: ctx.db, now: NOW },
      );
      expect(approved.status).toBe('approved');
      const [event] = await ctx.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'actual.approve'), eq(auditEvents.entityId, String(draftId))));
      expect(event?.after).toMatchObject({ unit: 'luzhou', unitName: '潞州区' });
    });

    it('with 11 of 12 approved the roll-up names the missing one and writes no city figure', async () => {
      const rest = COUNTED_UNIT_CODES.filter((c) => c !== 'luzhou' && c !== 'qinyuan');
      for (const code of rest) {
        const official = await actorFor(ctx.db, `u-${code}-o`, 'official', code);
        const reviewer = await actorFor(ctx.db, `u-${code}-r`, 'reviewer', code);
        const saved = await saveActual(
          official,
          { indicatorCode: CODE, period: '2026-03', value: '10', version: null, action: 'submit' },
          { db: ctx.db, now: NOW },
        );
        await approveActual(reviewer, saved.actual.id, { version: saved.actual.version }, { db: ctx.db, now: NOW });
      }
      const table = await getIndicatorUnits(admin, CODE, PERIOD, opts());
      expect(table.tracked && table.rollup).toEqual({
        state: 'incomplete',
        missing: ['沁源县'],
        text: '沁源县尚无本期数据，全市数据暂不汇总',
      });
      const city = await cityFigures();
      expect(city).toEqual([]);
    });

    it('the last approval completes the roll-up: the city figure is the sum, derived, audited', async () => {
      const official = await actorFor(ctx.db, 'u-qy-o', 'official', 'qinyuan');
      const reviewer = await actorFor(ctx.db, 'u-qy-r', 'reviewer', 'qinyuan');
      const saved = await saveActual(
        official,
        { indicatorCode: CODE, period: '2026-03', value: '6.6', version: null, action: 'submit' },
        { db: ctx.db, now: NOW },
      );
      await approveActual(reviewer, saved.actual.id, { version: saved.actual.version }, { db: ctx.db, now: NOW });
      const [city] = await cityFigures();
      // 123.4 + 10 × 10 + 6.6
      expect(city).toMatchObject({ value: '230.000000', status: 'approved', isDerived: true });
      const table = await getIndicatorUnits(admin, CODE, PERIOD, opts());
      expect(table.tracked && table.rollup).toMatchObject({
        state: 'complete',
        value: '230',
        text: '12个县区数据之和',
      });
      const rollups = await ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'actual.rollup'));
      expect(rollups).toHaveLength(1);
    });

    it("the records export carries the unit column: each unit's figure against its own target, the city as 全市", async () => {
      const leader = await actorFor(ctx.db, 'u-export-leader', 'leader');
      const download = await exportRecords(leader, { format: 'csv', year: '2026' }, { db: ctx.db });
      const rows = await readCsv(await readWebStream(download.stream));
      await download.done;
      const header = rows.find((r) => r.includes('县区') && r.includes('指标编码')) ?? [];
      const col = (name: string) => header.indexOf(name);
      const ofCode = rows.filter((r) => r[col('指标编码')] === CODE && r[col('月份')] === '3');
      expect(ofCode.map((r) => r[col('县区')]).sort()).toEqual(['全市', ...DISTRICT_NAMES, ...COUNTY_NAMES].sort());
      const luzhou = ofCode.find((r) => r[col('县区')] === '潞州区');
      expect(Number(luzhou?.[col('实际值')])).toBe(123.4);
      expect(Number(luzhou?.[col('目标值')])).toBe(100);
      expect(Number(ofCode.find((r) => r[col('县区')] === '全市')?.[col('实际值')])).toBe(230);
    });

    it('the unit views: counts, completion against own targets, ranking with its formula', async () => {
      const overview = await getUnitsOverview(admin, PERIOD, opts());
      expect(overview.rankingFormula).toContain('÷');
      expect(overview.units.map((u) => u.code)).toContain('gaoxin');
      const luzhou = overview.units.find((u) => u.code === 'luzhou');
      expect(luzhou?.counts.green ?? 0).toBeGreaterThanOrEqual(0);
      expect(Object.values(luzhou?.counts ?? {}).reduce((a, b) => a + b, 0)).toBe(overview.indicatorCount);
      const view = await getUnitView(admin, 'luzhou', PERIOD, opts());
      const cell = view.indicators.find((c) => c.code === CODE);
      // 123.4 of a target of 100 by March.
      expect(cell).toMatchObject({ value: '123.400000', target: '100.000000' });
      expect(cell?.completion).toBeCloseTo(1.234, 6);
      await expect(getUnitView(admin, 'changzhi', PERIOD, opts())).rejects.toMatchObject({ code: 'not_found' });
    });

    it('the units to chase (催报): each unit with a target lists its months past the deadline without a submission', async () => {
      const { due } = await getUnitsOverview(admin, PERIOD, opts());
      expect(due.year).toBe(2026);
      // March was submitted and approved by every district and county; January and February never were.
      expect(due.units.map((u) => u.code).sort()).toEqual([...COUNTED_UNIT_CODES].sort());
      const luzhou = due.units.find((u) => u.code === 'luzhou');
      expect(luzhou?.items.filter((i) => i.code === CODE)).toEqual([
        {
          code: CODE,
          name: expect.any(String),
          periodLabel: '2026年1月',
          state: 'overdue',
          daysLeft: expect.any(Number),
        },
        {
          code: CODE,
          name: expect.any(String),
          periodLabel: '2026年2月',
          state: 'overdue',
          daysLeft: expect.any(Number),
        },
      ]);
      expect(luzhou?.items.every((i) => i.daysLeft < 0)).toBe(true);
      // 长治高新区 was handed no target: nothing is due from it.
      expect(due.units.find((u) => u.code === 'gaoxin')).toBeUndefined();
    });
  });
});
