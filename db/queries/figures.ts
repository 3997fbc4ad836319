/**
 * Set-based reads behind every dashboard: a fixed number of queries whatever the number of indicators.
 * Unscoped by reader: the dashboards show the same submitted and approved figures to every signed-in role
 * (PRODUCT.md), so figures are read in the dashboards' scope (./scope.ts) and indicators and targets, which every
 * signed-in role may read, for everyone.
 */
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { StatedChange } from '@/lib/domain/compare';
import type { SnapshotFigure } from '@/lib/domain/snapshot';
import { CHANGE_BASES, CHANGE_UNITS, QUALIFIERS, type Qualifier } from '@/lib/domain/types';
import { queryRows, type Db } from '../client';
import { actuals, departments, indicators, targetPhases, targets, workAreas } from '../schema';
import { DASHBOARD_STATUSES, dashboardFigures, figuresIn, type FigureScope } from './scope';
import { figureColumns, targetColumns } from './columns';
import { idIn } from './rows';

/** Unscoped: the catalogue's indicators are readable by every signed-in role. */
export interface IndicatorFilter {
  /** Only these indicators (by id); all when absent. */
  indicatorIds?: number[];
  areaId?: number;
  departmentId?: number;
  includeRetired?: boolean;
}

type Indicator = typeof indicators.$inferSelect;

export type IndicatorRow = Pick<
  Indicator,
  | 'id'
  | 'code'
  | 'name'
  | 'unit'
  | 'kind'
  | 'direction'
  | 'frequency'
  | 'planType'
  | 'definition'
  | 'section'
  | 'reviewGroup'
  | 'areaId'
  | 'departmentId'
  | 'milestoneTotal'
  | 'minValue'
  | 'maxValue'
  | 'headlineOrder'
  | 'sortOrder'
  | 'sourceText'
  | 'isRetired'
  | 'version'
> & { areaSlug: string | null; departmentCode: string; departmentName: string; departmentShortName: string };

/**
 * Indicators with their department and area names, in catalogue order. Each row comes back as one JSON
 * object (numerics as their decimal text, as drizzle returns them): thousands of indicators × 25 columns
 * cost PGlite a copy per field, three times what building and parsing the JSON costs.
 */
export async function listIndicatorRows(db: Db, filter: IndicatorFilter): Promise<IndicatorRow[]> {
  const conditions = [];
  if (!filter.includeRetired) conditions.push(eq(indicators.isRetired, false));
  if (filter.indicatorIds) conditions.push(idIn(indicators.id, filter.indicatorIds));
  if (filter.areaId !== undefined) conditions.push(eq(indicators.areaId, filter.areaId));
  if (filter.departmentId !== undefined) conditions.push(eq(indicators.departmentId, filter.departmentId));
  const rows = await db
    .select({
      row: sql<string>`json_build_object(
        'id', ${indicators.id}, 'code', ${indicators.code}, 'name', ${indicators.name}, 'unit', ${indicators.unit},
        'kind', ${indicators.kind}, 'direction', ${indicators.direction}, 'frequency', ${indicators.frequency},
        'planType', ${indicators.planType}, 'definition', ${indicators.definition}, 'section', ${indicators.section},
        'reviewGroup', ${indicators.reviewGroup}, 'areaId', ${indicators.areaId}, 'areaSlug', ${workAreas.slug},
        'departmentId', ${indicators.departmentId}, 'departmentCode', ${departments.code},
        'departmentName', ${departments.name}, 'departmentShortName', ${departments.shortName},
        'milestoneTotal', ${indicators.milestoneTotal}::text, 'minValue', ${indicators.minValue}::text,
        'maxValue', ${indicators.maxValue}::text, 'headlineOrder', ${indicators.headlineOrder},
        'sortOrder', ${indicators.sortOrder}, 'sourceText', ${indicators.sourceText},
        'isRetired', ${indicators.isRetired}, 'version', ${indicators.version})::text`,
    })
    .from(indicators)
    .innerJoin(departments, eq(departments.id, indicators.departmentId))
    .leftJoin(workAreas, eq(workAreas.id, indicators.areaId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(indicators.areaId), asc(indicators.sortOrder), asc(indicators.id));
  // Built by the statement above from the typed columns it names: the shape is IndicatorRow's.
  return rows.map((r) => JSON.parse(r.row) as IndicatorRow);
}

export type ActualRow = Awaited<ReturnType<typeof listActualRows>>[number];

/**
 * Figures of the given years up to `throughMonth` of the last year (all months of earlier years), in `scope`
 * (./scope.ts: the dashboards' submitted and approved figures, or approved only; drafts are a department's work in progress).
 */
export async function listActualRows(
  db: Db,
  args: {
    scope: FigureScope;
    years: number[];
    throughMonth?: number;
    indicatorIds?: number[];
  },
) {
  const lastYear = Math.max(...args.years);
  const conditions = [inArray(actuals.year, args.years), figuresIn(args.scope)];
  if (args.throughMonth !== undefined) {
    const through = or(sql`${actuals.year} < ${lastYear}`, lte(actuals.month, args.throughMonth));
    if (through) conditions.push(through);
  }
  if (args.indicatorIds) conditions.push(idIn(actuals.indicatorId, args.indicatorIds));
  const rows = await db
    .select({
      ...figureColumns,
      indicatorId: actuals.indicatorId,
      statedChangeValue: actuals.statedChange,
      statedChangeUnit: actuals.statedChangeUnit,
      statedChangeBasis: actuals.statedChangeBasis,
      statedChangeText: actuals.statedChangeText,
      explanation: actuals.explanation,
      submittedAt: actuals.submittedAt,
      approvedAt: actuals.approvedAt,
    })
    .from(actuals)
    .where(and(...conditions))
    .orderBy(asc(actuals.indicatorId), asc(actuals.year), asc(actuals.month));
  return rows.map(({ statedChangeValue, statedChangeUnit, statedChangeBasis, statedChangeText, ...row }) => ({
    ...row,
    isReported: row.sourceText !== null,
    statedChange: toStatedChange([statedChangeValue, statedChangeUnit, statedChangeBasis, statedChangeText]),
  }));
}

export type TargetRow = Awaited<ReturnType<typeof listTargetRows>>[number];

/**
 * Targets of a year with their phases (one query: each target's phases packed as "month:value,…"). Unscoped:
 * targets are readable by every signed-in role.
 */
export async function listTargetRows(db: Db, args: { year: number; indicatorIds?: number[] }) {
  const rows = await db
    .select({
      ...targetColumns,
      indicatorId: targets.indicatorId,
      version: targets.version,
      packedPhases: sql<
        string | null
      >`(select string_agg(${targetPhases.month}::text || ':' || ${targetPhases.value}::text, ',' order by ${targetPhases.month}) from ${targetPhases} where ${targetPhases.targetId} = ${targets.id})`,
    })
    .from(targets)
    .where(and(eq(targets.year, args.year), args.indicatorIds && idIn(targets.indicatorId, args.indicatorIds)));
  return rows.map(({ packedPhases, ...t }) => ({
    ...t,
    phases: unpack(packedPhases).map(([month, value]) => ({ month, value: value ?? '0' })),
  }));
}

/** "k:v,k:v" (integer keys, decimal or empty values) as pairs; empty for null. */
function unpack(packed: string | null): [number, string | null][] {
  if (!packed) return [];
  return packed.split(',').map((item) => {
    const at = item.indexOf(':');
    const value = item.slice(at + 1);
    return [Number(item.slice(0, at)), value === '' ? null : value];
  });
}

export type SnapshotFigureRow = SnapshotFigure & { derivedNote: string | null };

/** The stated-change columns of a figure (value as text, unit, basis, words), or null when the report states none. */
export function toStatedChange(cells: readonly unknown[]): StatedChange | null {
  const [value, unit, basis, text] = cells;
  const change = typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(change) || typeof text !== 'string') return null;
  const changeUnit = CHANGE_UNITS.find((u) => u === unit);
  const changeBasis = CHANGE_BASES.find((b) => b === basis);
  return changeUnit && changeBasis ? { change, unit: changeUnit, basis: changeBasis, text } : null;
}

const isQualifier = (value: unknown): value is Qualifier => QUALIFIERS.some((q) => q === value);

/**
 * The submitted and approved figures a dashboard snapshot needs — the year before `year` and `year` through
 * `throughMonth` — by indicator, in period order. One row per indicator, its figures packed in SQL as
 * "yyyymm:value,…" and only the rare figure with a text value, a qualifier, a flag or a note sent whole:
 * shipping tens of thousands of figure rows cost more than everything else a dashboard read does (PGlite
 * pays some microseconds per row and field), and the set stays the same whatever the number of indicators.
 */
export async function listSnapshotFigures(
  db: Db,
  args: { year: number; throughMonth: number; indicatorIds?: number[] },
): Promise<Map<number, SnapshotFigureRow[]>> {
  const ids = args.indicatorIds;
  const rows = await queryRows<{ indicator_id: number; packed: string; special: unknown }>(
    db,
    sql`select ${actuals.indicatorId} as indicator_id,
        string_agg((${actuals.year} * 100 + ${actuals.month})::text || ':' || coalesce(${actuals.value}::text, ''), ','
          order by ${actuals.year}, ${actuals.month}) as packed,
        json_agg(json_build_array(${actuals.year}, ${actuals.month}, ${actuals.value}::text, ${actuals.valueText},
          ${actuals.qualifier}, ${actuals.isSample}, ${actuals.isDerived}, ${actuals.derivedNote},
          ${actuals.sourceText} is not null, ${actuals.statedChange}::text, ${actuals.statedChangeUnit},
          ${actuals.statedChangeBasis}, ${actuals.statedChangeText}))
          filter (where ${actuals.valueText} is not null or ${actuals.qualifier} <> 'exact' or ${actuals.isSample}
            or ${actuals.isDerived} or ${actuals.derivedNote} is not null or ${actuals.sourceText} is not null) as special
      from ${actuals}
      where ${actuals.year} in (${args.year - 1}, ${args.year})
        and (${actuals.year} < ${args.year} or ${actuals.month} <= ${args.throughMonth})
        and ${dashboardFigures()}
        ${ids ? sql`and ${idIn(actuals.indicatorId, ids)}` : sql``}
      group by ${actuals.indicatorId}`,
  );
  const byIndicator = new Map<number, SnapshotFigureRow[]>();
  for (const row of rows) {
    const special = new Map<number, SnapshotFigureRow>();
    for (const item of Array.isArray(row.special) ? (row.special as unknown[][]) : []) {
      const [year, month, value, valueText, qualifier, isSample, isDerived, derivedNote, isReported, ...stated] = item;
      special.set(Number(year) * 100 + Number(month), {
        year: Number(year),
        month: Number(month),
        value: typeof value === 'string' ? value : null,
        valueText: typeof valueText === 'string' ? valueText : null,
        qualifier: isQualifier(qualifier) ? qualifier : 'exact',
        isSample: isSample === true,
        isDerived: isDerived === true,
        derivedNote: typeof derivedNote === 'string' ? derivedNote : null,
        isReported: isReported === true,
        statedChange: toStatedChange(stated),
      });
    }
    const figures = unpack(row.packed).map(
      ([key, value]): SnapshotFigureRow =>
        special.get(key) ?? {
          year: Math.floor(key / 100),
          month: key % 100,
          value,
          valueText: null,
          qualifier: 'exact',
          isSample: false,
          isDerived: false,
          derivedNote: null,
        },
    );
    byIndicator.set(Number(row.indicator_id), figures);
  }
  return byIndicator;
}

/**
 * Years that hold submitted or approved figures, newest first, with the latest month of each. Walks the
 * (status, year, month) index year by year (a handful of index probes) instead of aggregating every figure,
 * which every dashboard read does first. In the dashboards' scope (./scope.ts), the same for every reader.
 */
export async function listFigureYears(db: Db) {
  const latest = (where: ReturnType<typeof sql>, column: ReturnType<typeof sql>) =>
    sql`greatest(${sql.join(
      DASHBOARD_STATUSES.map(
        (status) => sql`(select max(${column}) from ${actuals} where ${actuals.status} = ${status} and ${where})`,
      ),
      sql`, `,
    )})`;
  const rows = await queryRows<{ year: number; last_month: number }>(
    db,
    sql`with recursive y(year) as (
        select ${latest(sql`true`, sql`${actuals.year}`)}
        union all
        select ${latest(sql`${actuals.year} < y.year`, sql`${actuals.year}`)} from y where y.year is not null
      )
      select y.year, ${latest(sql`${actuals.year} = y.year`, sql`${actuals.month}`)} as last_month
      from y where y.year is not null order by y.year desc`,
  );
  return rows.map((r) => ({ year: Number(r.year), lastMonth: Number(r.last_month) }));
}
