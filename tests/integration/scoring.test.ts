import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actuals, auditEvents, indicators, scoreSnapshots, scoringSchemes, units, unitTargets } from '@/db/schema';
import type { Db } from '@/db/client';
import type { LegacySchemeBody } from '@/lib/domain/scoring';
import type { ItemRecord } from '@/lib/domain/scoring-run';
import { bootstrap } from '@/lib/services/platform/bootstrap';
import { getScoringAdmin, publishScheme, saveScheme } from '@/lib/services/scoring/scoring';
import { getScores } from '@/lib/services/scoring/scores';
import { forEachEngine } from '../helpers/test-db';
import { actorFor } from './fixtures/actors';
import { seededActors } from './fixtures/seeded-actors';
import { seedSampleYear } from './fixtures/catalogue';
import { latestAuditEvent } from './fixtures/audit-events';
import { expectError } from './fixtures/refusals';
import { schemeItem, schemeOf } from '@/lib/domain/scoring.fixtures';

// 10 July 2026 in Shanghai: the sample year holds figures through June.
const NOW = new Date('2026-07-10T04:00:00Z');

const GOOD = {
  year: 2026,
  ...schemeOf(
    { investment: '60', reform: '30', livelihood: '10' },
    [
      schemeItem('INV-INVESTMENT', '60', 'on_time', '110'),
      schemeItem('INV-SIGNED-AMOUNT', '40', 'completion', '120'),
      schemeItem('REF-EXPORTS', '100', 'completion', '120'),
      schemeItem('LIV-PRACTICAL-MATTERS', '100', 'milestone', '100'),
    ],
    { points: '2', subjects: ['swj'] },
  ),
};

async function scoringState(db: Db) {
  const [schemes, snapshots, [audit]] = await Promise.all([
    db.select().from(scoringSchemes).orderBy(asc(scoringSchemes.id)),
    db.select().from(scoreSnapshots).orderBy(asc(scoreSnapshots.id)),
    db.select({ n: count() }).from(auditEvents),
  ]);
  return JSON.stringify({ schemes, snapshots, audit: audit?.n ?? 0 });
}

forEachEngine('考核评分: schemes, publication, snapshots', (ctx) => {
  const actors = seededActors(ctx, (handle) => seedSampleYear(handle, NOW), {
    admin: ['sc-admin', 'admin'],
    leader: ['sc-leader', 'leader'],
    official: ['sc-official', 'official', 'fgw'],
  });

  it('a new embedded database comes with the sample scheme published (示例数据)', async () => {
    const view = await getScores(actors.leader, { year: 2026 }, { db: ctx.db });
    expect(view.scheme).toMatchObject({ version: 1, isSample: true });
    expect(view.rows.length).toBeGreaterThan(3);
    expect(view.rows[0]?.rank).toBe(1);
    expect(view.rows[0]?.formula).toMatch(/^基础分 = .*总分 = /);
  });

  describe('bad schemes are refused with the problem named, and nothing is stored', () => {
    const withFirst = (patch: Record<string, string>) => ({
      ...GOOD,
      items: [{ ...GOOD.items[0], ...patch }, ...GOOD.items.slice(1)],
    });
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'area weights not adding to 100',
        { ...GOOD, areas: [{ area: 'investment', weight: '50' }, ...GOOD.areas.slice(1)] },
        '各主抓手「权重」合计应为 100，现为 90',
      ],
      [
        'indicator weights within an area not adding to 100',
        withFirst({ weight: '50' }),
        '主抓手「抓招商、上项目」内各指标「权重」合计应为 100，现为 90',
      ],
      [
        'an indicator whose area has no weight',
        { ...GOOD, areas: GOOD.areas.slice(0, 2), items: GOOD.items },
        '指标「省政府部署的民生实事」属于主抓手「抓民生、办实事」，方案未设该主抓手的权重',
      ],
      ['a rule that does not fit the kind', withFirst({ rule: 'milestone' }), '不适用「任务完成」规则'],
      ['a ceiling below zero', withFirst({ ceiling: '-10' }), '「计分上限」不能小于 0'],
      ['a bonus cap below zero', { ...GOOD, bonusCap: '-1' }, '「加分上限」不能小于 0（现为 -1）'],
    ];
    it.each(cases)('%s', async (_name, input, message) => {
      const before = await scoringState(ctx.db);
      const error = await expectError(
        saveScheme(actors.admin, input, { db: ctx.db, now: NOW }),
        'invalid_input',
        'scheme',
      );
      expect(error.message).toContain(message);
      expect(await scoringState(ctx.db)).toBe(before);
    });
  });

  it('only the admin builds schemes; only leader, admin and auditor see scores', async () => {
    await expectError(saveScheme(actors.leader, GOOD, { db: ctx.db, now: NOW }), 'forbidden');
    await expectError(getScoringAdmin(actors.official, { year: 2026 }, { db: ctx.db }), 'forbidden');
    await expectError(getScores(actors.official, { year: 2026 }, { db: ctx.db }), 'forbidden');
  });

  it('publishes a new version from approved figures only; a later change leaves the published snapshot as it was', async () => {
    const saved = await saveScheme(actors.admin, GOOD, { db: ctx.db, now: NOW });
    expect(saved).toMatchObject({ version: 2, status: 'draft', newVersion: true });
    const event = await latestAuditEvent(ctx.db, 'scoring.scheme_save');
    expect(event?.reason).toContain('第 1 版已发布，修改生成第 2 版');

    // 襄垣县's latest unit figure of 签约项目金额 is only submitted: its score must read the month before.
    const [signed] = await ctx.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.code, 'INV-SIGNED-AMOUNT'));
    const [xiangyuan] = await ctx.db.select().from(units).where(eq(units.code, 'xiangyuan'));
    const unitRows = await ctx.db
      .select()
      .from(actuals)
      .where(
        and(eq(actuals.indicatorId, signed?.id ?? -1), eq(actuals.unitId, xiangyuan?.id ?? -1), eq(actuals.year, 2026)),
      )
      .orderBy(desc(actuals.month));
    const [lastUnitRow, approvedUnitRow] = unitRows;
    await ctx.db
      .update(actuals)
      .set({ status: 'submitted' })
      .where(eq(actuals.id, lastUnitRow?.id ?? -1));

    await publishScheme(actors.admin, { year: 2026, version: 2 }, { db: ctx.db, now: NOW });
    const published = await getScores(actors.leader, { year: 2026 }, { db: ctx.db });
    expect(published.scheme?.version).toBe(2);
    const fgw = published.rows.find((r) => r.subjectCode === 'fgw');
    const investment = fgw?.inputs.items.find((i) => i.indicatorCode === 'INV-INVESTMENT');
    // The latest approved figure, never a submitted one.
    const [ind] = await ctx.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.code, 'INV-INVESTMENT'));
    const [approved] = await ctx.db
      .select({ month: actuals.month, value: actuals.value })
      .from(actuals)
      .where(and(eq(actuals.indicatorId, ind?.id ?? -1), eq(actuals.year, 2026), eq(actuals.status, 'approved')))
      .orderBy(desc(actuals.month))
      .limit(1);
    expect(investment?.month).toBe(approved?.month);
    expect(Number(investment?.actual)).toBe(Number(approved?.value));
    expect(investment?.formula).toContain(`× ${approved?.month}/12`);
    expect(published.rows.find((r) => r.subjectCode === 'swj')?.bonus).toBe('2.00');

    // Units are scored too, apart from departments: on the indicator tracked by unit, from the unit's own approved
    // figure against its own target, with both levels of weights (60 × 40% = 24 points).
    const unitScores = published.rows.filter((r) => r.subjectKind === 'unit');
    expect(unitScores.length).toBe(12);
    expect(unitScores.map((r) => r.rank)[0]).toBe(1);
    const [unitTarget] = await ctx.db
      .select()
      .from(unitTargets)
      .where(and(eq(unitTargets.indicatorId, signed?.id ?? -1), eq(unitTargets.unitId, xiangyuan?.id ?? -1)));
    const xy = unitScores.find((r) => r.subjectCode === 'xiangyuan');
    expect(xy?.subjectKindLabel).toBe('县区');
    expect(xy?.inputs.items).toHaveLength(1);
    const item = xy?.inputs.items[0];
    expect(item).toMatchObject({ indicatorCode: 'INV-SIGNED-AMOUNT', areaWeight: '60', weight: '40', points: '24' });
    expect(Number(item?.target)).toBe(Number(unitTarget?.value));
    expect(item?.month).toBe(approvedUnitRow?.month);
    expect(Number(item?.actual)).toBe(Number(approvedUnitRow?.value));
    const ratio = Math.min(Number(approvedUnitRow?.value) / Number(unitTarget?.value), 1.2);
    expect(Number(item?.score)).toBeCloseTo(24 * ratio, 1);
    expect(item?.formula).toContain('得分 = 主抓手权重 60 × 指标权重 40% × ');
    expect(xy?.formula).toMatch(/÷ 权重合计 24 × 100 = /);
    // The department's own figure of the same indicator is the city's (no unit figure mixed in).
    const swjSigned = published.rows
      .find((r) => r.subjectCode === 'swj')
      ?.inputs.items.find((i) => i.indicatorCode === 'INV-SIGNED-AMOUNT');
    const [citySigned] = await ctx.db
      .select({ value: actuals.value, month: actuals.month })
      .from(actuals)
      .where(
        and(
          eq(actuals.indicatorId, signed?.id ?? -1),
          isNull(actuals.unitId),
          eq(actuals.status, 'approved'),
          eq(actuals.year, 2026),
        ),
      )
      .orderBy(desc(actuals.month))
      .limit(1);
    expect(Number(swjSigned?.actual)).toBe(Number(citySigned?.value));

    // Changing the scheme after publishing makes version 3; version 2's scores stay exactly as published.
    const v2Rows = await ctx.db
      .select()
      .from(scoreSnapshots)
      .where(eq(scoreSnapshots.schemeVersion, 2))
      .orderBy(asc(scoreSnapshots.id));
    const changed = {
      ...GOOD,
      areas: [
        { area: 'investment', weight: '50' },
        { area: 'reform', weight: '40' },
        { area: 'livelihood', weight: '10' },
      ],
    };
    expect(await saveScheme(actors.admin, changed, { db: ctx.db, now: NOW })).toMatchObject({
      version: 3,
      status: 'draft',
    });
    await publishScheme(actors.admin, { year: 2026, version: 3 }, { db: ctx.db, now: NOW });
    expect(
      await ctx.db
        .select()
        .from(scoreSnapshots)
        .where(eq(scoreSnapshots.schemeVersion, 2))
        .orderBy(asc(scoreSnapshots.id)),
    ).toEqual(v2Rows);
    expect(
      (await getScores(actors.leader, { year: 2026, version: 2 }, { db: ctx.db })).rows.map((r) => r.total),
    ).toEqual(published.rows.map((r) => r.total));
    expect((await getScores(actors.leader, { year: 2026 }, { db: ctx.db })).scheme?.version).toBe(3);

    // A published version is not computed again, and the database refuses to change a snapshot.
    await expectError(publishScheme(actors.admin, { year: 2026, version: 2 }, { db: ctx.db, now: NOW }), 'conflict');
    await expect(
      ctx.db.execute(sql`update score_snapshots set total = 100 where scheme_version = 2`),
    ).rejects.toThrow();
  });
});

forEachEngine('考核评分: a scheme saved before area weights', (ctx) => {
  it('its published snapshot shows as published; the admin sees its weights in two levels and saves a new version', async () => {
    await seedSampleYear(ctx.handle, NOW);
    const admin = await actorFor(ctx.db, 'lg-admin', 'admin');
    const legacyBody: LegacySchemeBody = {
      items: [
        { indicatorCode: 'INV-INVESTMENT', weight: '30', rule: 'completion', ceiling: '120' },
        { indicatorCode: 'INV-PROJECTS', weight: '30', rule: 'completion', ceiling: '120' },
        { indicatorCode: 'REF-EXPORTS', weight: '40', rule: 'completion', ceiling: '120' },
      ],
      latePoints: '0.5',
      returnedPoints: '1',
      deductionCap: '5',
      bonuses: [],
      bonusCap: '3',
    };
    const [scheme] = await ctx.db
      .insert(scoringSchemes)
      .values({ year: 2025, version: 1, status: 'published', body: legacyBody, publishedAt: NOW })
      .returning();
    const legacyItem: ItemRecord = {
      indicatorCode: 'INV-INVESTMENT',
      indicatorName: '项目累计完成投资',
      areaName: '抓招商、上项目',
      rule: 'completion',
      weight: '30',
      ceiling: '120',
      target: '1000',
      actual: '900',
      month: 12,
      score: '27.00',
      formula: '完成率 = 实绩 900 ÷ 目标 1000 = 90.00%（上限 120%）；得分 = 权重 30 × 90.00% = 27.00',
    };
    await ctx.db.insert(scoreSnapshots).values({
      schemeId: scheme?.id ?? -1,
      year: 2025,
      schemeVersion: 1,
      subjectKind: 'department',
      subjectId: 1,
      subjectCode: 'fgw',
      subjectName: '发改委',
      rank: 1,
      total: '90',
      base: '90',
      deduction: '0',
      bonus: '0',
      inputs: { items: [legacyItem], lateCount: 0, returnedCount: 0, bonuses: [] },
      formula: '基础分 = (27.00) ÷ 权重合计 30 × 100 = 90.00；总分 = 90.00',
      publishedAt: NOW,
    });
    const leader = await actorFor(ctx.db, 'lg-leader', 'leader');
    const shown = await getScores(leader, { year: 2025 }, { db: ctx.db });
    expect(shown.rows[0]).toMatchObject({
      total: '90.00',
      formula: '基础分 = (27.00) ÷ 权重合计 30 × 100 = 90.00；总分 = 90.00',
    });
    expect(shown.rows[0]?.inputs.items[0]).toEqual(legacyItem);

    const view = await getScoringAdmin(admin, { year: 2025 }, { db: ctx.db });
    expect(view.scheme?.isLegacy).toBe(true);
    expect(view.scheme?.body.areas).toEqual([
      { area: 'investment', weight: '60' },
      { area: 'reform', weight: '40' },
    ]);
    expect(view.scheme?.body.items.map((i) => i.weight)).toEqual(['50', '50', '100']);
    const body = view.scheme?.body;
    expect(await saveScheme(admin, { year: 2025, ...body }, { db: ctx.db, now: NOW })).toMatchObject({ version: 2 });
    expect((await getScores(leader, { year: 2025 }, { db: ctx.db })).rows[0]?.inputs.items[0]).toEqual(legacyItem);
  });
});

forEachEngine('考核评分: start-up with a changed catalogue', (ctx) => {
  it('starts without sample scores, saying why, when an indicator of the sample scheme was retired', async () => {
    await bootstrap({ sample: false, demoAccounts: false, log: () => {}, now: NOW }, ctx.handle);
    await ctx.db.update(indicators).set({ isRetired: true }).where(eq(indicators.code, 'INV-INVESTMENT'));
    const lines: string[] = [];
    await bootstrap({ sample: true, demoAccounts: false, log: (line) => lines.push(line), now: NOW }, ctx.handle);
    const log = lines.join('\n');
    expect(log).toContain('未发布示例考核得分：');
    expect(log).toContain('指标「INV-INVESTMENT」不存在或已停用');
    expect(await ctx.db.select().from(scoringSchemes)).toEqual([]);
  });
});
