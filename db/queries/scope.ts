/**
 * Which figures a reader may see: the one place the rule is written. Every read of figures uses one of the
 * scopes below — the indicator page, the records export and the indicator bundle (`visibleFigures`), the
 * dashboards and everything computed from them (`dashboardFigures`) — and every cached computation of the
 * read model is filed under the `ScopeKey` of what it read, so one reader's computation is never served to
 * a reader who may not see the same figures.
 *
 * A draft is its department's work in progress: only that department's own officials and reviewers see it;
 * everyone else sees figures once submitted. Dashboards show submitted and approved figures only, to every
 * signed-in role alike (PRODUCT.md).
 */
import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import { isDepartmentScoped } from '@/lib/domain/permissions';
import type { Actor } from '@/lib/domain/actor';
import { actuals, indicators } from '../schema';

/** The statuses every dashboard (and each computation made from one) reads. */
export const DASHBOARD_STATUSES = ['submitted', 'approved'] as const;

/**
 * A scope a read of figures states: the dashboards' (submitted and approved, for everyone), or approved figures
 * only (考核 scores: a score is computed from figures the department's reviewer has approved, never a submission).
 */
export type FigureScope = 'dashboard' | 'approved';

/** The condition of a figure row in the dashboards' scope (needs no join). */
export function dashboardFigures(): SQL {
  return inArray(actuals.status, [...DASHBOARD_STATUSES]);
}

/** The condition of a figure row that is approved (needs no join). */
export function approvedFigures(): SQL {
  return eq(actuals.status, 'approved');
}

/** The condition of a figure row in `scope`. */
export function figuresIn(scope: FigureScope): SQL {
  return scope === 'approved' ? approvedFigures() : dashboardFigures();
}

/**
 * The condition a figure row must meet to be visible to `actor`. The query must join `indicators` (the rule
 * reads the figure's owning department).
 */
export function visibleFigures(actor: Actor): SQL {
  const department = draftsDepartment(actor);
  const notDraft = ne(actuals.status, 'draft');
  if (department === null) return notDraft;
  return or(notDraft, eq(indicators.departmentId, department)) ?? notDraft;
}

/**
 * The indicators a department role works on (its own department's: the catalogue it administers, the review
 * queue); undefined (every indicator) for city-wide roles. Conditions `indicators`.
 */
export function ownDepartmentWork(actor: Actor): SQL | undefined {
  return isDepartmentScoped(actor) ? eq(indicators.departmentId, actor.departmentId ?? -1) : undefined;
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

/** The department whose drafts `actor` sees; null when it sees no drafts. */
function draftsDepartment(actor: Actor): number | null {
  return isDepartmentScoped(actor) && actor.departmentId !== null ? actor.departmentId : null;
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
  if (department === null || (ownerDepartmentId !== undefined && ownerDepartmentId !== department)) return 'all-submitted';
  return `drafts-of-${department}`;
}

/** The scope key of the dashboards: the same for every role. */
export const DASHBOARD_SCOPE_KEY: ScopeKey = 'all-submitted';
