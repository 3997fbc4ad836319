/**
 * Which units have not submitted their figures (县区催报): for each unit, the indicators tracked by unit it has a target
 * for whose due periods of this year have passed their entry deadline (or are due within days) without a submitted or
 * approved figure — lib/domain/overdue.ts, as the reminders use it for departments. As of today, whatever period a
 * page shows: two statements (this year's unit figures and unit targets), whatever the number of units.
 */
import type { Db } from '@/db/client';
import { listUnitFigures, listUnitTargets, type UnitRecord } from '@/db/queries/units';
import { traitsOf } from '@/lib/domain/kind-traits';
import { findDueItems } from '@/lib/domain/overdue';
import { currentPeriod, formatPeriodLabel } from '@/lib/domain/period';
import type { Frequency, IndicatorKind } from '@/lib/domain/types';

export interface UnitDueItem {
  code: string;
  name: string;
  periodLabel: string;
  state: 'overdue' | 'due_soon';
  /** Whole days until the deadline (negative: days overdue). */
  daysLeft: number;
}

export interface UnitDue {
  code: string;
  name: string;
  overdue: number;
  dueSoon: number;
  items: UnitDueItem[];
}

/** Units with anything overdue or due soon, most overdue first; each unit's items oldest deadline first. */
export async function listUnitsDue(
  db: Db,
  args: {
    units: readonly UnitRecord[];
    indicators: readonly { id: number; code: string; name: string; kind: IndicatorKind; frequency: Frequency }[];
    now: Date;
    dueDay: number;
  },
): Promise<{ year: number; units: UnitDue[] }> {
  const { year } = currentPeriod(args.now);
  const judged = args.indicators.filter((i) => traitsOf(i.kind).judged);
  const [figures, targets] = await Promise.all([
    listUnitFigures(db, { year }),
    listUnitTargets(db, { year, indicatorIds: judged.map((i) => i.id) }),
  ]);
  const byId = new Map(judged.map((i) => [i.id, i]));
  const units = args.units.flatMap((unit): UnitDue[] => {
    const planned = new Set(targets.filter((t) => t.unitId === unit.id).map((t) => t.indicatorId));
    const submitted = new Set(figures.filter((f) => f.unitId === unit.id).map((f) => `${f.indicatorId}:${f.month}`));
    const due = findDueItems({
      indicators: judged.map((i) => ({ id: i.id, frequency: i.frequency, hasTarget: planned.has(i.id) })),
      submitted,
      year,
      now: args.now,
      dueDay: args.dueDay,
    });
    if (due.length === 0) return [];
    const items = due.map((d) => ({
      code: byId.get(d.indicatorId)?.code ?? '',
      name: byId.get(d.indicatorId)?.name ?? '',
      periodLabel: formatPeriodLabel(d.period),
      state: d.state,
      daysLeft: d.daysLeft,
    }));
    const overdue = items.filter((i) => i.state === 'overdue').length;
    return [{ code: unit.code, name: unit.name, overdue, dueSoon: items.length - overdue, items }];
  });
  units.sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon);
  return { year, units };
}
