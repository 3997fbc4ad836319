/**
 * Which figures a reader may see: the one place the rule is written. Every read of figures uses one of the
 * scopes below — the indicator page, the records export and the indicator bundle (`visibleFigures`), the
 * dashboards and everything computed from them (`dashboardFigures`), the unit views and roll-ups
 * (`unitDashboardFigures`), a unit's own entry sheet (`visibleUnitFigures`) — and every cached computation of the
 * read model is filed under the `ScopeKey` of what it read, so one reader's computation is never served to
 * a reader who may not see the same figures.
 *
 * A figure is the city's own (unit_id null) or a county's/district's/zone's. A draft is its owner's work in
 * progress: a city figure's draft is seen only by its department's own (city) officials and reviewers; a unit
 * figure's draft only by that unit's officials and reviewers. Everyone else sees figures once submitted.
 * Dashboards show submitted and approved figures only, to every signed-in role alike (PRODUCT.md).
 */
import { and, eq, inArray, isNotNull, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import { isDepartmentScoped } from '@/lib/domain/permissions';
import type { Actor } from '@/lib/domain/actor';
import type { Db } from '../client';
import { actuals, indicators } from '../schema';

/** The statuses every dashboard (and each computation made from one) reads. */
export const DASHBOARD_STATUSES = ['submitted', 'approved'] as const;

/**
 * A scope a read of figures states: the dashboards' (submitted and approved, for everyone), or approved figures
 * only (考核 scores: a score is computed from figures the department's reviewer has approved, never a submission).
 */
export type FigureScope = 'dashboard' | 'approved';

/**
 * `fields` of figures joined to their indicator: the join the conditions below that read the owning department
 * (`visibleFigures`, `visibleAnyFigures`, `visibleEvidence`, `ownDepartmentWork`) need.
 */
export function selectFigures<T extends SelectedFields>(db: Db, fields: T) {
  return db.select(fields).from(actuals).innerJoin(indicators, eq(indicators.id, actuals.indicatorId));
}

/** The condition of a city figure row in the dashboards' scope (needs no join). */
export function dashboardFigures(): SQL {
  return and(inArray(actuals.status, [...DASHBOARD_STATUSES]), isNull(actuals.unitId)) as SQL;
}

/** The condition of a unit figure row in the dashboards' scope: what the unit views and the roll-ups read. */
export function unitDashboardFigures(): SQL {
  return and(inArray(actuals.status, [...DASHBOARD_STATUSES]), isNotNull(actuals.unitId)) as SQL;
}

/** The condition of a city figure row that is approved (needs no join); a unit's figures are read apart. */
export function approvedFigures(): SQL {
  return and(eq(actuals.status, 'approved'), isNull(actuals.unitId)) as SQL;
}

/** The condition of a figure row in `scope`. */
export function figuresIn(scope: FigureScope): SQL {
  return scope === 'approved' ? approvedFigures() : dashboardFigures();
}

/**
 * The condition a city figure row must meet to be visible to `actor`. The query must join `indicators` (the rule
 * reads the figure's owning department).
 */
export function visibleFigures(actor: Actor): SQL {
  const department = draftsDepartment(actor);
  const notDraft = ne(actuals.status, 'draft');
  const cityOwn = isNull(actuals.unitId);
  if (department === null) return and(cityOwn, notDraft) as SQL;
  return and(cityOwn, or(notDraft, eq(indicators.departmentId, department))) as SQL;
}

/** The condition a unit figure row must meet to be visible to `actor`: submitted, or a draft of its own unit. */
export function visibleUnitFigures(actor: Actor): SQL {
  const notDraft = ne(actuals.status, 'draft');
  const ownUnit = isDepartmentScoped(actor) && actor.unitId != null ? actor.unitId : null;
  const unitRow = isNotNull(actuals.unitId);
  if (ownUnit === null) return and(unitRow, notDraft) as SQL;
  return and(unitRow, or(notDraft, eq(actuals.unitId, ownUnit))) as SQL;
}

/** Every figure row, city or unit, visible to `actor` (the records export). The query must join `indicators`. */
export function visibleAnyFigures(actor: Actor): SQL {
  return or(visibleFigures(actor), visibleUnitFigures(actor)) as SQL;
}

/**
 * The indicators a department role works on (its own department's: the catalogue it administers, the review
 * queue; a unit's official: the indicators tracked by unit, of its department when it has one); undefined
 * (every indicator) for city-wide roles. Conditions `indicators`.
 */
export function ownDepartmentWork(actor: Actor): SQL | undefined {
  if (!isDepartmentScoped(actor)) return undefined;
  if (actor.unitId != null) {
    const tracked = eq(indicators.trackedByUnit, true);
    return actor.departmentId === null ? tracked : and(tracked, eq(indicators.departmentId, actor.departmentId));
  }
  return eq(indicators.departmentId, actor.departmentId ?? -1);
}

/**
 * The condition on a figure whose 佐证材料 (evidence files) `actor` may read: the figure is visible to it, and a
 * department role reads its own department's only (another department's official or reviewer gets nothing: 404).
 * The query must join `indicators`.
 */
export function visibleEvidence(actor: Actor): SQL {
  const own = ownDepartmentWork(actor);
  const figure = visibleFigures(actor);
  return own ? (and(figure, own) ?? figure) : figure;
}

/** The figures a scoped role reviews: its own unit's, or (city roles) the city's own; undefined for city-wide roles. */
export function ownUnitFigures(actor: Actor): SQL | undefined {
  if (!isDepartmentScoped(actor)) return undefined;
  return actor.unitId != null ? eq(actuals.unitId, actor.unitId) : isNull(actuals.unitId);
}

/** The department whose city drafts `actor` sees; null when it sees none (a unit's official sees its unit's only). */
function draftsDepartment(actor: Actor): number | null {
  return isDepartmentScoped(actor) && actor.departmentId !== null && actor.unitId == null ? actor.departmentId : null;
}

/**
 * What a cached computation read, as part of its key: `all-submitted` for what every signed-in role sees
 * alike (the dashboards), `drafts-of-<department>` for a computation that includes that department's drafts.
 */
export type ScopeKey = 'all-submitted' | `drafts-of-${number}`;

/**
 * The scope key of what `actor` sees of the figures of `ownerDepartmentId`'s indicators (all indicators when
 * absent): the key of `visibleFigures(actor)` narrowed to those indicators.
 */
export function scopeKey(actor: Actor, ownerDepartmentId?: number): ScopeKey {
  const department = draftsDepartment(actor);
  if (department === null || (ownerDepartmentId !== undefined && ownerDepartmentId !== department))
    return 'all-submitted';
  return `drafts-of-${department}`;
}

/** The scope key of the dashboards: the same for every role. */
export const DASHBOARD_SCOPE_KEY: ScopeKey = 'all-submitted';
