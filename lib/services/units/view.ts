/**
 * The unit views (/units, /units/[code]) and an indicator's by-unit table: each unit's indicators judged against
 * its own targets (lib/domain/snapshot.ts with the unit's target), status counts, completion and the ranking with
 * its formula (lib/domain/ranking.ts, summary.ts). Set-based: a fixed number of statements whatever the number of
 * units and indicators. Figures in the dashboards' scope (submitted and approved), as every dashboard.
 */
import { getIndicatorByCode, getIndicatorById } from '@/db/queries/actuals';
import {
  listTrackedIndicators,
  listUnitFigures,
  listUnitTargets,
  listUnits,
  type UnitFigureRow,
  type UnitRecord,
  type UnitTargetRow,
} from '@/db/queries/units';
import type { Actor } from '@/lib/domain/actor';
import { RANKING_FORMULA, rankDepartments } from '@/lib/domain/ranking';
import { ROLLUP_RULE_LABELS } from '@/lib/domain/rollup';
import { buildSnapshot, type SnapshotIndicator } from '@/lib/domain/snapshot';
import { countStatuses, summarizeProgress } from '@/lib/domain/summary';
import type { ProgressStatus } from '@/lib/domain/types';
import { countsInRollup, reportsOwnFigures, UNIT_KIND_LABELS } from '@/lib/domain/units';
import { AppError } from '@/lib/errors';
import { resolvePeriod, type PeriodQuery } from '../dashboards/dashboard';
import { authorize, type ServiceOptions } from '@/lib/services/options';
import { computeRollups } from './rollup';
import { listUnitsDue } from './overdue';
import { buildTrendRows } from '@/lib/domain/trend';
import { getReportingSettings, type ReportingSettings } from '../admin/settings';

type TrackedIndicator = Awaited<ReturnType<typeof listTrackedIndicators>>[number];

export interface UnitIndicatorCell {
  code: string;
  name: string;
  unit: string;
  kind: TrackedIndicator['kind'];
  value: string | null;
  month: number | null;
  target: string | null;
  targetQualifier: string | null;
  status: ProgressStatus;
  completion: number | null;
  expected: number | null;
  isSample: boolean;
  series: { month: number; value: number }[];
}

function index<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** One unit's indicator judged against the unit's own target. */
function judge(args: {
  indicator: TrackedIndicator;
  figures: readonly UnitFigureRow[];
  target: UnitTargetRow | undefined;
  period: { year: number; month: number };
  now: Date;
  settings: ReportingSettings;
}): UnitIndicatorCell {
  const { indicator, target } = args;
  const snapshot = buildSnapshot({
    indicator: indicator as SnapshotIndicator,
    period: args.period,
    figures: args.figures.map((f) => ({
      year: f.year,
      month: f.month,
      value: f.value,
      valueText: null,
      qualifier: 'exact',
      isSample: f.isSample,
      isDerived: false,
    })),
    target: target
      ? {
          value: target.value,
          qualifier: target.qualifier,
          phasing: 'none',
          baseline: null,
          phases: [],
          isSample: target.isSample,
        }
      : null,
    now: args.now,
    dueDay: args.settings.dueDay,
    tolerances: args.settings.tolerances,
  });
  return {
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    kind: indicator.kind,
    value: snapshot.figure?.value ?? null,
    month: snapshot.figure?.month ?? null,
    target: target?.value ?? null,
    targetQualifier: target?.qualifier ?? null,
    status: snapshot.status,
    completion: snapshot.completion,
    expected: snapshot.expected,
    isSample: args.figures.some((f) => f.isSample) || Boolean(target?.isSample),
    series: snapshot.series,
  };
}

/** Every active unit's tracked indicators at the period: five statements (period, settings, units, indicators, figures, targets). */
async function loadUnitGrid(
  actor: Actor,
  query: PeriodQuery,
  options: ServiceOptions,
  unitId?: number,
  units?: UnitRecord[],
) {
  const { db, now } = await authorize(actor, 'dashboard.view', options);
  const period = await resolvePeriod(db, actor, query, now);
  const [settings, allUnits, indicators, figures, targets] = await Promise.all([
    getReportingSettings(db),
    units ? Promise.resolve(units) : listUnits(db),
    listTrackedIndicators(db),
    listUnitFigures(db, { year: period.year, throughMonth: period.month, unitId }),
    listUnitTargets(db, { year: period.year, unitId }),
  ]);
  const reporting = allUnits.filter(
    (u) => u.isActive && reportsOwnFigures(u.kind) && (unitId === undefined || u.id === unitId),
  );
  const figuresOf = index(figures, (f) => `${f.unitId}:${f.indicatorId}`);
  const targetOf = new Map(targets.map((t) => [`${t.unitId}:${t.indicatorId}`, t]));
  const grid = reporting.map((unit) => ({
    unit,
    cells: indicators.map((indicator) =>
      judge({
        indicator,
        figures: figuresOf.get(`${unit.id}:${indicator.id}`) ?? [],
        target: targetOf.get(`${unit.id}:${indicator.id}`),
        period,
        now,
        settings,
      }),
    ),
  }));
  return { db, now, period, indicators, grid, allUnits, settings };
}

function rankGrid(grid: Awaited<ReturnType<typeof loadUnitGrid>>['grid']) {
  return rankDepartments(
    grid.flatMap(({ unit, cells }) =>
      cells.map((c) => ({ departmentId: unit.id, departmentName: unit.name, status: c.status })),
    ),
  );
}

function unitSummary(
  unit: UnitRecord,
  cells: UnitIndicatorCell[],
  rank: ReturnType<typeof rankGrid>[number] | undefined,
) {
  const progress = summarizeProgress(
    cells.map((c) => ({
      kind: c.kind,
      direction: 'up',
      completion: c.completion,
      expected: c.expected,
      target: c.target === null ? null : Number(c.target),
    })),
  );
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    kindLabel: UNIT_KIND_LABELS[unit.kind],
    countsInRollup: countsInRollup(unit.kind),
    counts: countStatuses(cells),
    completion: progress.completion,
    expected: progress.expected,
    onTrack: rank?.onTrack ?? 0,
    counted: rank?.counted ?? 0,
    share: rank?.share ?? null,
    rank: rank?.rank ?? null,
    isSample: cells.some((c) => c.isSample),
  };
}

/**
 * GET /api/units — every unit's status counts, completion against its own targets, and ranking; and, as of today, which
 * units have figures overdue (or due soon), so leaders can chase them.
 */
export async function getUnitsOverview(actor: Actor, query: PeriodQuery, options: ServiceOptions = {}) {
  const { db, now, period, indicators, grid, settings } = await loadUnitGrid(actor, query, options);
  const due = await listUnitsDue(db, {
    units: grid.map((g) => g.unit),
    indicators,
    now,
    dueDay: settings.dueDay,
  });
  const ranking = rankGrid(grid);
  const rankOf = new Map(ranking.map((r) => [r.departmentId, r]));
  const units = grid.map(({ unit, cells }) => unitSummary(unit, cells, rankOf.get(unit.id)));
  units.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return {
    period: { year: period.year, month: period.month },
    years: period.years,
    indicatorCount: indicators.length,
    rankingFormula: RANKING_FORMULA,
    isSample: units.some((u) => u.isSample),
    units,
    due,
  };
}

/** GET /api/units/[code] — one unit's tracked indicators against its own targets, with its rank among units. */
export async function getUnitView(actor: Actor, code: string, query: PeriodQuery, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'dashboard.view', options);
  const units = await listUnits(db);
  const unit = units.find((u) => u.code === code && reportsOwnFigures(u.kind));
  if (!unit) throw new AppError('not_found', `未找到县区「${code.slice(0, 40)}」`);
  // The rank needs every unit's standing: the whole grid, still set-based.
  const { period, grid } = await loadUnitGrid(actor, query, { ...options, db }, undefined, units);
  const ranking = rankGrid(grid);
  const own = grid.find((g) => g.unit.id === unit.id);
  const cells = own?.cells ?? [];
  return {
    period: { year: period.year, month: period.month },
    years: period.years,
    rankingFormula: RANKING_FORMULA,
    rankCount: ranking.filter((r) => r.share !== null).length,
    unit: unitSummary(
      unit,
      cells,
      ranking.find((r) => r.departmentId === unit.id),
    ),
    indicators: cells,
  };
}

/** GET /api/indicators/[code]/units — the by-unit table of one indicator and its roll-up to the city at the period. */
export async function getIndicatorUnits(actor: Actor, code: string, query: PeriodQuery, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'dashboard.view', options);
  const indicator = await getIndicatorByCode(db, code);
  if (!indicator) throw new AppError('not_found', '指标不存在');
  if (!indicator.trackedByUnit || !indicator.rollupRule) return { tracked: false as const, code: indicator.code };
  const period = await resolvePeriod(db, actor, query, now);
  const weight = indicator.rollupWeightIndicatorId;
  const [settings, units, figures, targets, weightRow] = await Promise.all([
    getReportingSettings(db),
    listUnits(db),
    listUnitFigures(db, { year: period.year, throughMonth: period.month, indicatorIds: [indicator.id] }),
    listUnitTargets(db, { year: period.year, indicatorIds: [indicator.id] }),
    weight ? getIndicatorById(db, weight).then((row) => row?.name ?? null) : Promise.resolve(null),
  ]);
  const rollups = await computeRollups(db, {
    indicators: [indicator],
    year: period.year,
    month: period.month,
    units,
    weightNames: weight && weightRow ? new Map([[weight, weightRow]]) : undefined,
  });
  const byUnit = index(figures, (f) => String(f.unitId));
  const targetOf = new Map(targets.map((t) => [t.unitId, t]));
  const rows = units
    .filter((u) => u.isActive && reportsOwnFigures(u.kind))
    .map((u) => {
      const own = byUnit.get(String(u.id)) ?? [];
      const current = own.find((f) => f.month === period.month);
      const target = targetOf.get(u.id);
      return {
        ...judge({
          indicator: indicator as TrackedIndicator,
          figures: own,
          target,
          period,
          now,
          settings,
        }),
        // The unit's small multiple: its figures against its own target and expected path (序时进度).
        trend: buildTrendRows({
          kind: indicator.kind,
          frequency: indicator.frequency,
          year: period.year,
          throughMonth: period.month,
          figures: own.map((f) => ({ year: f.year, month: f.month, value: f.value === null ? null : Number(f.value) })),
          target: target ? Number(target.value) : null,
        }),
        unitCode: u.code,
        unitName: u.name,
        kindLabel: UNIT_KIND_LABELS[u.kind],
        countsInRollup: countsInRollup(u.kind),
        workflow: current?.status ?? null,
      };
    });
  const rollup = rollups.get(indicator.id) ?? null;
  return {
    tracked: true as const,
    code: indicator.code,
    unit: indicator.unit,
    definition: indicator.definition,
    period: { year: period.year, month: period.month },
    rule: indicator.rollupRule,
    ruleLabel: ROLLUP_RULE_LABELS[indicator.rollupRule],
    weightName: weightRow,
    rollup,
    rows,
  };
}
