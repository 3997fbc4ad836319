/**
 * A five-year plan's page: for each plan indicator its path from the baseline (the approved December figure of
 * the year before the plan, read by indicator and year — for 十五五 the 十四五 review's 2025 figure) to the final
 * year, the years done, and whether the city is on track, with the growth still needed (需年均增长 X%).
 */
import { type Db } from '@/db/client';
import { listActualRows } from '@/db/queries/figures';
import { getPlanByCode, listPlanIndicators, listPlans } from '@/db/queries/plans';
import type { Actor } from '@/lib/domain/actor';
import { traitsOf } from '@/lib/domain/kind-traits';
import { planPath, planProgress } from '@/lib/domain/plan-path';
import { AppError } from '@/lib/errors';
import { authorize, type ServiceOptions } from '@/lib/services/options';
import { openReadModel } from '@/lib/services/dashboards/read-model';
import { DASHBOARD_SCOPE_KEY } from '@/db/queries/scope';

/** The plan the city works to now, and the one closed by the report's review. */
export const CURRENT_PLAN_CODE = 'fyp-15';
export const CLOSED_PLAN_CODE = 'fyp-14';

type Figure = Awaited<ReturnType<typeof listActualRows>>[number];

async function readPlan(db: Db, code: string) {
  const plan = await getPlanByCode(db, code);
  if (!plan) throw new AppError('not_found', `规划「${code}」不存在`);
  const rows = await listPlanIndicators(db, plan.id);
  const years = Array.from({ length: plan.lastYear - plan.firstYear + 2 }, (_, i) => plan.firstYear - 1 + i);
  const figures = rows.length
    ? await listActualRows(db, {
        scope: 'dashboard',
        years,
        indicatorIds: [...new Set(rows.flatMap((r) => [r.indicatorId, r.baselineIndicatorId]))],
      })
    : [];
  const baselineYear = plan.firstYear - 1;
  const items = rows.map((r) => {
    const own = figures.filter((f) => f.indicatorId === r.indicatorId && f.value !== null);
    const baseline: Figure | undefined = figures.find(
      (f) => f.indicatorId === r.baselineIndicatorId && f.year === baselineYear && f.month === 12 && f.value !== null,
    );
    const done = own.filter((f) => f.month === 12 && f.year >= plan.firstYear).at(-1);
    const latest = own.filter((f) => f.year >= plan.firstYear).at(-1);
    const path = planPath({
      firstYear: plan.firstYear,
      lastYear: plan.lastYear,
      kind: r.pathKind,
      baseline: baseline?.value ?? null,
      finalTarget: r.finalTarget,
      annualGrowth: r.annualGrowth,
      typed: r.typedValues ?? undefined,
    });
    const progress = planProgress({
      path,
      baselineYear,
      baseline: baseline?.value ?? null,
      direction: r.direction,
      latestYear: done?.value ? { year: done.year, value: done.value } : null,
      inYear:
        latest?.value && latest.month < 12
          ? {
              year: latest.year,
              month: latest.month,
              value: latest.value,
              cumulative: traitsOf(r.kind).cumulativeToDate,
            }
          : null,
    });
    return {
      code: r.code,
      name: r.name,
      unit: r.unit,
      direction: r.direction,
      departmentShortName: r.departmentShortName,
      pathKind: r.pathKind,
      finalTarget: r.finalTarget,
      annualGrowth: r.annualGrowth,
      typedValues: r.typedValues,
      /** The indicator whose figure is the baseline (this one unless the admin linked another). */
      baselineIndicator: { code: r.baselineCode, name: r.baselineName, isOwn: r.baselineCode === r.code },
      sourceText: r.sourceText,
      isSample: r.isSample,
      baseline: baseline ? { year: baselineYear, value: baseline.value, isSample: baseline.isSample } : null,
      path: path.ok ? path.points : [],
      actuals: own
        .filter((f) => f.year >= plan.firstYear && f.month === 12)
        .map((f) => ({ year: f.year, value: f.value })),
      latest: latest
        ? { year: latest.year, month: latest.month, value: latest.value, isSample: latest.isSample }
        : null,
      progress,
    };
  });
  const countOf = (s: string) => items.filter((i) => i.progress.status === s).length;
  return {
    plan: { code: plan.code, name: plan.name, firstYear: plan.firstYear, lastYear: plan.lastYear, note: plan.note },
    isClosed: plan.code === CLOSED_PLAN_CODE,
    items,
    counts: {
      onTrack: countOf('on_track'),
      behind: countOf('behind'),
      noData: countOf('no_data') + countOf('no_path'),
    },
  };
}

/**
 * The plan's view from the read model: computed once per data version (a plan's edit bumps it like any other
 * write), then one version probe per read. The figures are the dashboards' (approved), the same for every reader.
 */
async function readPlanOnce(db: Db, now: Date, code: string) {
  const model = await openReadModel(db, now);
  return model.get(`plan:${code}`, DASHBOARD_SCOPE_KEY, () => readPlan(db, code));
}

/** GET /plans/[code] — the plan with every indicator's path and progress. */
export async function getPlan(actor: Actor, code: string, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'dashboard.view', options);
  const [view, plans] = await Promise.all([readPlanOnce(db, now, code), listPlans(db)]);
  return { ...view, plans: plans.map((p) => ({ code: p.code, name: p.name })) };
}
export type PlanView = Awaited<ReturnType<typeof getPlan>>;

/** The overview's strip: the current plan's on-track and behind counts; null before plans are loaded. */
export async function getPlanStrip(actor: Actor, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'dashboard.view', options);
  const model = await openReadModel(db, now);
  return model.get(`plan-strip:${CURRENT_PLAN_CODE}`, DASHBOARD_SCOPE_KEY, () => planStrip(db, now));
}

async function planStrip(db: Db, now: Date) {
  if (!(await getPlanByCode(db, CURRENT_PLAN_CODE))) return null;
  const view = await readPlanOnce(db, now, CURRENT_PLAN_CODE);
  return {
    code: view.plan.code,
    name: view.plan.name,
    ...view.counts,
    total: view.items.length,
    isSample: view.items.some((i) => i.isSample),
  };
}
export type PlanStrip = Awaited<ReturnType<typeof getPlanStrip>>;
