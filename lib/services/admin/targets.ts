/**
 * Annual targets (目标) with their qualifier and optional phasing (分解目标). One write path, `writeTarget`,
 * used by the form (one target, its version checked) and the import (many, in one transaction). A target
 * changed once its year has begun (Asia/Shanghai) needs a reason and shows as revised.
 */
import { type Db } from '@/db/client';
import { getIndicatorByCode, getUserDisplayName } from '@/db/queries/actuals';
import { appendAuditEvent } from '@/db/queries/audit-append';
import {
  getTargetForUpdate,
  insertTarget,
  listTargetsForAdmin,
  replaceTargetPhases,
  updateTargetIfVersion,
  type PhaseValue,
  type TargetWithPhases,
} from '@/db/queries/targets';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { parseFigure } from '@/lib/domain/figure-parse';
import { currentPeriod } from '@/lib/domain/period';
import { validatePhasing } from '@/lib/domain/phasing';
import { AppError, type FieldErrors } from '@/lib/errors';
import { parseOrThrow, throwIfFieldErrors } from '@/lib/validation/parse';
import { listTargetsQuerySchema, upsertTargetSchema, type UpsertTargetInput } from '@/lib/validation/targets';
import { plainDecimal } from '../dashboards/catalog';
import { isSameTarget, targetAuditView, type TargetState, type TargetView } from './target-list';
import { authorize, type ServiceOptions } from '@/lib/services/options';

type IndicatorRecord = NonNullable<Awaited<ReturnType<typeof getIndicatorByCode>>>;

/** Has the target's year begun in Shanghai at `now`? Then a change is a revision. */
export function hasYearBegun(year: number, now: Date): boolean {
  return currentPeriod(now).year >= year;
}

/** GET /api/admin/targets?year= — every indicator with its target of the year. */
export async function listTargets(actor: Actor, query: unknown, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'target.manage', options);
  const { year } = parseOrThrow(listTargetsQuerySchema, query);
  const rows = await listTargetsForAdmin(db, { year });
  return {
    year,
    hasBegun: hasYearBegun(year, now),
    items: rows.map((r) => ({
      indicator: {
        ...r.indicator,
        minValue: plainDecimal(r.indicator.minValue),
        maxValue: plainDecimal(r.indicator.maxValue),
        departmentShortName: r.departmentShortName,
        areaName: r.areaName,
      },
      target: r.target
        ? ({
            ...targetAuditView(r.indicator.code, r.target, r.phases),
            updatedAt: r.target.updatedAt.toISOString(),
            updatedByName: r.updatedByName,
          } satisfies TargetView)
        : null,
    })),
  };
}
export type TargetList = Awaited<ReturnType<typeof listTargets>>;

/** PUT /api/admin/targets — create or change one target. */
export async function upsertTarget(actor: Actor, input: unknown, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'target.manage', options);
  const data = parseOrThrow(upsertTargetSchema, input);
  return db.transaction((tx) => writeTarget(tx, actor, data, now, 'form'));
}

/** Parses value, phases and baseline with the indicator's unit; every problem goes into `errors`. */
function parseState(
  indicator: IndicatorRecord,
  data: UpsertTargetInput,
  existing: TargetWithPhases | null,
  errors: FieldErrors,
): TargetState | null {
  const opts = { unit: indicator.unit, min: indicator.minValue, max: indicator.maxValue };
  const value = parseFigure(data.value, { field: '全年目标', ...opts });
  if (!value.ok) (errors.value ??= []).push(value.message);
  const phases: PhaseValue[] = [];
  if (data.phasing === 'none' && data.phases.length > 0)
    (errors.phases ??= []).push('「分解方式」为不分解时，不应填写分解目标');
  for (const p of [...data.phases].sort((a, b) => a.month - b.month)) {
    const parsed = parseFigure(p.value, { field: `${p.month}月分解目标`, ...opts });
    if (parsed.ok) phases.push({ month: p.month, value: parsed.value });
    else (errors[`phases.${p.month}`] ??= []).push(parsed.message);
  }
  if (value.ok && data.phasing !== 'none' && phases.length === data.phases.length) {
    const check = validatePhasing({
      kind: indicator.kind,
      target: value.value,
      phasing: { kind: data.phasing, values: phases },
    });
    if (!check.ok) (errors.phases ??= []).push(...check.messages);
  }
  let baseline: string | null = existing?.baseline ?? null;
  if (data.baseline === null || data.baseline === '') baseline = null;
  else if (data.baseline !== undefined) {
    const parsed = parseFigure(data.baseline, { field: '基期值', unit: indicator.unit });
    if (parsed.ok) baseline = parsed.value;
    else (errors.baseline ??= []).push(parsed.message);
  }
  if (!value.ok) return null;
  return {
    value: value.value,
    qualifier: data.qualifier ?? existing?.qualifier ?? 'exact',
    phasing: data.phasing,
    phases,
    baseline,
  };
}

async function conflict(tx: Db, indicatorCode: string, current: TargetWithPhases): Promise<never> {
  const savedBy = await getUserDisplayName(tx, current.updatedBy ?? current.createdBy);
  throw new AppError(
    'conflict',
    `该目标已被${savedBy ?? '他人'}修改，请核对后再保存（您填写的内容已保留）`,
    undefined,
    {
      current: {
        ...targetAuditView(indicatorCode, current, current.phases),
        updatedAt: current.updatedAt.toISOString(),
      },
      savedBy,
    },
  );
}

export interface WriteTargetResult {
  target: TargetView;
  status: 'created' | 'updated' | 'unchanged';
}

/**
 * The one write of a target, inside the caller's transaction. `import` mode writes over the stored
 * version instead of requiring the form's. Throws AppError before any write when the input is refused.
 */
export async function writeTarget(
  tx: Db,
  actor: Actor,
  data: UpsertTargetInput,
  now: Date,
  mode: 'form' | 'import' = 'form',
): Promise<WriteTargetResult> {
  requirePermission(actor, 'target.manage');
  const indicator = await getIndicatorByCode(tx, data.indicatorCode);
  if (!indicator)
    throw new AppError('not_found', `「指标编码」${data.indicatorCode} 不存在`, { indicatorCode: ['指标不存在'] });
  if (indicator.isRetired) {
    throw new AppError('invalid_input', '该指标已停用，不能再设定目标', {
      indicatorCode: ['该指标已停用，不能再设定目标'],
    });
  }
  const existing = await getTargetForUpdate(tx, indicator.id, data.year);
  if (mode === 'form' && existing && existing.version !== data.version) return conflict(tx, indicator.code, existing);
  if (mode === 'form' && !existing && data.version !== null) {
    throw new AppError('conflict', '该目标的版本已变化，请刷新后再保存（您填写的内容已保留）');
  }
  const errors: FieldErrors = {};
  const next = parseState(indicator, data, existing, errors);
  throwIfFieldErrors(errors);
  if (!next) throw new AppError('invalid_input');
  if (existing && isSameTarget(existing, next)) {
    return { target: targetAuditView(indicator.code, existing, existing.phases), status: 'unchanged' };
  }
  const isRevision = existing !== null && hasYearBegun(data.year, now);
  const reason = data.reason ?? '';
  if (isRevision && reason.length < 2) {
    const message = `${data.year} 年度已开始，修改目标须填写「修订原因」`;
    throw new AppError('invalid_input', message, { reason: [message] });
  }
  const fields = {
    value: next.value,
    valueText: null,
    qualifier: next.qualifier,
    phasing: next.phasing,
    baseline: next.baseline,
    updatedBy: actor.id,
    ...(isRevision ? { isRevised: true, revisionReason: reason } : {}),
  };
  const saved = existing
    ? await updateTargetIfVersion(tx, existing.id, existing.version, fields)
    : await insertTarget(tx, { indicatorId: indicator.id, year: data.year, createdBy: actor.id, ...fields });
  if (!saved) {
    const current = await getTargetForUpdate(tx, indicator.id, data.year);
    if (current) return conflict(tx, indicator.code, current);
    throw new AppError('conflict');
  }
  await replaceTargetPhases(tx, saved.id, next.phases);
  const after = targetAuditView(indicator.code, saved, next.phases);
  await appendAuditEvent(tx, {
    actor,
    action: existing ? 'target.update' : 'target.create',
    entityType: 'target',
    entityId: saved.id,
    departmentId: indicator.departmentId,
    indicatorId: indicator.id,
    before: existing ? targetAuditView(indicator.code, existing, existing.phases) : null,
    after,
    reason: mode === 'import' ? `批量导入${reason ? `：${reason}` : ''}` : reason || null,
    at: now,
  });
  return { target: after, status: existing ? 'updated' : 'created' };
}
