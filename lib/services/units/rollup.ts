/**
 * Rolling unit figures up to the city (lib/domain/rollup.ts) for indicators tracked by unit: read set-based, and
 * written as the city's own figure when a unit figure is approved or reopened — so every city view (the overview,
 * the areas, the departments, the cockpit) shows the rolled-up figure, marked as derived with its rule. A roll-up
 * counts approved unit figures only; while one is missing the city figure is not written, and a city figure made
 * by an earlier complete roll-up is set aside (returned) with the reason.
 */
import type { Db } from '@/db/client';
import { getActualForUpdate, insertActual, updateActualIfVersion } from '@/db/queries/actuals';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { listUnitFigures, listUnitTargets, listUnits, type UnitRecord } from '@/db/queries/units';
import type { Actor } from '@/lib/domain/actor';
import { ROLLUP_RULE_LABELS, rollUp, type RollupResult, type RollupUnit } from '@/lib/domain/rollup';
import type { RollupRule } from '@/lib/domain/types';
import { countsInRollup } from '@/lib/domain/units';
import { figureWriteAudit } from '../reporting/actual-entry';

export interface RollupIndicator {
  id: number;
  name: string;
  trackedByUnit: boolean;
  rollupRule: RollupRule | null;
  rollupWeightIndicatorId: number | null;
  milestoneTotal: string | null;
}

/** The units whose figures make up the city's: active districts and counties, in display order. */
export function rollupUnitsOf(all: readonly UnitRecord[]): RollupUnit[] {
  return all.filter((u) => u.isActive && countsInRollup(u.kind)).map((u) => ({ id: u.id, name: u.name }));
}

/**
 * The roll-up of each tracked indicator for one period, from approved unit figures: three statements whatever the
 * number of indicators (units, figures of the indicators and their weights, unit targets).
 */
export async function computeRollups(
  db: Db,
  args: {
    indicators: readonly RollupIndicator[];
    year: number;
    month: number;
    units?: readonly UnitRecord[];
    weightNames?: ReadonlyMap<number, string>;
  },
): Promise<Map<number, RollupResult>> {
  const tracked = args.indicators.filter((i) => i.trackedByUnit && i.rollupRule);
  const result = new Map<number, RollupResult>();
  if (!tracked.length) return result;
  const ids = [
    ...new Set(tracked.flatMap((i) => [i.id, ...(i.rollupWeightIndicatorId ? [i.rollupWeightIndicatorId] : [])])),
  ];
  const [allUnits, figures, targets] = await Promise.all([
    args.units ? Promise.resolve(args.units) : listUnits(db),
    listUnitFigures(db, { year: args.year, month: args.month, indicatorIds: ids, approvedOnly: true }),
    listUnitTargets(db, {
      year: args.year,
      indicatorIds: tracked.filter((i) => i.rollupRule === 'all_done').map((i) => i.id),
    }),
  ]);
  const units = rollupUnitsOf(allUnits);
  const byIndicator = new Map<number, Map<number, string | null>>();
  for (const f of figures) {
    let m = byIndicator.get(f.indicatorId);
    if (!m) byIndicator.set(f.indicatorId, (m = new Map()));
    m.set(f.unitId, f.value);
  }
  const totals = new Map<number, Map<number, string | null>>();
  for (const t of targets) {
    let m = totals.get(t.indicatorId);
    if (!m) totals.set(t.indicatorId, (m = new Map()));
    m.set(t.unitId, t.value);
  }
  for (const indicator of tracked) {
    const weightId = indicator.rollupWeightIndicatorId;
    result.set(
      indicator.id,
      rollUp({
        rule: indicator.rollupRule ?? 'entered',
        units,
        values: byIndicator.get(indicator.id) ?? new Map(),
        weights: weightId ? (byIndicator.get(weightId) ?? new Map()) : undefined,
        weightName: weightId ? (args.weightNames?.get(weightId) ?? null) : null,
        unitTotals: totals.get(indicator.id),
        milestoneTotal: indicator.milestoneTotal,
      }),
    );
  }
  return result;
}

/**
 * After a unit figure of `indicator` was approved or reopened (inside that transaction): the city figure of the
 * period follows the roll-up. Audited as `actual.rollup` with the rule and the units counted.
 */
export async function refreshCityFigure(
  tx: Db,
  actor: Actor,
  indicator: RollupIndicator & { departmentId: number },
  period: { year: number; month: number },
  now: Date,
) {
  if (!indicator.trackedByUnit || !indicator.rollupRule || indicator.rollupRule === 'entered') return;
  const rollups = await computeRollups(tx, { indicators: [indicator], ...period });
  const rollup = rollups.get(indicator.id);
  if (!rollup) return;
  const existing = await getActualForUpdate(tx, indicator.id, period.year, period.month, null);
  const note = `由县区汇总（${ROLLUP_RULE_LABELS[indicator.rollupRule]}）：${rollup.text}`;
  let saved = null;
  if (rollup.state === 'complete') {
    const fields = {
      value: rollup.value,
      valueText: null,
      status: 'approved' as const,
      isDerived: true,
      derivedNote: note,
      approvedBy: actor.id,
      approvedAt: now,
      returnReason: null,
    };
    if (
      existing &&
      existing.isDerived &&
      existing.status === 'approved' &&
      existing.value !== null &&
      Number(existing.value) === Number(rollup.value)
    )
      return;
    saved = existing
      ? await updateActualIfVersion(tx, existing.id, existing.version, fields)
      : await insertActual(tx, { indicatorId: indicator.id, year: period.year, month: period.month, ...fields });
  } else if (existing?.isDerived && existing.status === 'approved') {
    saved = await updateActualIfVersion(tx, existing.id, existing.version, {
      status: 'returned',
      returnedBy: actor.id,
      returnedAt: now,
      returnReason: `县区数据有变化，汇总待更新：${rollup.text}`,
      returnedValue: existing.value,
    });
  }
  if (!saved) return;
  await appendAuditEvent(tx, {
    actor,
    action: 'actual.rollup',
    ...figureWriteAudit(indicator, existing, saved, period, { unit: null, rollup: note }),
    reason: note,
    at: now,
  });
}
