/**
 * The dashboards answer from a fixed, small number of set-based queries whatever the number of indicators:
 * the same services over 10 and over 1,000 indicators issue exactly the same number of SQL statements.
 * After a write the first read recomputes the read model (the full count); the reads after it answer from memory —
 * until the next write, or the next Shanghai day. These databases are PGlite's, which keeps the data version in the
 * process between writes (db/queries/data-version.ts): no statement for it (PostgreSQL probes it, one statement).
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { insertInBatches, openCountingDb, smallAndLarge, type CountingDb } from './fixtures/query-counts';
import { appendAuditEvent } from '@/db/queries/audit-append';
import {
  actuals,
  departments,
  indicators,
  instructionAnswers,
  instructions,
  targetPhases,
  targets,
  users,
} from '@/db/schema';
import { seedWorkAreas } from '@/db/seed/report';
import type { Actor } from '@/lib/domain/actor';
import { INDICATOR_KINDS, WORK_AREAS } from '@/lib/domain/types';
import { getAreaView } from '@/lib/services/dashboards/area';
import { saveActual } from '@/lib/services/reporting/actual-entry';
import { getOverview, getOverviewRanking } from '@/lib/services/dashboards/dashboard';
import { getPlanStrip } from '@/lib/services/plans/plan';
import { getDepartmentView } from '@/lib/services/dashboards/department';
import { getIndicatorDetail } from '@/lib/services/dashboards/indicator';
import { getReview } from '@/lib/services/dashboards/review';
import { getScreen } from '@/lib/services/dashboards/screen';

const NOW = new Date('2026-04-10T04:00:00Z');
const PERIOD = { year: 2026, month: 3 };
// Kinds with figures (a statement in words has none to count).
const KINDS = INDICATOR_KINDS.filter((k) => k !== 'qualitative');

interface Counted extends CountingDb {
  actor: Actor;
  official: Actor;
  /** A write: one audit event, as every change appends in its transaction. */
  touch(): Promise<void>;
}

/** A database with `n` indicators spread over the seven areas and 12 departments, targets and three months of figures. */
async function seeded(n: number): Promise<Counted> {
  const counting = await openCountingDb();
  const { db } = counting;
  await seedWorkAreas(db);
  const depts = await db
    .insert(departments)
    .values(
      Array.from({ length: 12 }, (_, i) => ({
        code: `d${i + 1}`,
        name: `测试单位${i + 1}`,
        shortName: `单位${i + 1}`,
      })),
    )
    .returning({ id: departments.id });
  const [leader, official] = await db
    .insert(users)
    .values(
      [
        { username: 'q-leader', displayName: '测试领导', role: 'leader' as const },
        { username: 'q-official', displayName: '测试填报员', role: 'official' as const, departmentId: depts[0]!.id },
      ].map((user) => ({ ...user, passwordHash: 'x', mustChangePassword: false })),
    )
    .returning({ id: users.id });

  const indicatorRows = Array.from({ length: n }, (_, i) => ({
    code: `GEN-${String(i + 1).padStart(4, '0')}`,
    name: `测试指标${i + 1}`,
    unit: '亿元',
    kind: KINDS[i % KINDS.length]!,
    direction: i % 5 === 0 ? ('down' as const) : ('up' as const),
    frequency: 'monthly' as const,
    areaId: WORK_AREAS[i % WORK_AREAS.length]!.id,
    departmentId: depts[i % depts.length]!.id,
    headlineOrder: i < 6 ? i + 1 : null,
    section: i % 50 === 49 ? ('review' as const) : ('area' as const),
    reviewGroup: i % 50 === 49 ? '综合实力' : null,
    milestoneTotal: KINDS[i % KINDS.length] === 'milestone' ? '12' : null,
    sortOrder: i + 1,
  }));
  const ids: number[] = [];
  await insertInBatches(indicatorRows, async (batch) => {
    const rows = await db.insert(indicators).values(batch).returning({ id: indicators.id });
    ids.push(...rows.map((r) => r.id));
  });

  const targetIds: number[] = [];
  await insertInBatches(ids, async (batch) => {
    const rows = await db
      .insert(targets)
      .values(
        batch.map((indicatorId, i) => ({
          indicatorId,
          year: 2026,
          value: '1200',
          phasing: i % 3 === 0 ? ('quarterly' as const) : ('none' as const),
        })),
      )
      .returning({ id: targets.id, phasing: targets.phasing });
    targetIds.push(...rows.filter((r) => r.phasing === 'quarterly').map((r) => r.id));
  });
  await insertInBatches(
    targetIds.flatMap((targetId) => [3, 6, 9, 12].map((month) => ({ targetId, month, value: String(month * 100) }))),
    (batch) => db.insert(targetPhases).values(batch),
  );
  // Three months of 2026 (one indicator in seven missing March, so some are overdue) and March 2025 for YoY.
  const figures = ids.flatMap((indicatorId, i) => [
    ...[1, 2, 3]
      .filter((month) => month < 3 || i % 7 !== 3)
      .map((month) => ({
        indicatorId,
        year: 2026,
        month,
        value: String(month * (80 + (i % 40))),
        status: 'approved' as const,
      })),
    { indicatorId, year: 2025, month: 3, value: '250', status: 'approved' as const },
  ]);
  await insertInBatches(figures, (batch) => db.insert(actuals).values(batch));

  // History and 批示 on the first indicator, so the detail page reads all of its kinds of record.
  const actor: Actor = { id: leader!.id, username: 'q-leader', role: 'leader', departmentId: null };
  await db.transaction((tx) =>
    appendAuditEvent(tx, {
      actor,
      action: 'actual.approve',
      entityType: 'actual',
      entityId: 1,
      indicatorId: ids[0],
      before: { value: '80' },
      after: { value: '80' },
    }),
  );
  const [instruction] = await db
    .insert(instructions)
    .values({ indicatorId: ids[0]!, authorId: leader!.id, body: '请加快进度' })
    .returning();
  await db
    .insert(instructionAnswers)
    .values({ instructionId: instruction!.id, authorId: official!.id, body: '已部署' });

  return {
    ...counting,
    actor,
    official: { id: official!.id, username: 'q-official', role: 'official', departmentId: depts[0]!.id },
    async touch() {
      await db.transaction((tx) =>
        appendAuditEvent(tx, { actor, action: 'settings.update', entityType: 'settings', before: null, after: null }),
      );
    },
  };
}

describe('dashboard reads issue the same, small number of queries at 10 and at 1,000 indicators', () => {
  const dbs = smallAndLarge(seeded, [10, 1_000], 240_000);

  /** [read, queries after a write, queries of the next read] */
  const reads: [string, number, number, (ctx: Counted, db: Db) => Promise<unknown>][] = [
    ['overview (GET /api/overview)', 6, 0, (c, db) => getOverview(c.actor, PERIOD, { db, now: NOW })],
    [
      'overview ranking (GET /api/overview/ranking)',
      6,
      0,
      (c, db) => getOverviewRanking(c.actor, PERIOD, { db, now: NOW }),
    ],
    [
      'work area (GET /api/areas/[slug])',
      6,
      0,
      (c, db) => getAreaView(c.actor, 'investment', PERIOD, { db, now: NOW }),
    ],
    // One more each way: the figures' 佐证材料, read live for the reader (their visibility is per department, not per read-model scope).
    [
      'indicator (GET /api/indicators/[code])',
      14,
      1,
      (c, db) => getIndicatorDetail(c.actor, 'GEN-0001', PERIOD, { db, now: NOW }),
    ],
    ['cockpit (GET /api/screen)', 6, 0, (c, db) => getScreen(c.actor, { db, now: NOW })],
    [
      'department (GET /api/departments/[code])',
      7,
      1,
      (c, db) => getDepartmentView(c.actor, 'd1', PERIOD, { db, now: NOW }),
    ],
    ['five-year review (GET /api/review)', 2, 2, (c, db) => getReview(c.actor, { db, now: NOW })],
    // This city has no plan: the strip is null, kept like any answer (plans.test.ts reads one with a plan).
    ["the overview's plan strip (十五五)", 2, 0, (c, db) => getPlanStrip(c.actor, { db, now: NOW })],
  ];

  for (const [name, cold, warm, read] of reads) {
    it(`${name}: ${cold} queries after a write, ${warm} on the next read, either way`, async () => {
      const counts = async (c: Counted) => {
        await c.touch();
        return [await c.count((db) => read(c, db)), await c.count((db) => read(c, db))];
      };
      expect({ atTen: await counts(dbs.small), atThousand: await counts(dbs.large) }).toEqual({
        atTen: [cold, warm],
        atThousand: [cold, warm],
      });
    });
  }

  it('readers arriving together share one computation', async () => {
    await dbs.large.touch();
    const queries = await dbs.large.count((db) =>
      Promise.all([1, 2, 3].map(() => getOverview(dbs.large.actor, PERIOD, { db, now: NOW }))),
    );
    expect(queries).toBe(6 + 2);
  });

  it('a figure submitted through the write path shows on the next read; a new Shanghai day re-judges what is overdue', async () => {
    const before = await getOverview(dbs.large.actor, PERIOD, { db: dbs.large.handle.db, now: NOW });
    // GEN-0025 (department d1) has no March figure: overdue on 10 April (due 5 April).
    await saveActual(
      dbs.large.official,
      { indicatorCode: 'GEN-0025', period: '2026-03', value: '1000', version: null, action: 'submit' },
      { db: dbs.large.handle.db, now: NOW },
    );
    const after = await getOverview(dbs.large.actor, PERIOD, { db: dbs.large.handle.db, now: NOW });
    expect(after.counts.overdue).toBe(before.counts.overdue - 1);
    const area = await getAreaView(dbs.large.actor, WORK_AREAS[24 % WORK_AREAS.length]!.slug, PERIOD, {
      db: dbs.large.handle.db,
      now: NOW,
    });
    expect(area.indicators.find((v) => v.code === 'GEN-0025')?.figure?.value).toBe('1000.000000');

    // Before the deadline of 5 April ended (Shanghai midnight) nothing was overdue yet; same data, new day.
    const lastDay = new Date('2026-04-05T15:59:59Z');
    const onTime = await getOverview(dbs.large.actor, PERIOD, { db: dbs.large.handle.db, now: lastDay });
    expect(onTime.counts.overdue).toBe(0);
    const nextDay = await getOverview(dbs.large.actor, PERIOD, {
      db: dbs.large.handle.db,
      now: new Date('2026-04-05T16:00:00Z'),
    });
    expect(nextDay.counts.overdue).toBe(after.counts.overdue);
  });

  it("an indicator's page shows a draft to its own department only, whichever reads first", async () => {
    // GEN-0109 belongs to d1, the official's department, and has no March figure yet.
    const read = (actor: Actor) => getIndicatorDetail(actor, 'GEN-0109', PERIOD, { db: dbs.large.handle.db, now: NOW });
    await read(dbs.large.actor);
    await saveActual(
      dbs.large.official,
      { indicatorCode: 'GEN-0109', period: '2026-03', value: '5000', version: null, action: 'draft' },
      { db: dbs.large.handle.db, now: NOW },
    );
    const drafts = (detail: Awaited<ReturnType<typeof read>>) =>
      detail.figures.filter((f) => f.workflow === 'draft').length;
    const leaderFirst = await read(dbs.large.actor);
    const own = await read(dbs.large.official);
    expect(drafts(leaderFirst)).toBe(0);
    expect(drafts(own)).toBe(1);
    expect(drafts(await read(dbs.large.official))).toBe(1);
    expect(drafts(await read(dbs.large.actor))).toBe(0);
    expect(own.permissions).toEqual({ canInstruct: false, canAnswer: true });
    expect(leaderFirst.permissions.canAnswer).toBe(false);
  });

  it('the reads return what was seeded (the counts are of real work, not of empty answers)', async () => {
    const overview = await getOverview(dbs.large.actor, PERIOD, { db: dbs.large.handle.db, now: NOW });
    const total = Object.values(overview.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(980); // 1,000 less the 20 review indicators
    expect(overview.counts.overdue).toBeGreaterThan(0);
    expect(overview.headline).toHaveLength(6);
    expect(overview.areas).toHaveLength(7);
    // Twelve departments: too few to fold (lib/domain/ranking.ts), so the overview lists every one, as its
    // unfolding read does.
    const { head, folded, tail, unranked } = overview.ranking;
    expect([head.length + tail.length + unranked.length, folded]).toEqual([12, 0]);
    const whole = await getOverviewRanking(dbs.large.actor, PERIOD, { db: dbs.large.handle.db, now: NOW });
    expect(whole.period).toEqual(overview.period);
    expect(whole.rows).toEqual([...head, ...tail, ...unranked]);
    const area = await getAreaView(dbs.large.actor, 'investment', PERIOD, { db: dbs.large.handle.db, now: NOW });
    expect(area.indicators.length).toBeGreaterThan(100);
    const detail = await getIndicatorDetail(dbs.large.actor, 'GEN-0001', PERIOD, { db: dbs.large.handle.db, now: NOW });
    expect(detail.figures).toHaveLength(4);
    expect(detail.instructions[0]?.answers).toHaveLength(1);
    expect(detail.trend).toHaveLength(12);
    const department = await getDepartmentView(dbs.large.actor, 'd1', PERIOD, { db: dbs.large.handle.db, now: NOW });
    expect(department.indicators.every((v) => v.departmentCode === 'd1')).toBe(true);
    expect(department.rank?.rank).toBeLessThanOrEqual(department.rankCount);
    expect(department.rankCount).toBe(whole.rows.filter((r) => r.share !== null).length);
  });
});
