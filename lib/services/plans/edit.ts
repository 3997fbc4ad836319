/**
 * The admin edits a plan indicator's path: its kind (straight, compound, typed by year), the final-year target or
 * 年均增长 X%, the per-year values, and which indicator's figure is the baseline. Validated (every problem named
 * by field, nothing stored), written with its before and after in one audit event in the same transaction.
 * A closed plan (十四五, the review) is not edited.
 */
import { getIndicatorByCode } from '@/db/queries/actuals';
import { listIndicatorRows } from '@/db/queries/figures';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { getPlanByCode, getPlanIndicatorForUpdate, updatePlanIndicatorRow } from '@/db/queries/plans';
import type { Actor } from '@/lib/domain/actor';
import { toDecimalString } from '@/lib/domain/decimal';
import { checkPlanPathEdit } from '@/lib/domain/plan-edit';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { planIndicatorEditSchema } from '@/lib/validation/plans';
import { authorize, type ServiceOptions } from '@/lib/services/options';
import { CLOSED_PLAN_CODE } from './plan';

function invalid(errors: Record<string, string[]>): never {
  throw new AppError('invalid_input', Object.values(errors).flat().join('；'), errors);
}

/** PUT /api/plans/[code]/indicators — change one plan indicator's path (audited with before and after). */
export async function updatePlanIndicator(
  actor: Actor,
  planCode: string,
  input: unknown,
  options: ServiceOptions = {},
) {
  const { db, now } = await authorize(actor, 'target.manage', options);
  const data = parseOrThrow(planIndicatorEditSchema, input);
  return db.transaction(async (tx) => {
    const plan = await getPlanByCode(tx, planCode);
    if (!plan) throw new AppError('not_found', `规划「${planCode}」不存在`);
    if (plan.code === CLOSED_PLAN_CODE) throw new AppError('conflict', `“${plan.name}”规划已收官，其指标路径不再修改`);
    const indicator = await getIndicatorByCode(tx, data.indicatorCode);
    const row = indicator ? await getPlanIndicatorForUpdate(tx, plan.id, indicator.id) : null;
    if (!indicator || !row)
      throw new AppError('not_found', `指标「${data.indicatorCode}」不在“${plan.name}”规划中`, {
        indicatorCode: ['该指标不在本规划中'],
      });
    const checked = checkPlanPathEdit(data, {
      firstYear: plan.firstYear,
      lastYear: plan.lastYear,
      unit: indicator.unit,
    });
    const errors: Record<string, string[]> = checked.ok ? {} : { ...checked.errors };
    let baselineIndicatorId: number | null = null;
    if (data.baselineIndicatorCode && data.baselineIndicatorCode !== indicator.code) {
      const linked = await getIndicatorByCode(tx, data.baselineIndicatorCode);
      if (!linked || linked.isRetired)
        errors.baselineIndicatorCode = [`「基期指标」「${data.baselineIndicatorCode}」不存在或已停用`];
      else if (linked.unit !== indicator.unit)
        errors.baselineIndicatorCode = [
          `「基期指标」「${linked.name}」的单位（${linked.unit}）与「${indicator.name}」（${indicator.unit}）不同，不能作为基期`,
        ];
      else baselineIndicatorId = linked.id;
    }
    if (!checked.ok || Object.keys(errors).length) invalid(errors);
    const after = { ...checked.values, baselineIndicatorId };
    const before = {
      pathKind: row.pathKind,
      finalTarget: row.finalTarget === null ? null : toDecimalString(row.finalTarget),
      annualGrowth: row.annualGrowth === null ? null : toDecimalString(row.annualGrowth),
      typedValues: row.typedValues,
      baselineIndicatorId: row.baselineIndicatorId,
    };
    if (JSON.stringify(before) === JSON.stringify(after))
      return { indicatorCode: indicator.code, status: 'unchanged' as const };
    await updatePlanIndicatorRow(tx, row.id, after);
    await appendAuditEvent(tx, {
      actor,
      action: 'plan.indicator_update',
      entityType: 'plan_indicator',
      entityId: `${plan.code}:${indicator.code}`,
      before,
      after,
      reason: data.reason || null,
      at: now,
    });
    return { indicatorCode: indicator.code, status: 'updated' as const };
  });
}

/** The indicators that may serve as a baseline (not retired), for the admin's edit form; it offers those of the same unit. */
export async function listBaselineChoices(actor: Actor, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'target.manage', options);
  const rows = await listIndicatorRows(db, {});
  return rows.map((r) => ({ code: r.code, name: r.name, unit: r.unit }));
}
export type BaselineChoice = Awaited<ReturnType<typeof listBaselineChoices>>[number];
