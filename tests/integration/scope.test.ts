/**
 * Who sees a draft (db/queries/scope.ts), per role, with a second department: the owning department's official
 * and reviewer see it on the indicator page; the other department's, a leader, an auditor and an administrator do
 * not, whoever reads first (the read model files each computation under its scope). The dashboards and the
 * records export never show it; the period's figures and a figure's history follow the same rule.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { listPeriodActuals } from '@/db/queries/actuals';
import { listFigureEvents } from '@/db/queries/history';
import { scopeKey } from '@/db/queries/scope';
import { indicators, targets } from '@/db/schema';
import { type Actor } from '@/lib/domain/actor';
import { saveActual } from '@/lib/services/reporting/actual-entry';
import { getAreaView } from '@/lib/services/dashboards/area';
import { getOverview } from '@/lib/services/dashboards/dashboard';
import { exportRecords } from '@/lib/services/exports/exports';
import { getIndicatorDetail } from '@/lib/services/dashboards/indicator';
import { openReadModel } from '@/lib/services/dashboards/read-model';
import { readCsv, readWebStream } from '@/tests/helpers/export-read';
import { forEachEngine } from '@/tests/helpers/test-db';
import { actorFor } from './fixtures/actors';
import { seedCatalogue } from './fixtures/catalogue';

// 10 April 2026, noon in Shanghai: March's figures are being entered.
const NOW = new Date('2026-04-10T04:00:00Z');
const PERIOD = { year: 2026, month: 3 };
const CODE = 'INV-INVESTMENT'; // fgw's
const DRAFT_VALUE = '4321.5';
forEachEngine('draft visibility, one rule for every read', (ctx) => {
  let actors: Record<
    'official' | 'reviewer' | 'otherOfficial' | 'otherReviewer' | 'leader' | 'auditor' | 'admin',
    Actor
  >;
  let indicatorId: number;
  let overviewBefore: unknown;
  let areaBefore: unknown;

  const options = () => ({ db: ctx.db, now: NOW });
  const overviewOf = async (actor: Actor) => (await getOverview(actor, PERIOD, options())).counts;
  const areaRowOf = async (actor: Actor) =>
    (await getAreaView(actor, 'investment', PERIOD, options())).indicators.find((v) => v.code === CODE);

  beforeAll(async () => {
    await seedCatalogue(ctx.handle);
    actors = {
      official: await actorFor(ctx.db, 'scope-official', 'official', 'fgw'),
      reviewer: await actorFor(ctx.db, 'scope-reviewer', 'reviewer', 'fgw'),
      otherOfficial: await actorFor(ctx.db, 'scope-other', 'official', 'wlj'),
      otherReviewer: await actorFor(ctx.db, 'scope-other-rev', 'reviewer', 'wlj'),
      leader: await actorFor(ctx.db, 'scope-leader', 'leader'),
      auditor: await actorFor(ctx.db, 'scope-auditor', 'auditor'),
      admin: await actorFor(ctx.db, 'scope-admin', 'admin'),
    };
    const [ind] = await ctx.db.select().from(indicators).where(eq(indicators.code, CODE));
    if (!ind) throw new Error('seed missing');
    indicatorId = ind.id;
    await ctx.db.insert(targets).values({ indicatorId, year: 2026, value: '1100' });
    // The dashboards before the draft, as the owning department reads them (its computation is cached).
    overviewBefore = await overviewOf(actors.official);
    areaBefore = await areaRowOf(actors.official);
    await saveActual(
      actors.official,
      { indicatorCode: CODE, period: '2026-03', value: DRAFT_VALUE, version: null, action: 'draft' },
      { db: ctx.db, now: NOW },
    );
  });

  it("the indicator page shows the draft to its own department's official and reviewer only, whoever reads first", async () => {
    const read = (actor: Actor) => getIndicatorDetail(actor, CODE, PERIOD, options());
    const drafts = (detail: Awaited<ReturnType<typeof read>>) =>
      detail.figures.filter((f) => f.workflow === 'draft').length;
    // The owner first: its computation (with the draft) is cached, and must not be served to anyone else.
    expect(drafts(await read(actors.official))).toBe(1);
    for (const role of ['otherOfficial', 'otherReviewer', 'leader', 'auditor', 'admin'] as const) {
      const detail = await read(actors[role]);
      expect(drafts(detail), role).toBe(0);
      expect(JSON.stringify(detail).includes(DRAFT_VALUE), role).toBe(false);
    }
    expect(drafts(await read(actors.reviewer))).toBe(1);
    expect(drafts(await read(actors.official))).toBe(1);
  });

  it('the dashboards (overview counts, the area row) never count the draft, for any role', async () => {
    for (const role of ['official', 'reviewer', 'otherOfficial', 'leader', 'auditor'] as const) {
      expect(await overviewOf(actors[role]), role).toEqual(overviewBefore);
      expect(await areaRowOf(actors[role]), role).toEqual(areaBefore);
    }
  });

  it('the records export leaves the draft out for every role that may export', async () => {
    for (const role of ['leader', 'auditor'] as const) {
      const download = await exportRecords(actors[role], { format: 'csv', year: '2026' }, { db: ctx.db });
      const rows = await readCsv(await readWebStream(download.stream));
      await download.done;
      expect(rows.length, role).toBeGreaterThan(0);
      expect(JSON.stringify(rows).includes(DRAFT_VALUE), role).toBe(false);
    }
  });

  it("the period's figures and a figure's history show the draft to its own department only", async () => {
    const period = (actor: Actor) =>
      listPeriodActuals(ctx.db, { actor, indicatorIds: [indicatorId], year: 2026, month: 3 });
    expect(await period(actors.official)).toHaveLength(1);
    expect(await period(actors.reviewer)).toHaveLength(1);
    expect(await period(actors.otherOfficial)).toEqual([]);
    expect(await period(actors.leader)).toEqual([]);
    const events = (actor: Actor) => listFigureEvents(ctx.db, { actor, indicatorId });
    expect((await events(actors.official)).length).toBeGreaterThan(0);
    expect(await events(actors.otherOfficial)).toEqual([]);
    expect(await events(actors.leader)).toEqual([]);
  });

  it('once submitted, the figure shows everywhere (the checks above can see a figure)', async () => {
    const [saved] = await listPeriodActuals(ctx.db, {
      actor: actors.official,
      indicatorIds: [indicatorId],
      year: 2026,
      month: 3,
    });
    await saveActual(
      actors.official,
      { indicatorCode: CODE, period: '2026-03', value: DRAFT_VALUE, version: saved?.version ?? null, action: 'submit' },
      { db: ctx.db, now: NOW },
    );
    expect(await areaRowOf(actors.leader)).not.toEqual(areaBefore);
    const detail = await getIndicatorDetail(actors.otherOfficial, CODE, PERIOD, options());
    expect(detail.figures.filter((f) => f.workflow === 'submitted')).toHaveLength(1);
    expect(
      await listPeriodActuals(ctx.db, { actor: actors.leader, indicatorIds: [indicatorId], year: 2026, month: 3 }),
    ).toHaveLength(1);
  });

  it('the read model serves a value only to readers of the scope it was computed in', async () => {
    const model = await openReadModel(ctx.db, NOW);
    const own = scopeKey(actors.official, actors.official.departmentId ?? -1);
    expect(own).toBe(`drafts-of-${actors.official.departmentId}`);
    expect(scopeKey(actors.otherOfficial, actors.official.departmentId ?? -1)).toBe('all-submitted');
    expect(scopeKey(actors.leader)).toBe('all-submitted');
    await model.get('probe:1', own, async () => 'with drafts');
    expect(await model.get('probe:1', 'all-submitted', async () => 'without')).toBe('without');
    expect(await model.get('probe:1', own, async () => 'recomputed')).toBe('with drafts');
  });
});
