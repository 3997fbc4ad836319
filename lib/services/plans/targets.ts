/**
 * Annual targets drawn from a plan's path: the admin picks a plan year and confirms, and the path's value becomes
 * that year's target through the one target write (lib/services/targets.ts writeTarget) — versioned, a revision
 * once the year has begun, and audited like every target change, with the plan named as the reason.
 */
import { z } from 'zod';

import { getIndicatorByCode } from '@/db/queries/actuals';
import { getTargetForUpdate } from '@/db/queries/targets';
import type { Actor } from '@/lib/domain/actor';
import { toDecimalString } from '@/lib/domain/decimal';
import { PHASING_LABELS } from '@/lib/domain/labels';
import { AppError } from '@/lib/errors';
import { indicatorCodeField } from '@/lib/validation/catalog';
import { parseOrThrow } from '@/lib/validation/parse';
import { upsertTargetSchema, yearField } from '@/lib/validation/targets';
import { getPlan } from './plan';
import { writeTarget } from '../admin/targets';
import { authorize, type ServiceOptions } from '@/lib/services/options';

const adoptSchema = z.strictObject({
  indicatorCode: indicatorCodeField,
  year: yearField,
  reason: z.string({ error: '「说明」应为文字' }).trim().max(400, '「说明」不能超过 400 个字').optional(),
  /** The path value the admin confirmed: refused when the path has changed since (edited meanwhile). */
  confirmedValue: z.string({ error: '「确认的路径值」应为文字' }).max(64).optional(),
});

/** POST /api/plans/[code]/targets — make the plan path's value of `year` the indicator's annual target. */
export async function adoptPlanTarget(actor: Actor, planCode: string, input: unknown, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'target.manage', options);
  const data = parseOrThrow(adoptSchema, input);
  const view = await getPlan(actor, planCode, { db });
  const item = view.items.find((i) => i.code === data.indicatorCode);
  if (!item)
    throw new AppError('not_found', `指标「${data.indicatorCode}」不在“${view.plan.name}”规划中`, {
      indicatorCode: ['该指标不在本规划中'],
    });
  const point = item.path.find((p) => p.year === data.year);
  if (!point) {
    const message = item.path.length
      ? `${data.year} 年不在“${view.plan.name}”规划期内`
      : `「${item.name}」的规划路径无法推算：${item.progress.wording}`;
    throw new AppError('invalid_input', message, { year: [message] });
  }
  if (data.confirmedValue !== undefined && toDecimalString(data.confirmedValue) !== toDecimalString(point.value))
    throw new AppError(
      'conflict',
      `「${item.name}」${data.year}年的路径值已变为 ${point.value}${item.unit}（您确认的是 ${data.confirmedValue}），请刷新后重新确认`,
    );
  return db.transaction(async (tx) => {
    const indicator = await getIndicatorByCode(tx, item.code);
    const existing = indicator ? await getTargetForUpdate(tx, indicator.id, data.year) : null;
    if (existing && existing.phasing !== 'none') {
      const message = `该指标 ${data.year} 年目标已${PHASING_LABELS[existing.phasing]}，请在「目标管理」中连同分解目标一起修改`;
      throw new AppError('invalid_input', message, { year: [message] });
    }
    const reason = `采用“${view.plan.name}”规划路径值${data.reason ? `：${data.reason}` : ''}`;
    const target = parseOrThrow(upsertTargetSchema, {
      indicatorCode: item.code,
      year: data.year,
      value: point.value,
      qualifier: existing?.qualifier ?? 'exact',
      version: existing?.version ?? null,
      reason,
    });
    const result = await writeTarget(tx, actor, target, now, 'form');
    return { indicatorCode: item.code, year: data.year, value: point.value, status: result.status };
  });
}
