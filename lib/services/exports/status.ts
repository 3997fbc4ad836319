/**
 * The traffic-light status (红黄绿灯) of exported figures, computed as the dashboards compute it (never
 * stored): for one batch of records, the figures and targets of just those indicators and years.
 */
import type { Db } from '@/db/client';
import type { RecordRow } from '@/db/queries/export-records';
import { listActualRows, listTargetRows, type TargetRow } from '@/db/queries/figures';
import type { Actor } from '@/lib/domain/actor';
import { buildSnapshot, type SnapshotFigure } from '@/lib/domain/snapshot';
import type { ProgressStatus } from '@/lib/domain/types';
import { getReportingSettings } from '../admin/settings';

/** Record id → the indicator's status at the record's period. */
export async function recordProgressStatuses(
  db: Db,
  actor: Actor,
  rows: readonly RecordRow[],
  now: Date,
): Promise<Map<number, ProgressStatus>> {
  const statuses = new Map<number, ProgressStatus>();
  if (rows.length === 0) return statuses;
  const indicatorIds = [...new Set(rows.map((r) => r.indicatorId))];
  const years = [...new Set(rows.map((r) => r.year))];
  const settings = await getReportingSettings(db);
  const figures = await listActualRows(db, {
    scope: 'dashboard',
    years: [...new Set(years.flatMap((y) => [y, y - 1]))],
    indicatorIds,
  });
  const targets: TargetRow[] = [];
  for (const year of years) targets.push(...(await listTargetRows(db, { year, indicatorIds })));

  const figuresByIndicator = new Map<number, SnapshotFigure[]>();
  for (const f of figures) {
    const list = figuresByIndicator.get(f.indicatorId) ?? [];
    list.push(f);
    figuresByIndicator.set(f.indicatorId, list);
  }
  const targetOf = new Map(targets.map((t) => [`${t.indicatorId}:${t.year}`, t]));
  for (const row of rows) {
    const snapshot = buildSnapshot({
      indicator: row,
      period: { year: row.year, month: row.month },
      figures: figuresByIndicator.get(row.indicatorId) ?? [],
      target: targetOf.get(`${row.indicatorId}:${row.year}`) ?? null,
      now,
      dueDay: settings.dueDay,
      tolerances: settings.tolerances,
    });
    statuses.set(row.id, snapshot.status);
  }
  return statuses;
}
