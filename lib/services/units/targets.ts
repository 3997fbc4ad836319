/**
 * Handing targets down to units (分解到县区) and choosing how an indicator's units roll up to the city: the system
 * administrator's writes on /admin/targets, each checked by lib/domain (rollup.ts, decomposition.ts) and written in
 * one transaction with its audit event. A refused write stores nothing.
 */

import type { Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { getIndicatorByCodeForUpdate, updateIndicatorIfVersion } from '@/db/queries/catalog';
import { getIndicatorByCode } from '@/db/queries/actuals';
import { getTargetForUpdate } from '@/db/queries/targets';
import { listTargetRows } from '@/db/queries/figures';
import { listTrackedIndicators, listUnits, listUnitTargets, replaceUnitTargets } from '@/db/queries/units';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { validateDecomposition } from '@/lib/domain/decomposition';
import { toMicros } from '@/lib/domain/exact6';
import { checkRollupRule } from '@/lib/domain/rollup';
import { countsInRollup, reportsOwnFigures } from '@/lib/domain/units';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { decompositionSchema, rollupSettingSchema, type DecompositionRequest } from '@/lib/validation/units';
import { authorize, type ServiceOptions } from '@/lib/services/options';

function rollupView(row: {
  trackedByUnit: boolean;
  rollupRule: string | null;
  rollupWeightIndicatorId: number | null;
}) {
  return {
    trackedByUnit: row.trackedByUnit,
    rollupRule: row.rollupRule,
    rollupWeightIndicatorId: row.rollupWeightIndicatorId,
  };
}

/** PUT /api/admin/indicators/[code]/rollup — tracked by unit or not, and the rule (with a weight indicator for a weighted rate). */
export async function setIndicatorRollup(actor: Actor, code: string, input: unknown, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'catalog.manage', options);
  const data = parseOrThrow(rollupSettingSchema, input);
  return db.transaction(async (tx) => {
    const before = await getIndicatorByCodeForUpdate(tx, code);
    if (!before) throw new AppError('not_found', '指标不存在');
    if (data.trackedByUnit && !data.rule)
      throw new AppError('invalid_input', '按县区填报的指标须选择「汇总方式」', { rule: ['请选择「汇总方式」'] });
    const weight =
      data.trackedByUnit && data.weightIndicatorCode ? await getIndicatorByCode(tx, data.weightIndicatorCode) : null;
    if (data.trackedByUnit && data.weightIndicatorCode && !weight) {
      throw new AppError('invalid_input', `权重指标「${data.weightIndicatorCode}」不存在`, {
        weightIndicatorCode: ['权重指标不存在'],
      });
    }
    if (weight && weight.id === before.id)
      throw new AppError('invalid_input', '指标不能以自身作为权重', {
        weightIndicatorCode: ['指标不能以自身作为权重'],
      });
    if (data.trackedByUnit && data.rule) {
      const problem = checkRollupRule({ kind: before.kind, rule: data.rule, weight });
      if (problem) throw new AppError('invalid_input', problem, { rule: [problem] });
    }
    const set = data.trackedByUnit
      ? { trackedByUnit: true, rollupRule: data.rule ?? null, rollupWeightIndicatorId: weight?.id ?? null }
      : { trackedByUnit: false, rollupRule: null, rollupWeightIndicatorId: null };
    const after = await updateIndicatorIfVersion(tx, before.id, before.version, set);
    if (!after) throw new AppError('conflict', '该指标已被他人修改，请刷新后再试');
    await appendAuditEvent(tx, {
      actor,
      action: 'indicator.update',
      entityType: 'indicator',
      entityId: after.code,
      departmentId: after.departmentId,
      indicatorId: after.id,
      before: rollupView(before),
      after: rollupView(after),
    });
    return { code: after.code, ...rollupView(after) };
  });
}

/** PUT /api/admin/targets/[code]/units — replaces the indicator's unit targets of a year. */
export async function decomposeTarget(actor: Actor, code: string, input: unknown, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'target.manage', options);
  const data = parseOrThrow(decompositionSchema, input);
  return db.transaction((tx) => writeDecomposition(tx, actor, code, data));
}

/**
 * The one write of a decomposition, inside the caller's transaction (the form writes one; a target import writes one
 * per indicator and year whose unit rows it holds): checked whole by lib/domain/decomposition.ts, audited. `import`
 * leaves an unchanged decomposition alone (no audit event) and marks the event as a bulk import.
 */
export async function writeDecomposition(
  tx: Db,
  actor: Actor,
  code: string,
  data: DecompositionRequest,
  mode: 'form' | 'import' = 'form',
): Promise<{ code: string; year: number; status: 'written' | 'unchanged'; units: DecompositionView }> {
  requirePermission(actor, 'target.manage');
  const indicator = await getIndicatorByCodeForUpdate(tx, code);
  if (!indicator) throw new AppError('not_found', '指标不存在');
  if (!indicator.trackedByUnit || !indicator.rollupRule) {
    throw new AppError('invalid_input', '该指标不按县区填报，不能分解到县区；请先设为「按县区填报」', {
      indicatorCode: ['该指标不按县区填报'],
    });
  }
  const [target, units, stored] = await Promise.all([
    getTargetForUpdate(tx, indicator.id, data.year),
    listUnits(tx),
    listUnitTargets(tx, { year: data.year, indicatorIds: [indicator.id] }),
  ]);
  const candidates = units
    .filter((u) => u.isActive && reportsOwnFigures(u.kind))
    .map((u) => ({ id: u.id, code: u.code, name: u.name, counted: countsInRollup(u.kind) }));
  const checked = validateDecomposition({
    kind: indicator.kind,
    rule: indicator.rollupRule,
    cityTarget: target?.value ?? null,
    units: candidates,
    input: data.mode === 'shares' ? { mode: 'shares', shares: data.shares } : { mode: 'min_each', value: data.value },
  });
  if (!checked.ok) throw new AppError('invalid_input', checked.message, { shares: checked.messages });
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const view = (rows: readonly { unitId: number; value: string; qualifier: string }[]): DecompositionView =>
    rows.map((r) => ({ unit: codeOf.get(r.unitId) ?? String(r.unitId), value: r.value, qualifier: r.qualifier }));
  const after = view(checked.rows);
  if (mode === 'import' && sameDecomposition(view(stored), after)) {
    return { code: indicator.code, year: data.year, status: 'unchanged', units: after };
  }
  const before = await replaceUnitTargets(tx, {
    indicatorId: indicator.id,
    year: data.year,
    rows: checked.rows,
    updatedBy: actor.id,
  });
  await appendAuditEvent(tx, {
    actor,
    action: 'unit_target.decompose',
    entityType: 'unit_target',
    entityId: `${indicator.code}:${data.year}`,
    departmentId: indicator.departmentId,
    indicatorId: indicator.id,
    before: before.length ? { year: data.year, units: view(before) } : null,
    after: { year: data.year, mode: data.mode, units: after },
    reason: mode === 'import' ? '批量导入' : null,
  });
  return { code: indicator.code, year: data.year, status: 'written', units: after };
}

type DecompositionView = { unit: string; value: string; qualifier: string }[];

/** Equal as stored: the same units with the same values (compared exactly, "10" = "10.000000") and qualifiers. */
function sameDecomposition(a: DecompositionView, b: DecompositionView): boolean {
  const others = new Map(b.map((row) => [row.unit, row]));
  return (
    a.length === b.length &&
    a.every((row) => {
      const other = others.get(row.unit);
      return other !== undefined && row.qualifier === other.qualifier && toMicros(row.value) === toMicros(other.value);
    })
  );
}

/** GET /api/admin/targets/[code]/units?year= — the stored decomposition, for the form. */
export async function getDecomposition(actor: Actor, code: string, year: number, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'target.manage', options);
  const indicator = await getIndicatorByCode(db, code);
  if (!indicator) throw new AppError('not_found', '指标不存在');
  const [units, rows] = await Promise.all([listUnits(db), listUnitTargets(db, { year, indicatorIds: [indicator.id] })]);
  const byUnit = new Map(rows.map((r) => [r.unitId, r]));
  return {
    code: indicator.code,
    year,
    units: units
      .filter((u) => reportsOwnFigures(u.kind))
      .map((u) => ({
        code: u.code,
        name: u.name,
        kind: u.kind,
        counted: countsInRollup(u.kind),
        value: byUnit.get(u.id)?.value ?? null,
        qualifier: byUnit.get(u.id)?.qualifier ?? null,
      })),
  };
}

/** The tracked indicators of /admin/targets with the city target and each unit's target of a year (four statements). */
export async function listDecompositions(actor: Actor, year: number, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'target.manage', options);
  const [tracked, units, cityTargets] = await Promise.all([
    listTrackedIndicators(db),
    listUnits(db),
    listTargetRows(db, { year }),
  ]);
  const rows = await listUnitTargets(db, { year, indicatorIds: tracked.map((i) => i.id) });
  const cityOf = new Map(cityTargets.map((t) => [t.indicatorId, t.value]));
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  return {
    year,
    units: units
      .filter((u) => u.isActive && reportsOwnFigures(u.kind))
      .map((u) => ({ code: u.code, name: u.name, counted: countsInRollup(u.kind) })),
    indicators: tracked.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      rule: i.rollupRule,
      cityTarget: cityOf.get(i.id) ?? null,
      shares: rows
        .filter((r) => r.indicatorId === i.id)
        .map((r) => ({ unitCode: codeOf.get(r.unitId) ?? '', value: r.value, qualifier: r.qualifier })),
    })),
  };
}
export type Decompositions = Awaited<ReturnType<typeof listDecompositions>>;
