/**
 * Set-based reads behind every dashboard: a fixed number of queries whatever the number of indicators.
 * Every function takes the actor; figures are visible to every signed-in role (PRODUCT.md: all signed-in
 * users see the dashboards), so scoping here is by the indicator filter the caller passes.
 */
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/domain/actor';
import type { Db } from '../client';
import { actuals, departments, indicators, targetPhases, targets, workAreas } from '../schema';

export interface IndicatorFilter {
  actor: Actor;
  /** Only these indicators (by id); all when absent. */
  indicatorIds?: number[];
  areaId?: number;
  departmentId?: number;
  includeRetired?: boolean;
}

export type IndicatorRow = Awaited<ReturnType<typeof listIndicatorRows>>[number];

/** Indicators with their department and area names, in catalogue order. */
export async function listIndicatorRows(db: Db, filter: IndicatorFilter) {
  const conditions = [];
  if (!filter.includeRetired) conditions.push(eq(indicators.isRetired, false));
  if (filter.indicatorIds) conditions.push(inArray(indicators.id, filter.indicatorIds.length ? filter.indicatorIds : [-1]));
  if (filter.areaId !== undefined) conditions.push(eq(indicators.areaId, filter.areaId));
  if (filter.departmentId !== undefined) conditions.push(eq(indicators.departmentId, filter.departmentId));
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      name: indicators.name,
      unit: indicators.unit,
      kind: indicators.kind,
      direction: indicators.direction,
      frequency: indicators.frequency,
      planType: indicators.planType,
      definition: indicators.definition,
      section: indicators.section,
      reviewGroup: indicators.reviewGroup,
      areaId: indicators.areaId,
      areaSlug: workAreas.slug,
      departmentId: indicators.departmentId,
      departmentCode: departments.code,
      departmentName: departments.name,
      departmentShortName: departments.shortName,
      milestoneTotal: indicators.milestoneTotal,
      minValue: indicators.minValue,
      maxValue: indicators.maxValue,
      headlineOrder: indicators.headlineOrder,
      sortOrder: indicators.sortOrder,
      sourceText: indicators.sourceText,
      isRetired: indicators.isRetired,
      version: indicators.version,
    })
    .from(indicators)
    .innerJoin(departments, eq(departments.id, indicators.departmentId))
    .leftJoin(workAreas, eq(workAreas.id, indicators.areaId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(indicators.areaId), asc(indicators.sortOrder), asc(indicators.id));
}

export type ActualRow = Awaited<ReturnType<typeof listActualRows>>[number];

/**
 * Figures of the given years up to `throughMonth` of the last year (all months of earlier years).
 * Dashboards pass `statuses: ['submitted', 'approved']`: drafts are the department's own work in progress.
 */
export async function listActualRows(
  db: Db,
  args: {
    actor: Actor;
    years: number[];
    throughMonth?: number;
    indicatorIds?: number[];
    statuses?: ('draft' | 'submitted' | 'approved' | 'returned')[];
  },
) {
  const lastYear = Math.max(...args.years);
  const conditions = [inArray(actuals.year, args.years)];
  if (args.throughMonth !== undefined) {
    const through = or(sql`${actuals.year} < ${lastYear}`, lte(actuals.month, args.throughMonth));
    if (through) conditions.push(through);
  }
  if (args.indicatorIds) conditions.push(inArray(actuals.indicatorId, args.indicatorIds.length ? args.indicatorIds : [-1]));
  if (args.statuses) conditions.push(inArray(actuals.status, args.statuses));
  return db
    .select({
      id: actuals.id,
      indicatorId: actuals.indicatorId,
      year: actuals.year,
      month: actuals.month,
      value: actuals.value,
      valueText: actuals.valueText,
      qualifier: actuals.qualifier,
      status: actuals.status,
      version: actuals.version,
      isSample: actuals.isSample,
      isDerived: actuals.isDerived,
      derivedNote: actuals.derivedNote,
      explanation: actuals.explanation,
      submittedAt: actuals.submittedAt,
      approvedAt: actuals.approvedAt,
    })
    .from(actuals)
    .where(and(...conditions))
    .orderBy(asc(actuals.indicatorId), asc(actuals.year), asc(actuals.month));
}

export type TargetRow = Awaited<ReturnType<typeof listTargetRows>>[number];

/** Targets of a year with their phases (one query for targets, one for phases). */
export async function listTargetRows(db: Db, args: { actor: Actor; year: number; indicatorIds?: number[] }) {
  const conditions = [eq(targets.year, args.year)];
  if (args.indicatorIds) conditions.push(inArray(targets.indicatorId, args.indicatorIds.length ? args.indicatorIds : [-1]));
  const rows = await db
    .select({
      id: targets.id,
      indicatorId: targets.indicatorId,
      year: targets.year,
      value: targets.value,
      valueText: targets.valueText,
      qualifier: targets.qualifier,
      phasing: targets.phasing,
      baseline: targets.baseline,
      isSample: targets.isSample,
      isRevised: targets.isRevised,
      version: targets.version,
    })
    .from(targets)
    .where(and(...conditions));
  const phases = rows.length
    ? await db
        .select({ targetId: targetPhases.targetId, month: targetPhases.month, value: targetPhases.value })
        .from(targetPhases)
        .innerJoin(targets, eq(targets.id, targetPhases.targetId))
        .where(and(...conditions))
        .orderBy(asc(targetPhases.targetId), asc(targetPhases.month))
    : [];
  const byTarget = new Map<number, { month: number; value: string }[]>();
  for (const p of phases) {
    const list = byTarget.get(p.targetId) ?? [];
    list.push({ month: p.month, value: p.value });
    byTarget.set(p.targetId, list);
  }
  return rows.map((t) => ({ ...t, phases: byTarget.get(t.id) ?? [] }));
}

/** Years that hold figures, newest first, with the latest month of each. */
export async function listFigureYears(db: Db, _args: { actor: Actor }) {
  return db
    .select({ year: actuals.year, lastMonth: sql<number>`max(${actuals.month})`.mapWith(Number) })
    .from(actuals)
    .where(inArray(actuals.status, ['submitted', 'approved']))
    .groupBy(actuals.year)
    .orderBy(sql`${actuals.year} desc`);
}
