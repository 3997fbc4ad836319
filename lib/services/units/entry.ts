/**
 * The entry sheet of a unit's official (县区填报): the indicators tracked by unit (of its department, when it has one)
 * due in the period, with the unit's own figure (drafts included) and the unit's own target. Same shape as the city
 * sheet (lib/services/reporting/entry-sheet.ts), so the one form serves both; saving goes to the unit's figure (lib/services/reporting/actual-entry.ts).
 */
import type { Db } from '@/db/client';
import { listPeriodLocks, listUnitPeriodActuals } from '@/db/queries/actuals';
import { getUnitById, listTrackedIndicators, listUnitFigures, listUnitTargets } from '@/db/queries/units';
import type { Actor } from '@/lib/domain/actor';
import { traitsOf } from '@/lib/domain/kind-traits';
import { isDueMonth, type Period } from '@/lib/domain/period';
import { AppError } from '@/lib/errors';
import { getReportingSettings } from '../admin/settings';
import { entryActualView, entryIndicatorView, entryRowState, loadEntryFigures } from '../reporting/entry-rows';

export async function getUnitEntrySheet(db: Db, actor: Actor, period: Period, now: Date) {
  const unitId = actor.unitId ?? -1;
  const [unit, tracked, settings, locks, targets, figures] = await Promise.all([
    getUnitById(db, unitId),
    listTrackedIndicators(db),
    getReportingSettings(db),
    listPeriodLocks(db, period.year),
    listUnitTargets(db, { year: period.year, unitId }),
    listUnitFigures(db, { year: period.year, throughMonth: period.month, unitId }),
  ]);
  if (!unit) throw new AppError('forbidden', '您的账号未关联县区，无法填报');
  const due = tracked.filter(
    (i) =>
      (actor.departmentId === null || i.departmentId === actor.departmentId) &&
      isDueMonth(i.frequency, period.month) &&
      traitsOf(i.kind).judged,
  );
  const own = await listUnitPeriodActuals(db, {
    actor,
    unitId,
    indicatorIds: due.map((i) => i.id),
    year: period.year,
    month: period.month,
  });
  const { byIndicator, evidence, timing } = await loadEntryFigures(db, actor, own, { period, settings, now });
  const targetOf = new Map(targets.map((t) => [t.indicatorId, t]));
  const rows = due.map((i) => {
    const actual = byIndicator.get(i.id) ?? null;
    const target = targetOf.get(i.id);
    const state = entryRowState(actual, timing.isPastDeadline, Boolean(target));
    const earlier = figures.filter((f) => f.indicatorId === i.id && f.month < period.month && f.value !== null).at(-1);
    return {
      indicator: entryIndicatorView(i),
      target: target
        ? {
            value: target.value,
            qualifier: target.qualifier,
            phasing: 'none' as const,
            baseline: null,
            phases: [],
            isSample: target.isSample,
          }
        : null,
      expected: null,
      status: 'grey' as const,
      previous: earlier ? { month: earlier.month, value: Number(earlier.value) } : null,
      actual: actual ? entryActualView(actual, evidence) : null,
      state,
    };
  });
  return {
    period,
    ...timing,
    isLocked: locks.some((l) => l.month === period.month),
    rows,
    unit: { code: unit.code, name: unit.name },
  };
}
