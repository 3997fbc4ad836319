/**
 * Reads of the reporting cycle: the official's entry sheet, the reviewer's queue, the overdue list (催报).
 */
import { traitsOf } from '@/lib/domain/kind-traits';
import { listPeriodActuals, listPeriodLocks, listSubmittedActuals } from '@/db/queries/actuals';
import { listActualRows, listIndicatorRows, listTargetRows } from '@/db/queries/figures';
import { can, isDepartmentScoped } from '@/lib/domain/permissions';
import { authorize, type ServiceOptions } from '@/lib/services/options';
import type { Actor } from '@/lib/domain/actor';
import { findDueItems } from '@/lib/domain/overdue';
import { currentPeriod, isDueMonth, previousPeriod, type Period } from '@/lib/domain/period';
import { AppError } from '@/lib/errors';
import { loadIndicatorViews, type PeriodQuery } from '../dashboards/dashboard';
import { getReportingSettings } from '../admin/settings';
import { listFigureEvidence } from '@/lib/services/evidence/evidence';
import { getUnitEntrySheet } from '@/lib/services/units/entry';
import { entryActualView, entryIndicatorView, entryRowState, loadEntryFigures } from './entry-rows';

const ROW_ORDER = { overdue: 0, open: 1, returned: 1, draft: 1, submitted: 2, approved: 3 } as const;

/** GET /api/entry — the department's figures due for a period (default: last month), overdue first. */
export async function getEntrySheet(actor: Actor, query: PeriodQuery, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'actual.enter', options);
  const period: Period =
    query.year && query.month ? { year: query.year, month: query.month } : previousPeriod(currentPeriod(now));
  // A unit's official enters its unit's figures.
  if (actor.unitId != null) return getUnitEntrySheet(db, actor, period, now);
  if (actor.departmentId === null) throw new AppError('forbidden', '您的账号未关联责任单位，无法填报');
  const [views, settings, locks] = await Promise.all([
    loadIndicatorViews(db, actor, period, now, { departmentId: actor.departmentId }),
    getReportingSettings(db),
    listPeriodLocks(db, period.year),
  ]);
  // Statements in the report's words (qualitative) are not reported period by period.
  const due = views.filter(
    (v) => isDueMonth(v.frequency, period.month) && v.section !== 'review' && traitsOf(v.kind).judged,
  );
  const own = await listPeriodActuals(db, {
    actor,
    indicatorIds: due.map((v) => v.id),
    year: period.year,
    month: period.month,
  });
  const { byIndicator, evidence, timing } = await loadEntryFigures(db, actor, own, { period, settings, now });
  const rows = due.map((v) => {
    const actual = byIndicator.get(v.id) ?? null;
    const state = entryRowState(actual, timing.isPastDeadline, Boolean(v.target));
    const previous = v.series.filter((p) => p.month < period.month).at(-1) ?? null;
    return {
      indicator: entryIndicatorView(v),
      target: v.target,
      expected: v.expected,
      status: v.status,
      previous,
      actual: actual ? entryActualView(actual, evidence) : null,
      state,
    };
  });
  rows.sort((a, b) => ROW_ORDER[a.state] - ROW_ORDER[b.state] || a.indicator.id - b.indicator.id);
  return {
    period,
    ...timing,
    isLocked: locks.some((l) => l.month === period.month),
    rows,
    unit: null as { code: string; name: string } | null,
  };
}

export type EntrySheet = Awaited<ReturnType<typeof getEntrySheet>>;

/** GET /api/approvals — submitted figures of the reviewer's department, oldest first. */
export async function getApprovalQueue(actor: Actor, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'actual.review', options);
  const rows = await listSubmittedActuals(db, { actor });
  const evidence = await listFigureEvidence(
    actor,
    rows.map((r) => r.actual.id),
    { db },
  );
  return rows.map((r) => ({
    id: r.actual.id,
    version: r.actual.version,
    period: { year: r.actual.year, month: r.actual.month },
    indicator: r.indicator,
    departmentName: r.unitName ? `${r.unitName} · ${r.departmentName}` : r.departmentName,
    unitName: r.unitName,
    value: r.actual.value,
    qualifier: r.actual.qualifier,
    note: r.actual.note,
    explanation: r.actual.explanation,
    evidenceUrl: r.actual.evidenceUrl,
    evidence: evidence.get(r.actual.id) ?? [],
    isSample: r.actual.isSample,
    submittedBy: r.enteredByName,
    submittedAt: r.actual.submittedAt?.toISOString() ?? null,
    /** What it was when returned, so a resubmission shows what changed. */
    returned: r.actual.returnedAt
      ? { value: r.actual.returnedValue, reason: r.actual.returnReason, at: r.actual.returnedAt.toISOString() }
      : null,
  }));
}

export type ApprovalQueue = Awaited<ReturnType<typeof getApprovalQueue>>;

/** GET /api/overdue — 催报: overdue and due-soon figures, the department's own or (leaders, admins) the city's. */
export async function getOverdueList(actor: Actor, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'dashboard.view', options);
  const scoped = isDepartmentScoped(actor) || !can(actor, 'department.view-all');
  // The city's overdue list (催报) is of city figures: a unit's official has none of its own there.
  if (scoped && (actor.departmentId === null || actor.unitId != null))
    return { year: currentPeriod(now).year, items: [] };
  const year = currentPeriod(now).month === 1 ? currentPeriod(now).year - 1 : currentPeriod(now).year;
  const [indicators, targets, figures, settings] = await Promise.all([
    listIndicatorRows(db, { departmentId: scoped ? (actor.departmentId ?? -1) : undefined }),
    listTargetRows(db, { year }),
    listActualRows(db, { scope: 'dashboard', years: [year] }),
    getReportingSettings(db),
  ]);
  const planned = new Set(targets.map((t) => t.indicatorId));
  const items = findDueItems({
    indicators: indicators.map((i) => ({ id: i.id, frequency: i.frequency, hasTarget: planned.has(i.id) })),
    submitted: new Set(figures.map((f) => `${f.indicatorId}:${f.month}`)),
    year,
    now,
    dueDay: settings.dueDay,
  });
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return {
    year,
    items: items.flatMap((item) => {
      const ind = byId.get(item.indicatorId);
      if (!ind) return [];
      return [
        {
          ...item,
          deadline: item.deadline.toISOString(),
          indicator: { id: ind.id, code: ind.code, name: ind.name, unit: ind.unit },
          department: { id: ind.departmentId, name: ind.departmentShortName },
        },
      ];
    }),
  };
}

export type OverdueList = Awaited<ReturnType<typeof getOverdueList>>;
