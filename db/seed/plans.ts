/**
 * The two five-year plans: 十四五 (2021–2025, closed: its view is the report's review) and 十五五 (2026–2030).
 * The government work report names no 十五五 targets, so every 十五五 plan indicator here is a sample path
 * (示例数据) from the indicator's 2025 figure — linked by indicator and year, never copied. Idempotent.
 */
import { eq } from 'drizzle-orm';
import type { PathKind } from '@/lib/domain/plan-path';
import type { Db } from '../client';
import { idsByCode } from './ids';
import { indicators, planIndicators, plans } from '../schema';
import { recordSeedRun, seedOnce } from './runs';

export const PLANS_SEED_NAME = 'plans-v1';
export const CURRENT_PLAN_CODE = 'fyp-15';
export const REVIEW_PLAN_CODE = 'fyp-14';
const SAMPLE_SOURCE = '示例数据：政府工作报告未载明“十五五”目标，此为示例路径';

interface SeedPlanIndicator {
  code: string;
  pathKind: PathKind;
  finalTarget?: string;
  annualGrowth?: string;
  typed?: Record<string, string>;
}

const FIFTEENTH: SeedPlanIndicator[] = [
  { code: 'INV-INVESTMENT', pathKind: 'compound', annualGrowth: '6' },
  { code: 'REF-EXPORTS', pathKind: 'compound', annualGrowth: '10' },
  { code: 'INN-NEW-LOANS', pathKind: 'straight', finalTarget: '400' },
  {
    code: 'LIV-NEW-URBAN-JOBS',
    pathKind: 'typed',
    typed: { 2026: '4.8', 2027: '4.85', 2028: '4.9', 2029: '4.95', 2030: '5' },
  },
  { code: 'INN-NET-NEW-FIRMS', pathKind: 'straight', finalTarget: '3200' },
  { code: 'REV-URBANIZATION', pathKind: 'straight', finalTarget: '65' },
  { code: 'REV-FOREST-COVERAGE', pathKind: 'straight', finalTarget: '29' },
  { code: 'REV-PM25', pathKind: 'straight', finalTarget: '27' },
  { code: 'INN-HIGH-TECH-FIRMS', pathKind: 'compound', finalTarget: '450' },
];

export async function seedPlans(db: Db): Promise<boolean> {
  return seedOnce(db, PLANS_SEED_NAME, false, async (tx) => {
    await tx
      .insert(plans)
      .values([
        {
          code: REVIEW_PLAN_CODE,
          name: '十四五',
          firstYear: 2021,
          lastYear: 2025,
          note: '已收官：对照“十三五”末（2020年）回顾',
        },
        { code: CURRENT_PLAN_CODE, name: '十五五', firstYear: 2026, lastYear: 2030, note: SAMPLE_SOURCE },
      ])
      .onConflictDoNothing();
    const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.code, CURRENT_PLAN_CODE));
    const idOf = await idsByCode(
      tx,
      indicators,
      FIFTEENTH.map((i) => i.code),
    );
    const values = FIFTEENTH.flatMap((p, i) => {
      const indicatorId = idOf.get(p.code);
      if (!plan || indicatorId === undefined) return [];
      return [
        {
          planId: plan.id,
          indicatorId,
          pathKind: p.pathKind,
          finalTarget: p.finalTarget ?? null,
          annualGrowth: p.annualGrowth ?? null,
          typedValues: p.typed ?? null,
          sourceText: SAMPLE_SOURCE,
          isSample: true,
          sortOrder: i + 1,
        },
      ];
    });
    if (values.length) await tx.insert(planIndicators).values(values).onConflictDoNothing();
    await recordSeedRun(tx, PLANS_SEED_NAME, { plans: 2, planIndicators: values.length });
    return true;
  });
}
