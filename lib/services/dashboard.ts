/**
 * Dashboard reads: the period in view, every indicator's snapshot, the work areas and the ranking.
 * A fixed number of set-based queries whatever the number of indicators; the math is lib/domain's.
 */
import { getDb, type Db } from '@/db/client';
import { listActualRows, listFigureYears, listIndicatorRows, listTargetRows, type IndicatorRow } from '@/db/queries/figures';
import type { Actor } from '@/lib/domain/actor';
import { currentPeriod, type Period } from '@/lib/domain/period';
import { rankDepartments } from '@/lib/domain/ranking';
import { buildSnapshot, type IndicatorSnapshot, type SnapshotFigure } from '@/lib/domain/snapshot';
import { PROGRESS_STATUSES, WORK_AREAS, type ProgressStatus } from '@/lib/domain/types';
import { requirePermission } from '@/lib/auth/require-permission';
import { AppError } from '@/lib/errors';
import { getReportingSettings } from './settings';

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

/** The period a dashboard shows: as asked, else the latest year with figures and its latest month. */
export async function resolvePeriod(db: Db, actor: Actor, query: PeriodQuery, now: Date): Promise<ResolvedPeriod> {
  const years = await listFigureYears(db, { actor });
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

/** Every indicator's snapshot at the period, from four queries. */
export async function loadIndicatorViews(
  db: Db,
  actor: Actor,
  period: Period,
  now: Date,
  filter: { areaId?: number; departmentId?: number; indicatorIds?: number[] } = {},
): Promise<IndicatorView[]> {
  const [rows, settings] = await Promise.all([
    listIndicatorRows(db, { actor, ...filter }),
    getReportingSettings(db),
  ]);
  const ids = rows.map((r) => r.id);
  const scoped = filter.areaId !== undefined || filter.departmentId !== undefined || filter.indicatorIds !== undefined;
  const [figures, targets] = await Promise.all([
    listActualRows(db, {
      actor,
      years: [period.year - 1, period.year],
      throughMonth: period.month,
      statuses: ['submitted', 'approved'],
      indicatorIds: scoped ? ids : undefined,
    }),
    listTargetRows(db, { actor, year: period.year, indicatorIds: scoped ? ids : undefined }),
  ]);
  const figuresByIndicator = new Map<number, SnapshotFigure[]>();
  for (const f of figures) {
    const list = figuresByIndicator.get(f.indicatorId) ?? [];
    list.push(f);
    figuresByIndicator.set(f.indicatorId, list);
  }
  const targetByIndicator = new Map(targets.map((t) => [t.indicatorId, t]));
  return rows.map((row) => {
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
}

export function countStatuses(views: Pick<IndicatorSnapshot, 'status'>[]): Record<ProgressStatus, number> {
  const counts = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  for (const v of views) counts[v.status] += 1;
  return counts;
}

const STATUS_SEVERITY: Record<ProgressStatus, number> = { red: 0, overdue: 1, yellow: 2, grey: 3, green: 4 };

/** The indicators furthest behind, worst first. */
export function worstOf(views: IndicatorView[], limit: number): IndicatorView[] {
  return views
    .filter((v) => v.status === 'red' || v.status === 'overdue' || v.status === 'yellow')
    .sort((a, b) => STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status] || (a.gapPoints ?? 0) - (b.gapPoints ?? 0))
    .slice(0, limit);
}

/** GET /api/overview: headline tiles, the seven areas, the ranking. */
export async function getOverview(actor: Actor, query: PeriodQuery, now = new Date()) {
  requirePermission(actor, 'dashboard.view');
  const db = await getDb();
  const period = await resolvePeriod(db, actor, query, now);
  const views = await loadIndicatorViews(db, actor, period, now);
  const areas = WORK_AREAS.map((area) => {
    const ofArea = views.filter((v) => v.areaId === area.id);
    const withCompletion = ofArea.filter((v) => v.completion !== null && v.kind !== 'rate');
    return {
      ...area,
      counts: countStatuses(ofArea),
      total: ofArea.length,
      completion: withCompletion.length
        ? withCompletion.reduce((sum, v) => sum + Math.min(v.completion ?? 0, 1.5), 0) / withCompletion.length
        : null,
      worst: worstOf(ofArea, 3),
      indicators: ofArea,
    };
  });
  const headline = views
    .filter((v) => v.headlineOrder !== null)
    .sort((a, b) => (a.headlineOrder ?? 0) - (b.headlineOrder ?? 0));
  const ranking = rankDepartments(
    views.map((v) => ({ departmentId: v.departmentId, departmentName: v.departmentShortName, status: v.status })),
  );
  return {
    period: { year: period.year, month: period.month },
    years: period.years,
    isSample: views.some((v) => v.isSample),
    headline,
    areas,
    cityWide: views.filter((v) => v.areaId === null && v.section === 'highlights'),
    counts: countStatuses(views.filter((v) => v.section !== 'review')),
    ranking,
  };
}

export type Overview = Awaited<ReturnType<typeof getOverview>>;
