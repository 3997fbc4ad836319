import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actuals, auditEvents, indicators, planIndicators, targets } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { seedSampleYear } from './fixtures/catalogue';
import { updatePlanIndicator } from '@/lib/services/plans/edit';
import { adoptPlanTarget } from '@/lib/services/plans/targets';
import type { Db } from '@/db/client';
import { asc, count } from 'drizzle-orm';
import { getPlan, getPlanStrip } from '@/lib/services/plans/plan';
import { bumpDataVersion } from '@/db/queries/data-version';
import { forEachEngine } from '../helpers/test-db';
import { seededActors } from './fixtures/seeded-actors';
import { latestAuditEvent } from './fixtures/audit-events';
import { expectError } from './fixtures/refusals';

const NOW = new Date('2026-07-10T04:00:00Z');

forEachEngine('five-year plans', (ctx) => {
  const actors = seededActors(ctx, (handle) => seedSampleYear(handle, NOW), {
    leader: ['plan-leader', 'leader'],
    admin: ['plan-admin', 'admin'],
  });

  it('十五五: each indicator runs from its 2025 figure; no complete year yet, so the whole span is still to go', async () => {
    const view = await getPlan(actors.leader, 'fyp-15', { db: ctx.db });
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
    const strip = await getPlanStrip(actors.leader, { db: ctx.db });
    expect(strip).toMatchObject({
      code: 'fyp-15',
      total: view.items.length,
      onTrack: view.counts.onTrack,
      behind: view.counts.behind,
    });
    expect(view.counts.onTrack + view.counts.behind).toBeGreaterThan(0);
    // Computed once per data version: every reader of the overview gets the same answer until a write.
    expect(await getPlanStrip(actors.admin, { db: ctx.db })).toBe(strip);
  });

  it('the baseline is linked, not copied: a changed 2025 figure moves the path', async () => {
    const [ind] = await ctx.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(eq(indicators.code, 'REV-URBANIZATION'));
    // Changed in place, with the data version moved as the write path moves it (db/queries/audit-append.ts): the
    // plan is served from the read model, which recomputes when the version moves.
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(actuals)
        .set({ value: '61' })
        .where(and(eq(actuals.indicatorId, ind?.id ?? -1), eq(actuals.year, 2025), eq(actuals.month, 12)));
      await bumpDataVersion(tx);
    });
    const urban = (await getPlan(actors.leader, 'fyp-15', { db: ctx.db })).items.find(
      (i) => i.code === 'REV-URBANIZATION',
    );
    expect(urban?.baseline?.value).toMatch(/^61(\.0+)?$/);
    expect(urban?.path[0]?.value).toBe('61.8'); // 61 + (65 − 61) ÷ 5
  });

  it('十四五 is the closed plan; an unknown plan is a 404 in Chinese', async () => {
    expect((await getPlan(actors.leader, 'fyp-14', { db: ctx.db })).isClosed).toBe(true);
    await expectError(getPlan(actors.leader, 'nope', { db: ctx.db }), 'not_found');
  });

  it('an annual target is drawn from the path through the one target write, audited with the plan as its reason', async () => {
    // 2027 on the 年均增长 6% path from 1027: 1027 × 1.06² = 1153.9372.
    const created = await adoptPlanTarget(
      actors.admin,
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
    const event = await latestAuditEvent(ctx.db, 'target.create');
    expect(event?.reason).toBe('采用“十五五”规划路径值');
    // 2026 has begun (July): replacing the sample target is a revision, and the plan is its reason.
    const revised = await adoptPlanTarget(
      actors.admin,
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
    // A year past the plan is refused by name; a leader may not adopt at all.
    const refusals: [Actor, number, 'invalid_input' | 'forbidden', string?][] = [
      [actors.admin, 2031, 'invalid_input', 'year'],
      [actors.leader, 2028, 'forbidden'],
    ];
    for (const [actor, year, code, field] of refusals) {
      await expectError(
        adoptPlanTarget(actor, 'fyp-15', { indicatorCode: 'INV-INVESTMENT', year }, { db: ctx.db, now: NOW }),
        code,
        field,
      );
    }
  });

  describe('the admin edits a plan indicator’s path', () => {
    const opts = () => ({ db: ctx.db, now: NOW });
    const loans = async () =>
      (await getPlan(actors.leader, 'fyp-15', { db: ctx.db })).items.find((i) => i.code === 'INN-NEW-LOANS');
    async function planState(db: Db) {
      const [rows, [audit]] = await Promise.all([
        db.select().from(planIndicators).orderBy(asc(planIndicators.id)),
        db.select({ n: count() }).from(auditEvents),
      ]);
      return JSON.stringify({ rows, audit: audit?.n });
    }

    it('straight → 年均增长 8%: the path follows, audited with before and after', async () => {
      const before = await loans();
      expect(before?.pathKind).toBe('straight');
      const base = Number(before?.baseline?.value);
      const result = await updatePlanIndicator(
        actors.admin,
        'fyp-15',
        {
          indicatorCode: 'INN-NEW-LOANS',
          pathKind: 'compound',
          annualGrowth: '8',
          finalTarget: '',
          reason: '规划纲要',
        },
        opts(),
      );
      expect(result.status).toBe('updated');
      const after = await loans();
      expect(after?.pathKind).toBe('compound');
      expect(Number(after?.path[0]?.value)).toBeCloseTo(base * 1.08, 3);
      const event = await latestAuditEvent(ctx.db, 'plan.indicator_update');
      expect(event).toMatchObject({ entityId: 'fyp-15:INN-NEW-LOANS', reason: '规划纲要' });
      expect(event?.before).toMatchObject({ pathKind: 'straight', finalTarget: '400', annualGrowth: null });
      expect(event?.after).toMatchObject({ pathKind: 'compound', finalTarget: null, annualGrowth: '8' });
      // The same values again change nothing and write no event.
      const state = await planState(ctx.db);
      expect(
        (
          await updatePlanIndicator(
            actors.admin,
            'fyp-15',
            { indicatorCode: 'INN-NEW-LOANS', pathKind: 'compound', annualGrowth: '8.0' },
            opts(),
          )
        ).status,
      ).toBe('unchanged');
      expect(await planState(ctx.db)).toBe(state);
    });

    it('typed by year, and a baseline linked to another indicator of the same unit', async () => {
      const typedValues = { '2026': '350', '2027': '360', '2028': '370', '2029': '380', '2030': '400' };
      await updatePlanIndicator(
        actors.admin,
        'fyp-15',
        { indicatorCode: 'INN-NEW-LOANS', pathKind: 'typed', typedValues, baselineIndicatorCode: 'INV-INVESTMENT' },
        opts(),
      );
      const item = await loans();
      expect(item?.path.map((p) => p.value)).toEqual(['350', '360', '370', '380', '400']);
      expect(item?.baselineIndicator).toMatchObject({ code: 'INV-INVESTMENT', isOwn: false });
      expect(item?.baseline?.value).toMatch(/^1027(\.0+)?$/);
    });

    it('bad edits are refused naming the field, and nothing is stored', async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [{ pathKind: 'straight', finalTarget: '400', annualGrowth: '5' }, 'annualGrowth', '应填且只填一项'],
        [{ pathKind: 'straight', finalTarget: 'abc' }, 'finalTarget', '「2030年目标值」不是有效数字'],
        [{ pathKind: 'typed', typedValues: { '2026': '1' } }, 'typedValues.2027', '「2027年路径值」未填写'],
        [
          { pathKind: 'straight', finalTarget: '400', baselineIndicatorCode: 'REV-URBANIZATION' },
          'baselineIndicatorCode',
          '单位（%）与「新增贷款」（亿元）不同',
        ],
      ];
      for (const [input, field, message] of cases) {
        const state = await planState(ctx.db);
        const error = await expectError(
          updatePlanIndicator(actors.admin, 'fyp-15', { indicatorCode: 'INN-NEW-LOANS', ...input }, opts()),
          'invalid_input',
          field,
        );
        expect(error.message).toContain(message);
        expect(await planState(ctx.db)).toBe(state);
      }
      // A leader may not edit a plan; nobody may edit a closed one (十四五).
      const refusals: [Actor, string, 'forbidden' | 'conflict'][] = [
        [actors.leader, 'fyp-15', 'forbidden'],
        [actors.admin, 'fyp-14', 'conflict'],
      ];
      for (const [actor, planCode, code] of refusals) {
        await expectError(
          updatePlanIndicator(
            actor,
            planCode,
            { indicatorCode: 'INN-NEW-LOANS', pathKind: 'straight', finalTarget: '1' },
            opts(),
          ),
          code,
        );
      }
    });

    it('a path value confirmed before the path changed is not adopted', async () => {
      const error = await expectError(
        adoptPlanTarget(
          actors.admin,
          'fyp-15',
          { indicatorCode: 'INN-NEW-LOANS', year: 2028, confirmedValue: '999' },
          opts(),
        ),
        'conflict',
      );
      expect(error.message).toContain('2028年的路径值已变为 370亿元（您确认的是 999）');
      expect(
        await adoptPlanTarget(
          actors.admin,
          'fyp-15',
          { indicatorCode: 'INN-NEW-LOANS', year: 2028, confirmedValue: '370' },
          opts(),
        ),
      ).toMatchObject({ value: '370', status: 'created' });
    });
  });
});
