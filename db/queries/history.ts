/**
 * One indicator's whole record: every figure with who entered, submitted, approved or returned it, every
 * target with its phases, and the figures' history from the audit log. One query each, whatever the size.
 * Drafts are a department's work in progress: only the owning department's users see them (and their history).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/domain/actor';
import type { Db } from '../client';
import { actuals, auditEvents, indicators, targetPhases, targets, users } from '../schema';
import { selectFigures, visibleFigures } from './scope';
import { figureColumns, figurePeople, joinFigurePeople, targetColumns } from './columns';

export type IndicatorFigureRow = Awaited<ReturnType<typeof listIndicatorFigures>>[number];

/** Every visible figure of the indicator, all years, oldest first, with the names of the people at each step. */
export async function listIndicatorFigures(db: Db, args: { actor: Actor; indicatorId: number }) {
  const { enteredBy, submittedBy, approvedBy, returnedBy } = figurePeople;
  const figures = selectFigures(db, {
    ...figureColumns,
    note: actuals.note,
    explanation: actuals.explanation,
    evidenceUrl: actuals.evidenceUrl,
    enteredAt: actuals.enteredAt,
    submittedAt: actuals.submittedAt,
    approvedAt: actuals.approvedAt,
    returnedAt: actuals.returnedAt,
    returnReason: actuals.returnReason,
    reopenReason: actuals.reopenReason,
    enteredByName: enteredBy.displayName,
    submittedByName: submittedBy.displayName,
    approvedByName: approvedBy.displayName,
    returnedByName: returnedBy.displayName,
  });
  return joinFigurePeople(figures.$dynamic())
    .where(and(eq(actuals.indicatorId, args.indicatorId), visibleFigures(args.actor)))
    .orderBy(asc(actuals.year), asc(actuals.month));
}

export type IndicatorTargetRow = Awaited<ReturnType<typeof listIndicatorTargets>>[number];

/**
 * Every year's target of the indicator with its phases (one query: targets left-joined to their phases).
 * Unscoped: targets are readable by every signed-in role.
 */
export async function listIndicatorTargets(db: Db, args: { indicatorId: number }) {
  const rows = await db
    .select({
      ...targetColumns,
      revisionReason: targets.revisionReason,
      phaseMonth: targetPhases.month,
      phaseValue: targetPhases.value,
    })
    .from(targets)
    .leftJoin(targetPhases, eq(targetPhases.targetId, targets.id))
    .where(eq(targets.indicatorId, args.indicatorId))
    .orderBy(asc(targets.year), asc(targetPhases.month));
  const byId = new Map<
    number,
    Omit<(typeof rows)[number], 'phaseMonth' | 'phaseValue'> & { phases: { month: number; value: string }[] }
  >();
  for (const { phaseMonth, phaseValue, ...target } of rows) {
    const entry = byId.get(target.id) ?? { ...target, phases: [] };
    if (phaseMonth !== null && phaseValue !== null) entry.phases.push({ month: phaseMonth, value: phaseValue });
    byId.set(target.id, entry);
  }
  return [...byId.values()];
}

export type FigureEventRow = Awaited<ReturnType<typeof listFigureEvents>>[number];

/**
 * The audit events of the indicator's figures (entity 'actual') that the actor may see (./scope.ts: never
 * the history of another department's draft), oldest first, with the actor's name.
 */
export async function listFigureEvents(db: Db, args: { actor: Actor; indicatorId: number }) {
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      entityId: auditEvents.entityId,
      actorName: users.displayName,
      actorUsername: auditEvents.actorUsername,
      actorRole: auditEvents.actorRole,
      before: auditEvents.before,
      after: auditEvents.after,
      reason: auditEvents.reason,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .innerJoin(actuals, eq(sql`${actuals.id}::text`, auditEvents.entityId))
    .innerJoin(indicators, eq(indicators.id, actuals.indicatorId))
    .where(
      and(
        eq(auditEvents.entityType, 'actual'),
        eq(auditEvents.indicatorId, args.indicatorId),
        visibleFigures(args.actor),
      ),
    )
    .orderBy(asc(auditEvents.id));
}
