/** Reporting settings: tolerances of the traffic lights and the entry deadline day. */
import { getDb, type Db } from '@/db/client';
import { listSettings } from '@/db/queries/settings';
import { DEFAULT_DUE_DAY } from '@/lib/domain/period';
import { DEFAULT_TOLERANCES, type Tolerances } from '@/lib/domain/status';

export interface ReportingSettings {
  tolerances: Tolerances;
  dueDay: number;
}

function numberIn(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

export async function getReportingSettings(db?: Db): Promise<ReportingSettings> {
  const raw = await listSettings(db ?? (await getDb()));
  return {
    tolerances: {
      progressPoints: numberIn(raw['tolerance.progressPoints'], 0, 100, DEFAULT_TOLERANCES.progressPoints),
      ratePoints: numberIn(raw['tolerance.ratePoints'], 0, 100, DEFAULT_TOLERANCES.ratePoints),
    },
    dueDay: numberIn(raw['entry.dueDay'], 1, 28, DEFAULT_DUE_DAY),
  };
}
