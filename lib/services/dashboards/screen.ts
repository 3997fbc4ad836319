/**
 * The cockpit (领导驾驶舱): the latest period's headline tiles, the seven areas, the red list and the overdue
 * list, in one answer the screen polls every 30 s. The same set-based reads as the overview.
 */
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { lastDueMonth } from '@/lib/domain/snapshot';
import { compareWorstFirst, countStatuses, isJudged } from '@/lib/domain/summary';
import { WORK_AREAS } from '@/lib/domain/types';
import { loadDashboard, summarizeGroup, type KpiView } from './dashboard';
import { type ServiceOptions } from '@/lib/services/options';

const LIST_LIMIT = 10;

function brief(v: KpiView) {
  return {
    code: v.code,
    name: v.name,
    unit: v.unit,
    figure: v.figure,
    target: v.target,
    status: v.status,
    statusLabel: v.statusLabel,
    gapPoints: v.gapPoints,
    kind: v.kind,
    departmentShortName: v.departmentShortName,
    areaId: v.areaId,
  };
}

/** GET /api/screen — the cockpit's data at the latest period with figures. */
export async function getScreen(actor: Actor, options: ServiceOptions = {}) {
  requirePermission(actor, 'screen.view');
  const { period, views, now } = await loadDashboard(actor, {}, options);
  const planned = views.filter((v) => v.section !== 'review');
  const red = planned.filter((v) => v.status === 'red').sort(compareWorstFirst);
  const overdue = planned.filter((v) => v.status === 'overdue');
  return {
    generatedAt: now.toISOString(),
    period: { year: period.year, month: period.month },
    isSample: planned.some((v) => v.isSample),
    counts: countStatuses(planned.filter(isJudged)),
    headline: planned
      .filter((v) => v.headlineOrder !== null)
      .sort((a, b) => (a.headlineOrder ?? 0) - (b.headlineOrder ?? 0))
      .map((v) => ({ ...brief(v), series: v.series, yoy: v.yoy, isSample: v.isSample, expected: v.expected })),
    areas: WORK_AREAS.map((area) => {
      const { total, counts, progress } = summarizeGroup(planned.filter((v) => v.areaId === area.id));
      return { ...area, total, counts, progress };
    }),
    red: { total: red.length, items: red.slice(0, LIST_LIMIT).map(brief) },
    overdue: {
      total: overdue.length,
      items: overdue
        .slice(0, LIST_LIMIT)
        .map((v) => ({ ...brief(v), dueMonth: lastDueMonth(v.frequency, period.month) })),
    },
  };
}

export type ScreenView = Awaited<ReturnType<typeof getScreen>>;
