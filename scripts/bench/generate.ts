/**
 * The benchmark city, on a database that already holds the report (prepareDatabase): 60 departments, 2,000
 * indicators across the seven areas (500 of them the bulk-import fixture's, whose last year arrives by import),
 * 10 years of yearly targets with monthly phases and of monthly figures, and a 1,000,000-event audit chain.
 * Deterministic (one seeded PRNG); `scale` shrinks indicators, years and events for a quick run.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { queryRows, sql, type Db } from '@/db/client';
import { departments, indicators } from '@/db/schema';
import { currentPeriod, previousPeriod, type Period } from '@/lib/domain/period';
import { WORK_AREAS } from '@/lib/domain/types';
import { BULK_MONTHS, createBulkIndicators } from '@/scripts/lib/bulk-import-fixture';
import { appendAuditHistory, planTimeline, type AuditWindow, type GeneratedFigure } from './generate-audit';
import { addDepartments, addHistoryUsers, bulkPlans, insertIndicators } from './generate-catalog';
import { fixed, planFigures, planIndicator, planYear } from './generate-plan';
import { createRandom } from '@/lib/domain/random';

export const CITY_SEED = 20_260_101;
export const IMPORT_DEPARTMENT = 'fgw';
const FULL = { indicators: 2000, years: 10, auditEvents: 1_000_000 };
const BATCH = 5000;

export interface City {
  /** The latest period with figures: the dashboards' default. */
  period: Period;
  years: number[];
  /** The year of the bulk-import fixture's figures (its indicators have none for it yet). */
  importYear: number;
  departments: number;
  indicators: number;
  targets: number;
  phases: number;
  figures: number;
  auditEvents: number;
  seconds: number;
}

async function insertJson(db: Db, rows: unknown[], statement: (json: string) => ReturnType<typeof sql>) {
  return queryRows<Record<string, unknown>>(db, statement(JSON.stringify(rows)));
}

export async function generateCity(
  db: Db,
  options: { scale: number; now: Date; log: (line: string) => void },
): Promise<City> {
  const started = performance.now();
  const { scale, now, log } = options;
  const random = createRandom(CITY_SEED);
  const period = previousPeriod(currentPeriod(now));
  const yearCount = Math.max(2, Math.round(FULL.years * scale));
  const years = Array.from({ length: yearCount }, (_, i) => period.year - yearCount + 1 + i);
  const importYear = period.month >= BULK_MONTHS ? period.year : period.year - 1;
  const window: AuditWindow = { start: now.getTime() - 360 * 86_400_000, end: now.getTime() - 10 * 60_000 };

  const depts = await addDepartments(db);
  const deptIds = depts.map((d) => d.id);
  const people = await addHistoryUsers(db, depts);
  await createBulkIndicators(db, IMPORT_DEPARTMENT);
  const importDeptIndex = depts.findIndex((d) => d.code === IMPORT_DEPARTMENT);
  const bulk = await bulkPlans(db, importDeptIndex);
  const [{ n: existing } = { n: 0 }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from indicators`,
  );
  const generatedCount = Math.max(7 * 10, Math.round(FULL.indicators * scale) - existing);
  const plans = Array.from({ length: generatedCount }, (_, i) => planIndicator(random, i, depts.length));
  const ids = await insertIndicators(db, plans, deptIds);
  const all = [...bulk, ...plans.map((plan, i) => ({ id: ids[i] ?? 0, plan }))];
  log(
    `  departments ${depts.length}, indicators ${existing + generatedCount} (${generatedCount} generated, ${bulk.length} bulk-import fixture)`,
  );

  // Targets (one per indicator and year) with their monthly phases, then the figures.
  const targetRows: Record<string, unknown>[] = [];
  const yearPlans = new Map<string, ReturnType<typeof planYear>>();
  for (const { id, plan } of all) {
    years.forEach((year, yi) => {
      const yp = planYear(plan, yi, random);
      yearPlans.set(`${id}:${year}`, yp);
      targetRows.push({
        indicator_id: id,
        year,
        value: fixed(yp.target, plan.decimals),
        phasing: yp.phases.length ? 'monthly' : 'none',
        baseline: yp.baseline === null ? null : fixed(yp.baseline, plan.decimals),
      });
    });
  }
  let phaseCount = 0;
  for (let i = 0; i < targetRows.length; i += BATCH) {
    const inserted = await insertJson(
      db,
      targetRows.slice(i, i + BATCH),
      (json) => sql`
      insert into targets (indicator_id, year, value, phasing, baseline)
      select indicator_id, year, value, phasing, baseline
      from json_to_recordset(${json}::json) as r(indicator_id int, year int2, value numeric, phasing phasing, baseline numeric)
      returning id, indicator_id, year`,
    );
    const phases = inserted.flatMap((t) =>
      (yearPlans.get(`${String(t.indicator_id)}:${String(t.year)}`)?.phases ?? []).map((p) => ({
        target_id: t.id,
        month: p.month,
        value: p.value,
      })),
    );
    for (let j = 0; j < phases.length; j += BATCH * 2) {
      await insertJson(
        db,
        phases.slice(j, j + BATCH * 2),
        (json) => sql`
        insert into target_phases (target_id, month, value)
        select target_id, month, value from json_to_recordset(${json}::json) as r(target_id int, month int2, value numeric)`,
      );
    }
    phaseCount += phases.length;
  }
  log(
    `  targets ${targetRows.length}, monthly phases ${phaseCount} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );

  const figures: GeneratedFigure[] = [];
  const pending: { row: Record<string, unknown>; figure: Omit<GeneratedFigure, 'id'> }[] = [];
  const flush = async () => {
    const inserted = await insertJson(
      db,
      pending.map((p) => p.row),
      (json) => sql`
      insert into actuals (indicator_id, year, month, value, status, version, entered_by, entered_at, submitted_by,
        submitted_at, approved_by, approved_at)
      select indicator_id, year, month, value, status, version, entered_by, entered_at, submitted_by, submitted_at,
        approved_by, approved_at
      from json_to_recordset(${json}::json) as r(indicator_id int, year int2, month int2, value numeric,
        status actual_status, version int, entered_by int, entered_at timestamptz, submitted_by int,
        submitted_at timestamptz, approved_by int, approved_at timestamptz)
      returning id, indicator_id, year, month`,
    );
    const idOf = new Map(
      inserted.map((r) => [`${String(r.indicator_id)}:${String(r.year)}:${String(r.month)}`, Number(r.id)]),
    );
    for (const { figure } of pending)
      figures.push({ ...figure, id: idOf.get(`${figure.indicatorId}:${figure.year}:${figure.month}`) ?? 0 });
    pending.length = 0;
  };
  const bulkIds = new Set(bulk.map((b) => b.id));
  for (const { id, plan } of all) {
    const owner = people.get(deptIds[plan.departmentIndex] ?? 0);
    if (!owner) throw new Error(`no history users for ${plan.code}`);
    for (const year of years) {
      if (bulkIds.has(id) && year >= importYear) continue;
      const yp = yearPlans.get(`${id}:${year}`);
      if (!yp) continue;
      const through = year === period.year ? period.month : 12;
      const values = planFigures(plan, yp, through, random);
      for (let month = 1; month <= through; month += 1) {
        const isLatest = year === period.year && month === period.month;
        const draw = random();
        // The latest period is still in its cycle: some figures not in yet, some awaiting review.
        if (isLatest && draw < 0.15) continue;
        const approved = !isLatest || draw >= 0.5;
        const timeline = planTimeline(year, month, approved, window, random);
        const value = values[month - 1] ?? '0';
        const k = timeline.drafts.length;
        const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
        pending.push({
          row: {
            indicator_id: id,
            year,
            month,
            value,
            status: approved ? 'approved' : 'submitted',
            version: approved ? k + 2 : k + 1,
            entered_by: owner.official.id,
            entered_at: iso(timeline.drafts.at(-1) ?? timeline.submit),
            submitted_by: owner.official.id,
            submitted_at: iso(timeline.submit),
            approved_by: approved ? owner.reviewer.id : null,
            approved_at: iso(timeline.approve),
          },
          figure: {
            ...timeline,
            indicatorId: id,
            year,
            month,
            value,
            official: owner.official,
            reviewer: owner.reviewer,
          },
        });
        if (pending.length === BATCH) await flush();
      }
    }
  }
  if (pending.length) await flush();
  log(`  figures ${figures.length} (${((performance.now() - started) / 1000).toFixed(0)} s)`);

  const historyUsers = [...people.values()].flatMap((p) => [p.official, p.reviewer]);
  const auditEvents = await appendAuditHistory(db, {
    figures,
    users: historyUsers,
    total: Math.round(FULL.auditEvents * scale),
    window,
    random,
  });
  log(`  audit events ${auditEvents} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  // A freshly loaded database gets its statistics now, as autovacuum would give them a live one.
  await db.execute(sql`analyze`);
  return {
    period,
    years,
    importYear,
    departments: depts.length,
    indicators: existing + generatedCount,
    targets: targetRows.length,
    phases: phaseCount,
    figures: figures.length,
    auditEvents,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Indicator codes of these departments with no figure yet in `period`: where the submit benchmark writes. */
export async function listOpenSlots(db: Db, departmentCodes: string[], period: Period): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ code: indicators.code, departmentCode: departments.code })
    .from(indicators)
    .innerJoin(departments, eq(departments.id, indicators.departmentId))
    .where(
      sql`${inArray(departments.code, departmentCodes)} and ${indicators.frequency} = 'monthly' and ${indicators.isRetired} = false
        and ${indicators.code} not like 'BULK-%'
        and not exists (select 1 from actuals a where a.indicator_id = ${indicators.id} and a.year = ${period.year} and a.month = ${period.month})`,
    )
    .orderBy(asc(indicators.code));
  const slots = new Map<string, string[]>(departmentCodes.map((c) => [c, []]));
  for (const r of rows) slots.get(r.departmentCode)?.push(r.code);
  return slots;
}

/** The area of median size (by indicators) and a generated indicator with the full history: what the API benchmark reads. */
export async function pickSubjects(
  db: Db,
): Promise<{ areaSlug: string; indicatorCode: string; recordsAreaId: number }> {
  const sizes = await queryRows<{ area_id: number; n: number }>(
    db,
    sql`select area_id, count(*)::int as n from indicators where area_id is not null group by area_id order by n, area_id`,
  );
  const median = sizes[Math.floor(sizes.length / 2)];
  const largest = sizes.at(-1);
  const [indicator] = await queryRows<{ code: string }>(
    db,
    sql`select i.code from indicators i where i.code like 'G%' and i.kind = 'cumulative'
        order by (select count(*) from actuals a where a.indicator_id = i.id) desc, i.code limit 1`,
  );
  return {
    areaSlug: WORK_AREAS.find((a) => a.id === median?.area_id)?.slug ?? 'innovation',
    indicatorCode: indicator?.code ?? 'G1-0001',
    recordsAreaId: largest?.area_id ?? 1,
  };
}
