/**
 * The indicator catalog (指标管理): list, create, edit, retire and restore; an indicator that holds figures
 * is never deleted. Each write: permission, zod, one transaction, the audit event in it. Edits carry the
 * version they were made against; a stale edit gets 409 with the current indicator and who saved it.
 */
import type { z } from 'zod';
import { type Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import {
  countIndicatorUses,
  deleteIndicatorRow,
  getDepartmentByCode,
  getIndicatorByCodeForUpdate,
  getLastWriter,
  insertIndicator,
  listCatalogRows,
  nextSortOrder,
  updateIndicatorIfVersion,
  type IndicatorRecord,
} from '@/db/queries/catalog';
import type { Actor } from '@/lib/domain/actor';
import type { AuditAction } from '@/lib/domain/audit-actions';
import { WORK_AREAS } from '@/lib/domain/types';
import { AppError, type FieldErrors } from '@/lib/errors';
import {
  createIndicatorSchema,
  deleteIndicatorSchema,
  indicatorCodeField,
  retireIndicatorSchema,
  updateIndicatorSchema,
} from '@/lib/validation/catalog';
import { parseOrThrow, throwIfFieldErrors } from '@/lib/validation/parse';
import { indicatorAuditView, parseRange, plainDecimal } from '../dashboards/catalog';
import { listDepartments } from './departments';
import { authorize, type ServiceOptions } from '@/lib/services/options';

export type IndicatorAdminView = Awaited<ReturnType<typeof listIndicatorsForAdmin>>[number];

/** GET /api/admin/indicators — the catalog with each indicator's use (figures and targets). */
export async function listIndicatorsForAdmin(
  actor: Actor,
  input: { includeRetired?: boolean } = {},
  options: ServiceOptions = {},
) {
  const { db } = await authorize(actor, 'catalog.manage', options);
  const rows = await listCatalogRows(db, { actor, includeRetired: input.includeRetired ?? true });
  return rows.map((r) => ({
    ...indicatorAuditView(r.indicator),
    departmentCode: r.departmentCode,
    departmentName: r.departmentName,
    departmentShortName: r.departmentShortName,
    areaSlug: r.areaSlug,
    areaName: r.areaName,
    section: r.indicator.section,
    actualCount: r.actualCount,
    targetCount: r.targetCount,
  }));
}

/** GET /api/admin/indicators — the catalog and the active departments an indicator may be assigned to. */
export async function getCatalogPage(actor: Actor, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'catalog.manage', options);
  const [items, departments] = await Promise.all([
    listIndicatorsForAdmin(actor, {}, { db }),
    listDepartments(actor, { db }),
  ]);
  return {
    items,
    departments: departments
      .filter((d) => d.isActive)
      .map((d) => ({ code: d.code, name: d.name, shortName: d.shortName })),
  };
}
export type CatalogPage = Awaited<ReturnType<typeof getCatalogPage>>;

function codeOf(raw: unknown): string {
  return parseOrThrow(indicatorCodeField, raw);
}

async function loadForWrite(tx: Db, code: string, version: number): Promise<IndicatorRecord> {
  const row = await getIndicatorByCodeForUpdate(tx, code);
  if (!row) throw new AppError('not_found', `指标 ${code} 不存在`);
  if (row.version !== version) {
    const savedBy = (await getLastWriter(tx, 'indicator', String(row.id))) ?? '他人';
    throw new AppError('conflict', `该指标已被${savedBy}修改，请核对后再保存（您填写的内容已保留）`, undefined, {
      current: indicatorAuditView(row),
      savedBy,
    });
  }
  return row;
}

/**
 * A change to one indicator: the permission, its code and `schema`'s input checked, then, in one transaction, the
 * row at the version the form was made against (404, or 409 with who saved it since) handed to `write`.
 */
async function writeIndicator<S extends z.ZodType<{ version: number }>, R>(
  actor: Actor,
  rawCode: unknown,
  schema: S,
  input: unknown,
  options: ServiceOptions,
  write: (tx: Db, before: IndicatorRecord, data: z.output<S>, now: Date) => Promise<R>,
): Promise<R> {
  const { db, now } = await authorize(actor, 'catalog.manage', options);
  const code = codeOf(rawCode);
  const data = parseOrThrow(schema, input);
  return db.transaction(async (tx) => write(tx, await loadForWrite(tx, code, data.version), data, now));
}

async function audit(
  tx: Db,
  actor: Actor,
  action: AuditAction,
  before: IndicatorRecord | null,
  after: IndicatorRecord | null,
  reason?: string | null,
) {
  const row = after ?? before;
  if (!row) return;
  await appendAuditEvent(tx, {
    actor,
    action,
    entityType: 'indicator',
    entityId: row.id,
    departmentId: row.departmentId,
    indicatorId: row.id,
    before: before ? indicatorAuditView(before) : null,
    after: after ? indicatorAuditView(after) : null,
    reason: reason || null,
  });
}

async function departmentIdOf(tx: Db, code: string, errors: FieldErrors): Promise<number | null> {
  const department = await getDepartmentByCode(tx, code);
  if (!department || !department.isActive) (errors.departmentCode ??= []).push(`「责任单位」${code} 不存在或已停用`);
  return department?.isActive ? department.id : null;
}

const areaIdOf = (slug: string | null) =>
  slug === null ? null : (WORK_AREAS.find((a) => a.slug === slug)?.id ?? null);

/** POST /api/admin/indicators */
export async function createIndicator(actor: Actor, input: unknown, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'catalog.manage', options);
  const data = parseOrThrow(createIndicatorSchema, input);
  return db.transaction(async (tx) => {
    const errors: FieldErrors = {};
    if (await getIndicatorByCodeForUpdate(tx, data.code))
      (errors.code ??= []).push(`「指标编码」${data.code} 已被使用`);
    const departmentId = await departmentIdOf(tx, data.departmentCode, errors);
    const range = parseRange(data.minValue, data.maxValue, data.unit, errors);
    throwIfFieldErrors(errors);
    const row = await insertIndicator(tx, {
      code: data.code,
      name: data.name,
      unit: data.unit,
      kind: data.kind,
      direction: data.direction,
      frequency: data.frequency,
      planType: data.planType,
      definition: data.definition,
      departmentId: departmentId ?? -1,
      areaId: areaIdOf(data.areaSlug),
      section: data.areaSlug ? 'area' : 'custom',
      minValue: range.min,
      maxValue: range.max,
      sortOrder: await nextSortOrder(tx),
    });
    if (!row)
      throw new AppError('conflict', `「指标编码」${data.code} 已被使用`, {
        code: [`「指标编码」${data.code} 已被使用`],
      });
    await audit(tx, actor, 'indicator.create', null, row);
    return indicatorAuditView(row);
  });
}

/** PATCH /api/admin/indicators/[code] — the code is permanent (imports and links refer to it). */
export async function updateIndicator(actor: Actor, rawCode: unknown, input: unknown, options: ServiceOptions = {}) {
  return writeIndicator(actor, rawCode, updateIndicatorSchema, input, options, async (tx, before, data) => {
    const errors: FieldErrors = {};
    const departmentId =
      data.departmentCode === undefined ? before.departmentId : await departmentIdOf(tx, data.departmentCode, errors);
    const unit = data.unit ?? before.unit;
    const range = parseRange(
      data.minValue === undefined ? plainDecimal(before.minValue) : data.minValue,
      data.maxValue === undefined ? plainDecimal(before.maxValue) : data.maxValue,
      unit,
      errors,
    );
    const next = {
      name: data.name ?? before.name,
      unit,
      kind: data.kind ?? before.kind,
      direction: data.direction ?? before.direction,
      frequency: data.frequency ?? before.frequency,
      planType: data.planType ?? before.planType,
      definition: data.definition ?? before.definition,
      departmentId: departmentId ?? before.departmentId,
      areaId: data.areaSlug === undefined ? before.areaId : areaIdOf(data.areaSlug),
      minValue: range.min,
      maxValue: range.max,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) =>
      k === 'minValue' || k === 'maxValue' ? plainDecimal(next[k]) !== plainDecimal(before[k]) : next[k] !== before[k],
    );
    if ((changed.includes('unit') || changed.includes('kind')) && (data.reason ?? '').length < 2) {
      const uses = await countIndicatorUses(tx, before.id);
      if (uses.actuals + uses.targets > 0) {
        (errors.reason ??= []).push(
          `该指标已有 ${uses.actuals} 个实绩、${uses.targets} 个目标，修改「单位」或「指标类型」须填写「修改原因」`,
        );
      }
    }
    throwIfFieldErrors(errors);
    if (changed.length === 0) return indicatorAuditView(before);
    const after = await updateIndicatorIfVersion(tx, before.id, before.version, next);
    if (!after) throw new AppError('conflict', '该指标已被他人修改，请刷新后再保存（您填写的内容已保留）');
    await audit(tx, actor, 'indicator.update', before, after, data.reason);
    return indicatorAuditView(after);
  });
}

/** POST /api/admin/indicators/[code] { action: 'retire' | 'unretire', version } — 停用 keeps every figure; 恢复 restores. */
export async function setIndicatorRetired(
  actor: Actor,
  rawCode: unknown,
  input: unknown,
  options: ServiceOptions = {},
) {
  return writeIndicator(actor, rawCode, retireIndicatorSchema, input, options, async (tx, before, data, now) => {
    const retired = data.action === 'retire';
    if (before.isRetired === retired) throw new AppError('conflict', retired ? '该指标已经停用' : '该指标未停用');
    const after = await updateIndicatorIfVersion(tx, before.id, before.version, {
      isRetired: retired,
      retiredAt: retired ? now : null,
    });
    if (!after) throw new AppError('conflict', '该指标已被他人修改，请刷新后再操作');
    await audit(tx, actor, retired ? 'indicator.retire' : 'indicator.unretire', before, after, data.reason);
    return indicatorAuditView(after);
  });
}

/** DELETE /api/admin/indicators/[code] — only an indicator nothing refers to (a mistaken entry); else retire it. */
export async function deleteIndicator(actor: Actor, rawCode: unknown, input: unknown, options: ServiceOptions = {}) {
  return writeIndicator(actor, rawCode, deleteIndicatorSchema, input, options, async (tx, before) => {
    const uses = await countIndicatorUses(tx, before.id);
    if (uses.actuals + uses.targets + uses.instructions > 0) {
      throw new AppError(
        'conflict',
        `该指标已有 ${uses.actuals} 个实绩、${uses.targets} 个目标、${uses.instructions} 条批示，不能删除；如不再使用，请“停用”`,
      );
    }
    const deleted = await deleteIndicatorRow(tx, before.id, before.version);
    if (!deleted) throw new AppError('conflict', '该指标已被他人修改，请刷新后再操作');
    await audit(tx, actor, 'indicator.delete', before, null);
    return { code: before.code, deleted: true };
  });
}
