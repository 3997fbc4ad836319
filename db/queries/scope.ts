/**
 * Which figures a reader may see: the one place the rule is written, used by every read of figures that can
 * return drafts (the indicator page, the records export and the indicator bundle). A draft is its department's
 * work in progress: only that department's own officials and reviewers see it; everyone else sees figures once
 * submitted. The query must join `indicators` (the rule reads the figure's owning department).
 */
import { eq, ne, or, type SQL } from 'drizzle-orm';
import { isDepartmentScoped } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/domain/actor';
import { actuals, indicators } from '../schema';

/** The condition a figure row must meet to be visible to `actor`. */
export function visibleFigures(actor: Actor): SQL {
  const ownDepartment = isDepartmentScoped(actor) && actor.departmentId !== null;
  const notDraft = ne(actuals.status, 'draft');
  if (!ownDepartment) return notDraft;
  return or(notDraft, eq(indicators.departmentId, actor.departmentId ?? -1)) ?? notDraft;
}
