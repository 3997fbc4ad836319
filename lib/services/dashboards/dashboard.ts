/**
 * Dashboard reads: the period in view, every indicator's snapshot, the work areas and the ranking.
 * A fixed number of set-based queries whatever the number of indicators; the math is lib/domain's.
 */
import { type Db } from '@/db/client';
import {
  listFigureYears,
  listIndicatorRows,
  listSnapshotFigures,
  listTargetRows,
  type IndicatorRow,
} from '@/db/queries/figures';
import { DASHBOARD_SCOPE_KEY } from '@/db/queries/scope';
import type { Actor } from '@/lib/domain/actor';
import { currentPeriod, type Period } from '@/lib/domain/period';
import { foldRankRows, OVERVIEW_RANKING_KEEP, RANKING_FORMULA, rankDepartments } from '@/lib/domain/ranking';
import { buildSnapshot, type IndicatorSnapshot, type SnapshotFigure } from '@/lib/domain/snapshot';
import { countStatuses, isJudged, progressShares, statusLabel, summarizeProgress, worstOf } from '@/lib/domain/summary';
import { decimalToNumber } from '@/lib/domain/decimal';
import { WORK_AREAS } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';
import { openReadModel, periodKey, type ReadModel } from './read-model';
import { getReportingSettings } from '../admin/settings';
import { authorize, type ServiceOptions } from '../options';

export { countStatuses, worstOf };

export interface PeriodQuery {
  year?: number;
  month?: number;
}

export interface ResolvedPeriod extends Period {
  /** Years holding figures, newest first, with their latest month. */
  years: { year: number; lastMonth: number }[];
}

export type IndicatorView = Omit<IndicatorRow, 'minValue' | 'maxValue' | 'sortOrder' | 'version' | 'isRetired'> &
  IndicatorSnapshot;

/**
 * The period a dashboard shows: as asked, else the latest year with figures and its latest month. Pass the
 * request's read model when it has one (one version probe per request).
 */
export async function resolvePeriod(
  db: Db,
  actor: Actor,
  query: PeriodQuery,
  now: Date,
  model?: ReadModel,
): Promise<ResolvedPeriod> {
  const readModel = model ?? (await openReadModel(db, now));
  const years = await readModel.get('years', DASHBOARD_SCOPE_KEY, () => listFigureYears(db));
  const year = query.year ?? years[0]?.year ?? currentPeriod(now).year;
  const month = query.month ?? years.find((y) => y.year === year)?.lastMonth ?? 12;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppError('invalid_input', '「年份」应为 2000 到 2100 之间的整数', { year: ['年份无效'] });
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new AppError('invalid_input', '「月份」应为 1 到 12 之间的整数', { month: ['月份无效'] });
  }
  return { year, month, years };
}

/** Every (not retired) indicator's snapshot at the period, from four queries. */
async function computeIndicatorViews(db: Db, period: Period, now: Date): Promise<readonly IndicatorView[]> {
  const [rows, settings, figuresByIndicator, targets] = await Promise.all([
    listIndicatorRows(db, {}),
    getReportingSettings(db),
    listSnapshotFigures(db, { year: period.year, throughMonth: period.month }),
    listTargetRows(db, { year: period.year }),
  ]);
  const targetByIndicator = new Map(targets.map((t) => [t.indicatorId, t]));
  const views = rows.map((row) => {
    const { minValue: _min, maxValue: _max, sortOrder: _s, version: _v, isRetired: _r, ...rest } = row;
    const snapshot = buildSnapshot({
      indicator: row,
      period,
      figures: figuresByIndicator.get(row.id) ?? [],
      target: targetByIndicator.get(row.id) ?? null,
      now,
      dueDay: settings.dueDay,
      tolerances: settings.tolerances,
    });
    return { ...rest, ...snapshot };
  });
  // Shared by every reader of the read model: nobody may sort or change it in place.
  return Object.freeze(views);
}

/**
 * Every indicator's snapshot at the period (from the read model: computed for the whole city once per data
 * version), narrowed to an area, a department or some indicators.
 */
export async function loadIndicatorViews(
  db: Db,
  actor: Actor,
  period: Period,
  now: Date,
  filter: { areaId?: number; departmentId?: number; indicatorIds?: number[] } = {},
  model?: ReadModel,
): Promise<readonly IndicatorView[]> {
  const readModel = model ?? (await openReadModel(db, now));
  const all = await readModel.get(periodKey('views', period), DASHBOARD_SCOPE_KEY, () =>
    computeIndicatorViews(db, period, now),
  );
  const ids = filter.indicatorIds ? new Set(filter.indicatorIds) : null;
  if (filter.areaId === undefined && filter.departmentId === undefined && !ids) return all;
  return all.filter(
    (v) =>
      (filter.areaId === undefined || v.areaId === filter.areaId) &&
      (filter.departmentId === undefined || v.departmentId === filter.departmentId) &&
      (!ids || ids.has(v.id)),
  );
}

/** A figure as the client sees it: plain JSON, no internal columns. */
export interface FigureView {
  year: number;
  month: number;
  value: string | null;
  valueText: string | null;
  qualifier: SnapshotFigure['qualifier'];
  isSample: boolean;
  isDerived: boolean;
  derivedNote: string | null;
}

function toFigureView(f: (SnapshotFigure & { derivedNote?: string | null }) | null): FigureView | null {
  if (!f) return null;
  const { year, month, value, valueText, qualifier, isSample, isDerived } = f;
  return { year, month, value, valueText, qualifier, isSample, isDerived, derivedNote: f.derivedNote ?? null };
}

/** One indicator at the period, as every dashboard shows it. */
export function toKpiView(v: IndicatorView) {
  const target = decimalToNumber(v.target?.value ?? null);
  return {
    id: v.id,
    code: v.code,
    name: v.name,
    unit: v.unit,
    kind: v.kind,
    direction: v.direction,
    frequency: v.frequency,
    definition: v.definition,
    section: v.section,
    areaId: v.areaId,
    areaSlug: v.areaSlug,
    departmentId: v.departmentId,
    departmentCode: v.departmentCode,
    departmentName: v.departmentName,
    departmentShortName: v.departmentShortName,
    headlineOrder: v.headlineOrder,
    sourceText: v.sourceText,
    figure: toFigureView(v.figure),
    prior: toFigureView(v.prior),
    target: v.target ? { value: v.target.value, qualifier: v.target.qualifier, isSample: v.target.isSample } : null,
    asOfMonth: v.asOfMonth,
    expected: v.expected,
    completion: v.completion,
    shares: progressShares({
      kind: v.kind,
      actual: decimalToNumber(v.figure?.value ?? null),
      expected: v.expected,
      target,
    }),
    status: v.status,
    statusLabel: statusLabel({
      status: v.status,
      hasFigure: v.figure !== null,
      hasTarget: v.target !== null,
      kind: v.kind,
    }),
    gapPoints: v.gapPoints,
    yoy: v.yoy,
    forecast: v.forecast,
    series: v.series,
    isSample: v.isSample,
  };
}

export type KpiView = ReturnType<typeof toKpiView>;

/** The named fields of a view, typed: what a card or tile sends to the browser and nothing more. */
function pick<T, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = value[key];
  return picked;
}

const FEATURED_FIELDS = ['code', 'name', 'unit', 'status', 'statusLabel', 'departmentShortName', 'isSample'] as const;
/** The card's line shows the value with its qualifier and the 推算 marker, not the figure's month. */
const FEATURED_FIGURE_FIELDS = ['value', 'valueText', 'qualifier', 'isDerived', 'derivedNote'] as const;
const HEADLINE_FIELDS = [
  ...(['code', 'name', 'unit', 'kind', 'figure', 'prior', 'target', 'expected', 'gapPoints', 'yoy', 'series'] as const),
  ...(['status', 'statusLabel', 'isSample'] as const),
];

/** An indicator as an area card names it: only what the card's line shows (the card links to the rest). */
export function toFeaturedKpi(v: KpiView) {
  const figure = v.figure && pick(v.figure, FEATURED_FIGURE_FIELDS);
  return { ...pick(v, FEATURED_FIELDS), figure };
}

/** A headline tile's indicator: what the tile shows, without the definition and the report's sentence. */
export function toHeadlineKpi(v: KpiView) {
  return pick(v, HEADLINE_FIELDS);
}

/** Status counts, completion and the indicators needing attention of a group of indicators. */
export function summarizeGroup(views: KpiView[], featuredLimit = 3) {
  const worst = worstOf(views, featuredLimit);
  return {
    total: views.length,
    // Statements in the report's words are listed but never counted as a status.
    counts: countStatuses(views.filter(isJudged)),
    progress: summarizeProgress(views.map((v) => ({ ...v, target: decimalToNumber(v.target?.value ?? null) }))),
    /** Worst indicators when any needs attention, else the first indicators with a figure (so the card still says something). */
    featured: (worst.length ? worst : views.filter((v) => v.figure !== null).slice(0, featuredLimit)).map(
      toFeaturedKpi,
    ),
    featuredKind: worst.length ? ('worst' as const) : ('key' as const),
  };
}

/** Department ranking over the given indicators (the five-year review left out: it has no yearly targets). */
export function rankViews(views: readonly KpiView[]) {
  const codes = new Map(views.map((v) => [v.departmentId, v.departmentCode]));
  return rankDepartments(
    views
      .filter((v) => v.section !== 'review' && isJudged(v))
      .map((v) => ({ departmentId: v.departmentId, departmentName: v.departmentShortName, status: v.status })),
  ).map((r) => ({ ...r, departmentCode: codes.get(r.departmentId) ?? '' }));
}

/** The period and every indicator's view: the common start of every dashboard read. */
export async function loadDashboard(actor: Actor, query: PeriodQuery, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'dashboard.view', options);
  const model = await openReadModel(db, now);
  const period = await resolvePeriod(db, actor, query, now, model);
  const views = await model.get(periodKey('kpi', period), DASHBOARD_SCOPE_KEY, async () =>
    Object.freeze((await loadIndicatorViews(db, actor, period, now, {}, model)).map(toKpiView)),
  );
  return { db, now, period, views, model };
}

/** GET /api/overview: headline tiles, the seven areas, the ranking. */
export async function getOverview(actor: Actor, query: PeriodQuery, options: ServiceOptions = {}) {
  const { period, views, model } = await loadDashboard(actor, query, options);
  return model.get(periodKey('overview', period), DASHBOARD_SCOPE_KEY, async () => summarizeOverview(period, views));
}

function summarizeOverview(period: ResolvedPeriod, views: readonly KpiView[]) {
  const planned = views.filter((v) => v.section !== 'review');
  return {
    period: { year: period.year, month: period.month },
    years: period.years,
    isSample: planned.some((v) => v.isSample),
    /** False for a year with figures but no targets (the report year): nothing to judge against. */
    hasTargets: planned.some((v) => v.target !== null),
    headline: planned
      .filter((v) => v.headlineOrder !== null)
      .sort((a, b) => (a.headlineOrder ?? 0) - (b.headlineOrder ?? 0))
      .map(toHeadlineKpi),
    areas: WORK_AREAS.map(({ id, slug, name }) => ({
      id,
      slug,
      name,
      ...summarizeGroup(planned.filter((v) => v.areaId === id)),
    })),
    counts: countStatuses(planned.filter(isJudged)),
    /** The first and last departments ranked (the rest: GET /api/overview/ranking), and those not ranked. */
    ranking: foldRankRows(rankViews(planned), OVERVIEW_RANKING_KEEP),
    rankingFormula: RANKING_FORMULA,
  };
}

/** GET /api/overview/ranking: every department of the overview's ranking, ranked first (the overview folds it). */
export async function getOverviewRanking(actor: Actor, query: PeriodQuery, options: ServiceOptions = {}) {
  const { period, views, model } = await loadDashboard(actor, query, options);
  return model.get(periodKey('overview-ranking', period), DASHBOARD_SCOPE_KEY, async () => ({
    period: { year: period.year, month: period.month },
    rows: rankViews(views),
  }));
}

export type OverviewRanking = Awaited<ReturnType<typeof getOverviewRanking>>;

export type Overview = Awaited<ReturnType<typeof getOverview>>;
