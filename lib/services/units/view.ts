/**
 * The unit views (/units, /units/[code]) and an indicator's by-unit table: each unit's indicators judged against
 * its own targets (./grid.ts), status counts, completion and the ranking with its formula. Set-based: a fixed number
 * of statements whatever the number of units and indicators. Figures in the dashboards' scope (submitted and
 * approved), as every dashboard.
 */
import { getIndicatorByCode, getIndicatorById } from '@/db/queries/actuals';
import { listUnitFigures, listUnitTargets, listUnits } from '@/db/queries/units';
import type { Actor } from '@/lib/domain/actor';
import { RANKING_FORMULA } from '@/lib/domain/ranking';
import { ROLLUP_RULE_LABELS } from '@/lib/domain/rollup';
import { countsInRollup, reportsOwnFigures, UNIT_KIND_LABELS } from '@/lib/domain/units';
import { AppError } from '@/lib/errors';
import { resolvePeriod, type PeriodQuery } from '../dashboards/dashboard';
import { authorize, type ServiceOptions } from '@/lib/services/options';
import { computeRollups } from './rollup';
import { listUnitsDue } from './overdue';
import { buildTrendRows } from '@/lib/domain/trend';
import { getReportingSettings } from '../admin/settings';
import { index, judge, loadUnitGrid, rankGrid, unitSummary, type TrackedIndicator } from './grid';

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
