/** 催报: which due figures are overdue or due soon, from the plan (targets) and what was submitted. Pure. */
import { currentPeriod, daysUntilDeadline, entryDeadline, isDueMonth, type Period } from './period';
import type { Frequency } from './types';

export interface DueItem {
  indicatorId: number;
  period: Period;
  deadline: Date;
  state: 'overdue' | 'due_soon';
  /** Whole days until the deadline (negative: days overdue). */
  daysLeft: number;
}

/**
 * Every due period of `year` up to the month before `now` (figures of a month are entered the next month)
 * without a submitted or approved figure: overdue once its deadline has passed, due soon within
 * `soonDays` days of it. Only indicators with a target for the year are planned, hence due.
 */
export function findDueItems(args: {
  indicators: { id: number; frequency: Frequency; hasTarget: boolean }[];
  /** Keys `${indicatorId}:${month}` of figures already submitted or approved. */
  submitted: ReadonlySet<string>;
  year: number;
  now: Date;
  dueDay: number;
  soonDays?: number;
}): DueItem[] {
  const soonDays = args.soonDays ?? 3;
  const current = currentPeriod(args.now);
  const lastMonth = current.year > args.year ? 12 : current.year < args.year ? 0 : current.month - 1;
  const items: DueItem[] = [];
  for (const indicator of args.indicators) {
    if (!indicator.hasTarget) continue;
    for (let month = 1; month <= lastMonth; month += 1) {
      if (!isDueMonth(indicator.frequency, month) || args.submitted.has(`${indicator.id}:${month}`)) continue;
      const period = { year: args.year, month };
      const daysLeft = daysUntilDeadline(period, args.now, args.dueDay);
      const deadline = entryDeadline(period, args.dueDay);
      if (args.now.getTime() >= deadline.getTime())
        items.push({ indicatorId: indicator.id, period, deadline, state: 'overdue', daysLeft });
      else if (daysLeft <= soonDays)
        items.push({ indicatorId: indicator.id, period, deadline, state: 'due_soon', daysLeft });
    }
  }
  return items.sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || a.indicatorId - b.indicatorId);
}
