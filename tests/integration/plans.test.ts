import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { actuals, indicators } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { bootstrap } from '@/lib/services/bootstrap';
import { getPlan, getPlanStrip } from '@/lib/services/plan-view';
import { forEachEngine } from '../helpers/test-db';
import { actorFor, expectError } from './admin-fixtures';

const NOW = new Date('2026-07-10T04:00:00Z');

forEachEngine('five-year plans', (ctx) => {
  let leader: Actor;

  beforeAll(async () => {
    await bootstrap({ sample: true, demoAccounts: false, log: () => {}, now: NOW }, ctx.handle);
    leader = await actorFor(ctx.db, 'plan-leader', 'leader');
  });

  it('十五五: each indicator runs from its 2025 figure; no complete year yet, so the whole span is still to go', async () => {
    const view = await getPlan(leader, 'fyp-15', ctx.db);
    expect(view.plan).toMatchObject({ name: '十五五', firstYear: 2026, lastYear: 2030 });
    const investment = view.items.find((i) => i.code === 'INV-INVESTMENT');
    expect(investment?.baseline?.value).toMatch(/^1027(\.0+)?$/);
    expect(investment?.path[0]).toEqual({ year: 2026, value: '1088.62' }); // 1027 × 1.06
    expect(investment?.isSample).toBe(true);
    expect(['on_track', 'behind']).toContain(investment?.progress.status); // June's running total against 1088.62 × 6/12
    const urban = view.items.find((i) => i.code === 'REV-URBANIZATION');
    // (65 ÷ 60.65)^(1/5) − 1 = 1.3949…% → 1.39%
    expect(urban?.progress).toMatchObject({ status: 'no_data', yearsDone: 0, yearsLeft: 5, wording: '需年均增长 1.39%' });
    const strip = await getPlanStrip(leader, ctx.db);
    expect(strip).toMatchObject({ code: 'fyp-15', total: view.items.length, onTrack: view.counts.onTrack, behind: view.counts.behind });
    expect(view.counts.onTrack + view.counts.behind).toBeGreaterThan(0);
  });

  it('the baseline is linked, not copied: a changed 2025 figure moves the path', async () => {
    const [ind] = await ctx.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.code, 'REV-URBANIZATION'));
    await ctx.db.update(actuals).set({ value: '61' }).where(and(eq(actuals.indicatorId, ind?.id ?? -1), eq(actuals.year, 2025), eq(actuals.month, 12)));
    const urban = (await getPlan(leader, 'fyp-15', ctx.db)).items.find((i) => i.code === 'REV-URBANIZATION');
    expect(urban?.baseline?.value).toMatch(/^61(\.0+)?$/);
    expect(urban?.path[0]?.value).toBe('61.8'); // 61 + (65 − 61) ÷ 5
  });

  it('十四五 is the closed plan; an unknown plan is a 404 in Chinese', async () => {
    expect((await getPlan(leader, 'fyp-14', ctx.db)).isClosed).toBe(true);
    await expectError(getPlan(leader, 'nope', ctx.db), 'not_found');
  });
});
