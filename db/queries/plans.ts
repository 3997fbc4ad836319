/** Five-year plans and their indicators: catalogue data every signed-in role may read (the service checks dashboard.view). */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { departments, indicators, planIndicators, plans } from '../schema';

export async function getPlanByCode(db: Db, code: string) {
  const [row] = await db.select().from(plans).where(eq(plans.code, code));
  return row ?? null;
}

export async function listPlans(db: Db) {
  return db.select().from(plans).orderBy(asc(plans.firstYear));
}

/** A plan's indicators with the catalogue fields the path and the page need. */
export async function listPlanIndicators(db: Db, planId: number) {
  return db
    .select({
      id: planIndicators.id,
      indicatorId: planIndicators.indicatorId,
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
    .where(eq(planIndicators.planId, planId))
    .orderBy(asc(planIndicators.sortOrder), asc(planIndicators.id));
}
