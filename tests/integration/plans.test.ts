import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { actuals, auditEvents, indicators, targets } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { bootstrap } from '@/lib/services/platform/bootstrap';
import { adoptPlanTarget } from '@/lib/services/plans/targets';
import { getPlan, getPlanStrip } from '@/lib/services/plans/plan';
import { forEachEngine } from '../helpers/test-db';
import { actorFor } from './fixtures/actors';
import { expectError } from './fixtures/refusals';

const NOW = new Date('2026-07-10T04:00:00Z');

forEachEngine('five-year plans', (ctx) => {
  let leader: Actor;
  let admin: Actor;

  beforeAll(async () => {
    await bootstrap({ sample: true, demoAccounts: false, log: () => {}, now: NOW }, ctx.handle);
    leader = await actorFor(ctx.db, 'plan-leader', 'leader');
    admin = await actorFor(ctx.db, 'plan-admin', 'admin');
  });

  it('十五五: each indicator runs from its 2025 figure; no complete year yet, so the whole span is still to go', async () => {
    const view = await getPlan(leader, 'fyp-15', { db: ctx.db });
    expect(view.plan).toMatchObject({ name: '十五五', firstYear: 2026, lastYear: 2030 });
    const investment = view.items.find((i) => i.code === 'INV-INVESTMENT');
    expect(investment?.baseline?.value).toMatch(/^1027(\.0+)?$/);
    expect(investment?.path[0]).toEqual({ year: 2026, value: '1088.62' }); // 1027 × 1.06
    expect(investment?.isSample).toBe(true);
    expect(['on_track', 'behind']).toContain(investment?.progress.status); // June's running total against 1088.62 × 6/12
    const urban = view.items.find((i) => i.code === 'REV-URBANIZATION');
    // (65 ÷ 60.65)^(1/5) − 1 = 1.3949…% → 1.39%
    expect(urban?.progress).toMatchObject({
      status: 'no_data',
      yearsDone: 0,
      yearsLeft: 5,
      wording: '需年均增长 1.39%',
    });
    const strip = await getPlanStrip(leader, { db: ctx.db });
    expect(strip).toMatchObject({
      code: 'fyp-15',
      total: view.items.length,
      onTrack: view.counts.onTrack,
      behind: view.counts.behind,
    });
    expect(view.counts.onTrack + view.counts.behind).toBeGreaterThan(0);
  });

  it('the baseline is linked, not copied: a changed 2025 figure moves the path', async () => {
    const [ind] = await ctx.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.code, 'REV-URBANIZATION'));
    await ctx.db
      .update(actuals)
      .set({ value: '61' })
      .where(and(eq(actuals.indicatorId, ind?.id ?? -1), eq(actuals.year, 2025), eq(actuals.month, 12)));
    const urban = (await getPlan(leader, 'fyp-15', { db: ctx.db })).items.find((i) => i.code === 'REV-URBANIZATION');
    expect(urban?.baseline?.value).toMatch(/^61(\.0+)?$/);
    expect(urban?.path[0]?.value).toBe('61.8'); // 61 + (65 − 61) ÷ 5
  });

  it('十四五 is the closed plan; an unknown plan is a 404 in Chinese', async () => {
    expect((await getPlan(leader, 'fyp-14', { db: ctx.db })).isClosed).toBe(true);
    await expectError(getPlan(leader, 'nope', { db: ctx.db }), 'not_found');
  });

  it('an annual target is drawn from the path through the one target write, audited with the plan as its reason', async () => {
    // 2027 on the 年均增长 6% path from 1027: 1027 × 1.06² = 1153.9372.
    const created = await adoptPlanTarget(
      admin,
      'fyp-15',
      { indicatorCode: 'INV-INVESTMENT', year: 2027 },
      { db: ctx.db, now: NOW },
    );
    expect(created).toMatchObject({ value: '1153.9372', status: 'created' });
    const [ind] = await ctx.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.code, 'INV-INVESTMENT'));
    const [row] = await ctx.db
      .select()
      .from(targets)
      .where(and(eq(targets.indicatorId, ind?.id ?? -1), eq(targets.year, 2027)));
    expect(Number(row?.value)).toBe(1153.9372);
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'target.create'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event?.reason).toBe('采用“十五五”规划路径值');
    // 2026 has begun (July): replacing the sample target is a revision, and the plan is its reason.
    const revised = await adoptPlanTarget(
      admin,
      'fyp-15',
      { indicatorCode: 'INV-INVESTMENT', year: 2026, reason: '市政府确认' },
      { db: ctx.db, now: NOW },
    );
    expect(revised.status).toBe('updated');
    const [rev] = await ctx.db
      .select()
      .from(targets)
      .where(and(eq(targets.indicatorId, ind?.id ?? -1), eq(targets.year, 2026)));
    expect(rev).toMatchObject({ isRevised: true, revisionReason: '采用“十五五”规划路径值：市政府确认' });
    await expectError(
      adoptPlanTarget(admin, 'fyp-15', { indicatorCode: 'INV-INVESTMENT', year: 2031 }, { db: ctx.db, now: NOW }),
      'invalid_input',
      'year',
    );
    await expectError(
      adoptPlanTarget(leader, 'fyp-15', { indicatorCode: 'INV-INVESTMENT', year: 2028 }, { db: ctx.db, now: NOW }),
      'forbidden',
    );
  });
});
