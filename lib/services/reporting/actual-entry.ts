/**
 * Entering figures (填报): save a draft or submit, for the official's own department. One transaction:
 * checks, the conditional write (version), and the audit event. A stale write gets 409 with the stored
 * value and who saved it, so the form can show both.
 */
import { type Db } from '@/db/client';
import {
  getActualForUpdate,
  getIndicatorByCode,
  getPeriodLock,
  getUserDisplayName,
  insertActual,
  updateActualIfVersion,
  type ActualRecord,
} from '@/db/queries/actuals';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { getUnitByCode, getUnitById, type UnitRecord } from '@/db/queries/units';
import { listActualRows, listTargetRows } from '@/db/queries/figures';
import { requireFigureAccess, requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { parseFigure } from '@/lib/domain/figure-parse';
import { reportingMonthsText } from '@/lib/domain/labels';
import {
  comparePeriods,
  currentPeriod,
  formatPeriod,
  formatPeriodLabel,
  isDueMonth,
  type Period,
} from '@/lib/domain/period';
import { ROLLUP_RULE_LABELS } from '@/lib/domain/rollup';
import { buildSnapshot } from '@/lib/domain/snapshot';
import { reportsOwnFigures } from '@/lib/domain/units';
import { AppError } from '@/lib/errors';
import { saveActualSchema, type SaveActualInput } from '@/lib/validation/actuals';
import { parseOrThrow } from '@/lib/validation/parse';
import { getReportingSettings } from '../admin/settings';
import { authorize, type ServiceOptions } from '@/lib/services/options';

type IndicatorRecord = NonNullable<Awaited<ReturnType<typeof getIndicatorByCode>>>;

/**
 * Reference rows read once per transaction: an import writes thousands of figures in one transaction, and
 * neither the indicator nor the period lock can change under it (writeActual never writes them).
 */
const perTransaction = new WeakMap<Db, Map<string, Promise<unknown>>>();
function readOnce<T>(tx: Db, key: string, read: () => Promise<T>): Promise<T> {
  let memo = perTransaction.get(tx);
  if (!memo) perTransaction.set(tx, (memo = new Map()));
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) memo.set(key, (value = read()));
  return value;
}

/**
 * The audit event's fields for a figure just written (entered, imported or rolled up): the figure, its indicator and
 * department, what it was, and what it is with its period and `extra` (its unit, or the roll-up's note).
 */
export function figureWriteAudit(
  indicator: { id: number; departmentId: number },
  existing: ActualRecord | null,
  saved: ActualRecord,
  period: Period,
  extra: Record<string, unknown>,
) {
  return {
    entityType: 'actual',
    entityId: saved.id,
    departmentId: indicator.departmentId,
    indicatorId: indicator.id,
    before: existing ? actualAuditView(existing) : null,
    after: { ...actualAuditView(saved), period: formatPeriod(period), ...extra },
  };
}

/** The audit view of a figure: what it was and is, never internal columns. */
export function actualAuditView(row: ActualRecord) {
  return {
    value: row.value,
    valueText: row.valueText,
    qualifier: row.qualifier,
    status: row.status,
    version: row.version,
    note: row.note,
    explanation: row.explanation,
    evidenceUrl: row.evidenceUrl,
    returnReason: row.returnReason,
  };
}

/** The checks every write of a figure shares: the indicator is live, the period is due and open. */
export async function assertPeriodWritable(tx: Db, indicator: IndicatorRecord, period: Period, now: Date) {
  if (indicator.isRetired) {
    throw new AppError('invalid_input', '该指标已停用，不能再填报', { indicatorCode: ['该指标已停用，不能再填报'] });
  }
  if (!isDueMonth(indicator.frequency, period.month)) {
    const message = `「填报期」${formatPeriodLabel(period)}不是该指标的填报期：${reportingMonthsText(indicator.frequency)}`;
    throw new AppError('invalid_input', message, { period: [message] });
  }
  if (comparePeriods(period, currentPeriod(now)) > 0) {
    const message = `「填报期」${formatPeriodLabel(period)}尚未到来，不能提前填报`;
    throw new AppError('invalid_input', message, { period: [message] });
  }
  const lock = await readOnce(tx, `lock:${period.year}-${period.month}`, () =>
    getPeriodLock(tx, period.year, period.month),
  );
  if (lock)
    throw new AppError(
      'locked',
      `${formatPeriodLabel(period)}已关账，不能填报或修改${lock.reason ? `（${lock.reason}）` : ''}`,
    );
}

/**
 * The unit a figure is written for: the one named (`unitCode`), else the actor's own unit, else none (the city's
 * own figure). An unknown unit is 404; an inactive one or the city itself is refused.
 */
async function figureUnit(tx: Db, actor: Actor, unitCode: string | undefined): Promise<UnitRecord | null> {
  const code = unitCode?.toLowerCase();
  const unit = code
    ? await readOnce(tx, `unit:${code}`, () => getUnitByCode(tx, code))
    : actor.unitId != null
      ? await readOnce(tx, `unit#${actor.unitId}`, () => getUnitById(tx, actor.unitId ?? -1))
      : null;
  if (code && !unit) throw new AppError('not_found', `县区「${code}」不存在`, { unitCode: [`县区「${code}」不存在`] });
  if (!unit) return null;
  if (!unit.isActive)
    throw new AppError('invalid_input', `「${unit.name}」已停用，不能填报`, { unitCode: [`「${unit.name}」已停用`] });
  if (!reportsOwnFigures(unit.kind))
    throw new AppError('invalid_input', '市本级数据不指定县区', { unitCode: ['市本级数据不指定县区'] });
  return unit;
}

async function conflict(tx: Db, current: ActualRecord): Promise<never> {
  const savedBy = await getUserDisplayName(tx, current.submittedBy ?? current.enteredBy);
  throw new AppError(
    'conflict',
    `该数据已被${savedBy ?? '他人'}修改，请核对后再保存（您填写的内容已保留）`,
    undefined,
    {
      current: { ...actualAuditView(current), updatedAt: current.updatedAt.toISOString() },
      savedBy,
    },
  );
}

/** Would this value put the indicator behind expected progress? Then a 情况说明 is required on submit. */
async function isBehind(tx: Db, actor: Actor, indicator: IndicatorRecord, period: Period, value: string, now: Date) {
  const [targets, figures, settings] = await Promise.all([
    listTargetRows(tx, { year: period.year, indicatorIds: [indicator.id] }),
    listActualRows(tx, {
      scope: 'dashboard',
      years: [period.year],
      throughMonth: period.month,
      indicatorIds: [indicator.id],
    }),
    getReportingSettings(tx),
  ]);
  const others = figures.filter((f) => f.month !== period.month);
  const snapshot = buildSnapshot({
    indicator,
    period,
    figures: [
      ...others,
      {
        year: period.year,
        month: period.month,
        value,
        valueText: null,
        qualifier: 'exact',
        isSample: false,
        isDerived: false,
      },
    ],
    target: targets[0] ?? null,
    now,
    dueDay: settings.dueDay,
    tolerances: settings.tolerances,
  });
  return snapshot.status === 'yellow' || snapshot.status === 'red';
}

export interface SaveActualResult {
  actual: ActualRecord;
  needsExplanation: boolean;
}

/** PUT /api/actuals: save a draft or submit one figure. */
export async function saveActual(
  actor: Actor,
  input: unknown,
  options: ServiceOptions = {},
): Promise<SaveActualResult> {
  const { db, now } = await authorize(actor, 'actual.enter', options);
  const data: SaveActualInput = parseOrThrow(saveActualSchema, input);
  return db.transaction((tx) => writeActual(tx, actor, data, now));
}

/**
 * The one write of a figure, inside the caller's transaction (the form saves one; an import commits many
 * in one transaction). `import` mode writes over the stored version instead of requiring the form's.
 */
export async function writeActual(
  tx: Db,
  actor: Actor,
  data: SaveActualInput,
  now: Date,
  mode: 'form' | 'import' = 'form',
): Promise<SaveActualResult> {
  requirePermission(actor, 'actual.enter');
  const indicator = await readOnce(tx, `indicator:${data.indicatorCode}`, () =>
    getIndicatorByCode(tx, data.indicatorCode),
  );
  if (!indicator) throw new AppError('not_found', '指标不存在', { indicatorCode: ['指标不存在'] });
  const unit = await figureUnit(tx, actor, data.unitCode);
  requireFigureAccess(actor, {
    departmentId: indicator.departmentId,
    trackedByUnit: indicator.trackedByUnit,
    unitId: unit?.id ?? null,
  });
  if (unit && !indicator.trackedByUnit) {
    throw new AppError('invalid_input', '该指标不按县区填报', { unitCode: ['该指标不按县区填报'] });
  }
  if (!unit && indicator.trackedByUnit && indicator.rollupRule && indicator.rollupRule !== 'entered') {
    const message = `该指标的全市数据由县区汇总（${ROLLUP_RULE_LABELS[indicator.rollupRule]}），不能直接填报`;
    throw new AppError('invalid_input', message, { indicatorCode: [message] });
  }
  await assertPeriodWritable(tx, indicator, data.period, now);
  const parsed = parseFigure(data.value, {
    field: '实绩值',
    unit: indicator.unit,
    min: indicator.minValue,
    max: indicator.maxValue,
  });
  if (!parsed.ok) throw new AppError('invalid_input', parsed.message, { value: [parsed.message] });

  const unitId = unit?.id ?? null;
  const existing = await getActualForUpdate(tx, indicator.id, data.period.year, data.period.month, unitId);
  if (mode === 'form' && existing && existing.version !== data.version) return conflict(tx, existing);
  if (mode === 'form' && !existing && data.version !== null) {
    throw new AppError('conflict', '该数据的版本已变化，请刷新后再保存（您填写的内容已保留）');
  }
  if (existing?.status === 'approved')
    throw new AppError('locked', '该数据已审核通过并锁定；如需修改，请联系系统管理员重新打开');
  if (existing?.status === 'submitted')
    throw new AppError('locked', '该数据已提交，正在等待审核；如需修改，请联系审核员退回');

  const submit = data.action === 'submit';
  // The form warns on drafts too; an imported draft is only checked when it is submitted.
  // A unit's figure is judged against the unit's own target on the unit views, not against the city's path.
  const behind =
    !unit && (submit || mode === 'form') ? await isBehind(tx, actor, indicator, data.period, parsed.value, now) : false;
  const explanation = data.explanation || existing?.explanation || '';
  if (submit && behind && !explanation) {
    const message = '本期数据落后于序时进度，提交前请填写「情况说明」';
    throw new AppError('invalid_input', message, { explanation: [message] });
  }
  const fields = {
    value: parsed.value,
    valueText: null,
    qualifier: data.qualifier ?? existing?.qualifier ?? 'exact',
    note: data.note ?? existing?.note ?? null,
    explanation: explanation || null,
    evidenceUrl: data.evidenceUrl ?? existing?.evidenceUrl ?? null,
    status: submit ? ('submitted' as const) : ('draft' as const),
    enteredBy: actor.id,
    enteredAt: now,
    submittedBy: submit ? actor.id : (existing?.submittedBy ?? null),
    submittedAt: submit ? now : (existing?.submittedAt ?? null),
  };
  const saved = existing
    ? await updateActualIfVersion(tx, existing.id, existing.version, fields)
    : await insertActual(tx, {
        indicatorId: indicator.id,
        year: data.period.year,
        month: data.period.month,
        unitId,
        ...fields,
      });
  if (!saved) {
    const current = await getActualForUpdate(tx, indicator.id, data.period.year, data.period.month, unitId);
    if (current) return conflict(tx, current);
    throw new AppError('conflict');
  }
  await appendAuditEvent(tx, {
    actor,
    action: submit ? 'actual.submit' : 'actual.save_draft',
    reason: mode === 'import' ? '批量导入' : null,
    ...figureWriteAudit(indicator, existing, saved, data.period, unit ? { unit: unit.code, unitName: unit.name } : {}),
    at: now,
  });
  return { actual: saved, needsExplanation: behind };
}
