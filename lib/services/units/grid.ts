/**
 * The units' grid the unit views read: every active unit's tracked indicators at a period, each judged against the
 * unit's own target (lib/domain/snapshot.ts), and each unit's summary and rank (lib/domain/ranking.ts, summary.ts).
 * A fixed number of statements whatever the number of units and indicators.
 */
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
import { rankDepartments } from '@/lib/domain/ranking';
import { buildSnapshot, type SnapshotIndicator } from '@/lib/domain/snapshot';
import { countStatuses, summarizeProgress } from '@/lib/domain/summary';
import type { ProgressStatus } from '@/lib/domain/types';
import { countsInRollup, reportsOwnFigures, UNIT_KIND_LABELS } from '@/lib/domain/units';
import { resolvePeriod, type PeriodQuery } from '../dashboards/dashboard';
import { authorize, type ServiceOptions } from '@/lib/services/options';
import { getReportingSettings, type ReportingSettings } from '../admin/settings';

export type TrackedIndicator = Awaited<ReturnType<typeof listTrackedIndicators>>[number];

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

export function index<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
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
export function judge(args: {
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
export async function loadUnitGrid(
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

export function rankGrid(grid: Awaited<ReturnType<typeof loadUnitGrid>>['grid']) {
  return rankDepartments(
    grid.flatMap(({ unit, cells }) =>
      cells.map((c) => ({ departmentId: unit.id, departmentName: unit.name, status: c.status })),
    ),
  );
}

export function unitSummary(
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
