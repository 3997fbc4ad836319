/** Five-year plans and their indicators: catalogue data every signed-in role may read (the service checks dashboard.view). */
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { departments, indicators, planIndicators, plans } from '../schema';
import { firstOrNull } from './rows';

export function getPlanByCode(db: Db, code: string) {
  return firstOrNull(db.select().from(plans).where(eq(plans.code, code)));
}

export async function listPlans(db: Db) {
  return db.select().from(plans).orderBy(asc(plans.firstYear));
}

const baselineIndicators = alias(indicators, 'baseline_indicators');

/** A plan's indicators with the catalogue fields the path and the page need, and the indicator of the baseline. */
export async function listPlanIndicators(db: Db, planId: number) {
  return db
    .select({
      id: planIndicators.id,
      indicatorId: planIndicators.indicatorId,
      /** The indicator whose figure is the baseline: the linked one, or this one. */
      baselineIndicatorId: sql<number>`coalesce(${planIndicators.baselineIndicatorId}, ${planIndicators.indicatorId})`,
      baselineCode: sql<string>`coalesce(${baselineIndicators.code}, ${indicators.code})`,
      baselineName: sql<string>`coalesce(${baselineIndicators.name}, ${indicators.name})`,
      pathKind: planIndicators.pathKind,
      finalTarget: planIndicators.finalTarget,
      annualGrowth: planIndicators.annualGrowth,
      typedValues: planIndicators.typedValues,
      sourceText: planIndicators.sourceText,
      isSample: planIndicators.isSample,
      code: indicators.code,
      name: indicators.name,
      unit: indicators.unit,
      kind: indicators.kind,
      direction: indicators.direction,
      departmentShortName: departments.shortName,
    })
    .from(planIndicators)
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .innerJoin(departments, eq(departments.id, indicators.departmentId))
    .leftJoin(baselineIndicators, eq(baselineIndicators.id, planIndicators.baselineIndicatorId))
    .where(eq(planIndicators.planId, planId))
    .orderBy(asc(planIndicators.sortOrder), asc(planIndicators.id));
}

export type PlanIndicatorRecord = typeof planIndicators.$inferSelect;

/** One plan indicator, locked for update (inside the edit's transaction). */
export function getPlanIndicatorForUpdate(
  tx: Db,
  planId: number,
  indicatorId: number,
): Promise<PlanIndicatorRecord | null> {
  return firstOrNull(
    tx
      .select()
      .from(planIndicators)
      .where(and(eq(planIndicators.planId, planId), eq(planIndicators.indicatorId, indicatorId)))
      .for('update'),
  );
}

export function updatePlanIndicatorRow(
  tx: Db,
  id: number,
  set: Pick<PlanIndicatorRecord, 'pathKind' | 'finalTarget' | 'annualGrowth' | 'typedValues' | 'baselineIndicatorId'>,
): Promise<PlanIndicatorRecord | null> {
  return firstOrNull(tx.update(planIndicators).set(set).where(eq(planIndicators.id, id)).returning());
}
