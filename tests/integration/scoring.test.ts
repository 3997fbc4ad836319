import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actuals, auditEvents, indicators, scoreSnapshots, scoringSchemes } from '@/db/schema';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/actor';
import { bootstrap } from '@/lib/services/platform/bootstrap';
import { getScoringAdmin, publishScheme, saveScheme } from '@/lib/services/scoring/scoring';
import { getScores } from '@/lib/services/scoring/scores';
import { forEachEngine } from '../helpers/test-db';
import { actorFor } from './fixtures/actors';
import { expectError } from './fixtures/refusals';

// 10 July 2026 in Shanghai: the sample year holds figures through June.
const NOW = new Date('2026-07-10T04:00:00Z');

const GOOD = {
  year: 2026,
  items: [
    { indicatorCode: 'INV-INVESTMENT', weight: '60', rule: 'on_time', ceiling: '110' },
    { indicatorCode: 'REF-EXPORTS', weight: '30', rule: 'completion', ceiling: '120' },
    { indicatorCode: 'LIV-PRACTICAL-MATTERS', weight: '10', rule: 'milestone', ceiling: '100' },
  ],
  latePoints: '0.5',
  returnedPoints: '1',
  deductionCap: '5',
  bonuses: [{ name: '省级表彰', points: '2', subjects: ['swj'] }],
  bonusCap: '3',
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
  let admin: Actor;
  let leader: Actor;
  let official: Actor;

  beforeAll(async () => {
    await bootstrap({ sample: true, demoAccounts: false, log: () => {}, now: NOW }, ctx.handle);
    admin = await actorFor(ctx.db, 'sc-admin', 'admin');
    leader = await actorFor(ctx.db, 'sc-leader', 'leader');
    official = await actorFor(ctx.db, 'sc-official', 'official', 'fgw');
  });

  it('a new embedded database comes with the sample scheme published (示例数据)', async () => {
    const view = await getScores(leader, { year: 2026 }, { db: ctx.db });
    expect(view.scheme).toMatchObject({ version: 1, isSample: true });
    expect(view.rows.length).toBeGreaterThan(3);
    expect(view.rows[0]?.rank).toBe(1);
    expect(view.rows[0]?.formula).toMatch(/^基础分 = .*总分 = /);
  });

  describe('bad schemes are refused with the problem named, and nothing is stored', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'weights not adding to 100',
        { ...GOOD, items: [{ ...GOOD.items[0], weight: '50' }, GOOD.items[1], GOOD.items[2]] },
        '各指标「权重」合计应为 100，现为 90',
      ],
      [
        'a rule that does not fit the kind',
        { ...GOOD, items: [{ ...GOOD.items[0], rule: 'milestone' }, GOOD.items[1], GOOD.items[2]] },
        '不适用「任务完成」规则',
      ],
      [
        'a ceiling below zero',
        { ...GOOD, items: [{ ...GOOD.items[0], ceiling: '-10' }, GOOD.items[1], GOOD.items[2]] },
        '「计分上限」不能小于 0',
      ],
      ['a bonus cap below zero', { ...GOOD, bonusCap: '-1' }, '「加分上限」不能小于 0（现为 -1）'],
    ];
    it.each(cases)('%s', async (_name, input, message) => {
      const before = await scoringState(ctx.db);
      const error = await expectError(saveScheme(admin, input, { db: ctx.db, now: NOW }), 'invalid_input', 'scheme');
      expect(error.message).toContain(message);
      expect(await scoringState(ctx.db)).toBe(before);
    });
  });

  it('only the admin builds schemes; only leader, admin and auditor see scores', async () => {
    await expectError(saveScheme(leader, GOOD, { db: ctx.db, now: NOW }), 'forbidden');
    await expectError(getScoringAdmin(official, { year: 2026 }, { db: ctx.db }), 'forbidden');
    await expectError(getScores(official, { year: 2026 }, { db: ctx.db }), 'forbidden');
  });

  it('publishes a new version from approved figures only; a later change leaves the published snapshot as it was', async () => {
    const saved = await saveScheme(admin, GOOD, { db: ctx.db, now: NOW });
    expect(saved).toMatchObject({ version: 2, status: 'draft', newVersion: true });
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'scoring.scheme_save'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event?.reason).toContain('第 1 版已发布，修改生成第 2 版');

    await publishScheme(admin, { year: 2026, version: 2 }, { db: ctx.db, now: NOW });
    const published = await getScores(leader, { year: 2026 }, { db: ctx.db });
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

    // Changing the scheme after publishing makes version 3; version 2's scores stay exactly as published.
    const v2Rows = await ctx.db
      .select()
      .from(scoreSnapshots)
      .where(eq(scoreSnapshots.schemeVersion, 2))
      .orderBy(asc(scoreSnapshots.id));
    const changed = {
      ...GOOD,
      items: [{ ...GOOD.items[0], weight: '50' }, { ...GOOD.items[1], weight: '40' }, GOOD.items[2]],
    };
    expect(await saveScheme(admin, changed, { db: ctx.db, now: NOW })).toMatchObject({ version: 3, status: 'draft' });
    await publishScheme(admin, { year: 2026, version: 3 }, { db: ctx.db, now: NOW });
    expect(
      await ctx.db
        .select()
        .from(scoreSnapshots)
        .where(eq(scoreSnapshots.schemeVersion, 2))
        .orderBy(asc(scoreSnapshots.id)),
    ).toEqual(v2Rows);
    expect((await getScores(leader, { year: 2026, version: 2 }, { db: ctx.db })).rows.map((r) => r.total)).toEqual(
      published.rows.map((r) => r.total),
    );
    expect((await getScores(leader, { year: 2026 }, { db: ctx.db })).scheme?.version).toBe(3);

    // A published version is not computed again, and the database refuses to change a snapshot.
    await expectError(publishScheme(admin, { year: 2026, version: 2 }, { db: ctx.db, now: NOW }), 'conflict');
    await expect(
      ctx.db.execute(sql`update score_snapshots set total = 100 where scheme_version = 2`),
    ).rejects.toThrow();
  });
});

forEachEngine('考核评分: start-up with a changed catalogue', (ctx) => {
  it('starts without sample scores, saying why, when an indicator of the sample scheme was retired', async () => {
    await bootstrap({ sample: false, demoAccounts: false, log: () => {}, now: NOW }, ctx.handle);
    await ctx.db.update(indicators).set({ isRetired: true }).where(eq(indicators.code, 'INV-INVESTMENT'));
    const lines: string[] = [];
    await bootstrap({ sample: true, demoAccounts: false, log: (line) => lines.push(line), now: NOW }, ctx.handle);
    expect(lines.join('\n')).toContain('未发布示例考核得分：指标「INV-INVESTMENT」不存在或已停用');
    expect(await ctx.db.select().from(scoringSchemes)).toEqual([]);
  });
});
