/**
 * Loads the government work report: the seven areas, the departments and every reported figure.
 * Idempotent: rows are matched by their stable codes and never overwritten, so seeding twice changes
 * nothing and an admin's later edits survive a re-seed.
 */
import { WORK_AREAS } from '@/lib/domain/types';
import type { Db } from '../client';
import { idsByCode } from './ids';
import { actuals, departments, indicators, workAreas } from '../schema';
import { recordSeedRun, seedOnce } from './runs';
import { SEED_DEPARTMENTS, SEED_INDICATORS } from './report-data';

export const REPORT_SEED_NAME = 'report-2025';

export interface SeedSummary {
  applied: boolean;
  departments: number;
  indicators: number;
  figures: number;
}

/** Ensures the seven work areas exist (fixed ids and slugs). */
export async function seedWorkAreas(db: Db): Promise<void> {
  await db
    .insert(workAreas)
    .values(WORK_AREAS.map((a) => ({ id: a.id, slug: a.slug, name: a.name, shortName: a.shortName })))
    .onConflictDoNothing();
}

/** Loads the report once; a second call finds its marker and changes nothing. */
export async function seedReport(db: Db): Promise<SeedSummary> {
  const skipped = { applied: false, departments: 0, indicators: 0, figures: 0 };
  return seedOnce(db, REPORT_SEED_NAME, skipped, async (tx) => {
    await seedWorkAreas(tx);

    await tx
      .insert(departments)
      .values(SEED_DEPARTMENTS.map((d) => ({ code: d.code, name: d.name, shortName: d.shortName })))
      .onConflictDoNothing();
    const deptId = await idsByCode(
      tx,
      departments,
      SEED_DEPARTMENTS.map((d) => d.code),
    );
    const areaId = new Map(WORK_AREAS.map((a) => [a.slug, a.id]));

    const indicatorValues = SEED_INDICATORS.map((ind, i) => {
      const departmentId = deptId.get(ind.department);
      if (departmentId === undefined) throw new Error(`seed: unknown department ${ind.department} for ${ind.code}`);
      return {
        code: ind.code,
        name: ind.name,
        unit: ind.unit,
        kind: ind.kind,
        direction: ind.direction,
        frequency: ind.frequency,
        planType: ind.planType,
        definition: ind.definition,
        areaId: ind.area ? (areaId.get(ind.area) ?? null) : null,
        section: ind.section,
        reviewGroup: ind.reviewGroup ?? null,
        departmentId,
        milestoneTotal: ind.milestoneTotal ?? null,
        headlineOrder: ind.headline ?? null,
        sortOrder: i + 1,
        sourceText: ind.source,
      };
    });
    await tx.insert(indicators).values(indicatorValues).onConflictDoNothing();
    const indId = await idsByCode(
      tx,
      indicators,
      SEED_INDICATORS.map((d) => d.code),
    );

    const figureValues = SEED_INDICATORS.flatMap((ind) =>
      ind.values.map((v) => ({
        indicatorId: indId.get(ind.code) ?? -1,
        year: v.year,
        month: 12,
        value: v.value,
        valueText: v.valueText ?? null,
        qualifier: v.qualifier,
        status: 'approved' as const,
        isDerived: v.derived ?? false,
        derivedNote: v.derivedNote ?? null,
        sourceText: ind.source,
        statedChange: v.statedChange ? String(v.statedChange.change) : null,
        statedChangeUnit: v.statedChange?.unit ?? null,
        statedChangeBasis: v.statedChange?.basis ?? null,
        statedChangeText: v.statedChange?.text ?? null,
        note: v.derived ? (v.derivedNote ?? null) : '政府工作报告公布数',
      })),
    );
    await tx.insert(actuals).values(figureValues).onConflictDoNothing();

    const details = {
      departments: SEED_DEPARTMENTS.length,
      indicators: SEED_INDICATORS.length,
      figures: figureValues.length,
    };
    await recordSeedRun(tx, REPORT_SEED_NAME, details, { action: 'seed.report', reason: '载入长治市政府工作报告数据' });
    return { applied: true, ...details };
  });
}
