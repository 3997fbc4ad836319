/**
 * Reviewing figures (审核): approve or return (退回) with a reason, for the reviewer's own department;
 * reopening an approved figure (admin, with a reason); closing a period for the whole city.
 */
import type { z } from 'zod';
import {
  getActualByIdForUpdate,
  getIndicatorById,
  getPeriodLock,
  listActualEditorIds,
  lockPeriod,
  unlockPeriod,
  updateActualIfVersion,
  type ActualRecord,
} from '@/db/queries/actuals';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { getUnitById } from '@/db/queries/units';
import { requireFigureAccess } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import type { AuditAction } from '@/lib/domain/audit-actions';
import { formatPeriod, formatPeriodLabel } from '@/lib/domain/period';
import { AppError } from '@/lib/errors';
import { periodLockSchema, reopenActualSchema, returnActualSchema, reviewActualSchema } from '@/lib/validation/actuals';
import { parseOrThrow } from '@/lib/validation/parse';
import { actualAuditView } from './actual-entry';
import { authorize, type ServiceOptions } from '@/lib/services/options';
import { refreshCityFigure } from '@/lib/services/units/rollup';

function parseId(id: unknown): number {
  const n = typeof id === 'string' && /^\d{1,9}$/.test(id) ? Number(id) : typeof id === 'number' ? id : NaN;
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('invalid_input', '「数据编号」无效', { id: ['「数据编号」无效'] });
  return n;
}

/** One review step: who may take it, from which state, what it changes and the audit event it writes. */
interface Transition<S extends z.ZodType<{ version: number; reason?: string }>> {
  permission: 'actual.review' | 'actual.reopen';
  from: ActualRecord['status'];
  action: AuditAction;
  wrongState: string;
  /** 职责分离: the actor may not be the submitter nor anyone who edited the figure since its last return. */
  notByEditors?: boolean;
  /** The request's version and reason (the reason is the audit event's). */
  schema: S;
  change: (row: ActualRecord, data: z.output<S>, now: Date) => Partial<ActualRecord>;
}

/** Checks the input, then loads the figure under lock and checks permission, department, state, version and the period lock. */
async function transition<S extends z.ZodType<{ version: number; reason?: string }>>(
  actor: Actor,
  rawId: unknown,
  input: unknown,
  options: ServiceOptions,
  rule: Transition<S>,
): Promise<ActualRecord> {
  const { db, now } = await authorize(actor, rule.permission, options);
  const data = parseOrThrow(rule.schema, input);
  const { version } = data;
  const reason = data.reason || null;
  const id = parseId(rawId);
  return db.transaction(async (tx) => {
    const row = await getActualByIdForUpdate(tx, id);
    if (!row) throw new AppError('not_found', '数据不存在');
    const indicator = await getIndicatorById(tx, row.indicatorId);
    if (!indicator) throw new AppError('not_found', '指标不存在');
    requireFigureAccess(actor, {
      departmentId: indicator.departmentId,
      trackedByUnit: indicator.trackedByUnit,
      unitId: row.unitId,
    });
    if (row.version !== version) {
      throw new AppError('conflict', '该数据已被他人修改，请刷新后再操作', undefined, {
        current: actualAuditView(row),
      });
    }
    if (row.status !== rule.from)
      throw new AppError('conflict', rule.wrongState, undefined, { current: actualAuditView(row) });
    if (rule.notByEditors && actor.id !== null) {
      const editors = new Set([row.submittedBy, row.enteredBy, ...(await listActualEditorIds(tx, row.id))]);
      if (editors.has(actor.id)) {
        throw new AppError('forbidden', '不能审核自己填报、修改或提交过的数据（职责分离）：请由本单位的其他审核员审核');
      }
    }
    const lock = await getPeriodLock(tx, row.year, row.month);
    if (lock) throw new AppError('locked', `${formatPeriodLabel(row)}已关账，不能再审核或修改`);
    const saved = await updateActualIfVersion(tx, row.id, row.version, rule.change(row, data, now));
    if (!saved) throw new AppError('conflict', '该数据已被他人修改，请刷新后再操作');
    const unit = row.unitId === null ? null : await getUnitById(tx, row.unitId);
    const unitFields = unit ? { unit: unit.code, unitName: unit.name } : {};
    await appendAuditEvent(tx, {
      actor,
      action: rule.action,
      entityType: 'actual',
      entityId: row.id,
      departmentId: indicator.departmentId,
      indicatorId: indicator.id,
      before: { ...actualAuditView(row), ...unitFields },
      after: { ...actualAuditView(saved), ...unitFields },
      reason,
      at: now,
    });
    // A unit figure approved or reopened: the city figure follows its roll-up rule.
    if (unit && rule.action !== 'actual.return') await refreshCityFigure(tx, actor, indicator, row, now);
    return saved;
  });
}

/** POST /api/actuals/[id]/approve — locks the figure. */
export async function approveActual(actor: Actor, id: unknown, input: unknown, options: ServiceOptions = {}) {
  return transition(actor, id, input, options, {
    permission: 'actual.review',
    from: 'submitted',
    action: 'actual.approve',
    wrongState: '只能审核已提交的数据',
    notByEditors: true,
    schema: reviewActualSchema,
    change: (_row, _data, now) => ({ status: 'approved', approvedBy: actor.id, approvedAt: now }),
  });
}

/** POST /api/actuals/[id]/return — back to the department with a required reason. */
export async function returnActual(actor: Actor, id: unknown, input: unknown, options: ServiceOptions = {}) {
  return transition(actor, id, input, options, {
    permission: 'actual.review',
    from: 'submitted',
    action: 'actual.return',
    wrongState: '只能退回已提交的数据',
    schema: returnActualSchema,
    change: (row, data, now) => ({
      status: 'returned',
      returnedBy: actor.id,
      returnedAt: now,
      returnReason: data.reason,
      returnedValue: row.value,
    }),
  });
}

/** POST /api/actuals/[id]/reopen — an admin reopens an approved figure for correction. */
export async function reopenActual(actor: Actor, id: unknown, input: unknown, options: ServiceOptions = {}) {
  return transition(actor, id, input, options, {
    permission: 'actual.reopen',
    from: 'approved',
    action: 'actual.reopen',
    wrongState: '只能重新打开已审核通过的数据',
    schema: reopenActualSchema,
    change: (row, data, now) => ({
      status: 'returned',
      reopenedBy: actor.id,
      reopenedAt: now,
      reopenReason: data.reason,
      returnReason: `管理员重新打开：${data.reason}`,
      returnedValue: row.value,
    }),
  });
}

/** POST/DELETE /api/periods/lock — close or reopen a period for the whole city. */
export async function setPeriodLocked(actor: Actor, input: unknown, locked: boolean, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'period.lock', options);
  const data = parseOrThrow(periodLockSchema, input);
  return db.transaction(async (tx) => {
    const { year, month } = data.period;
    const existing = await getPeriodLock(tx, year, month);
    if (locked && existing) throw new AppError('conflict', `${formatPeriodLabel(data.period)}已经关账`);
    if (!locked && !existing) throw new AppError('conflict', `${formatPeriodLabel(data.period)}尚未关账`);
    const row = locked
      ? await lockPeriod(tx, { year, month, lockedBy: actor.id, reason: data.reason || null })
      : await unlockPeriod(tx, year, month);
    await appendAuditEvent(tx, {
      actor,
      action: locked ? 'period.lock' : 'period.unlock',
      entityType: 'period',
      entityId: formatPeriod({ year, month }),
      before: existing ? { locked: true, reason: existing.reason } : { locked: false },
      after: { locked, reason: data.reason || null },
      reason: data.reason || null,
    });
    return { year, month, locked, lockedAt: row && 'lockedAt' in row ? row.lockedAt : null };
  });
}
