/** How a target is shown and audited, and the comparison that tells an unchanged target from a change. */
import type { PhaseValue, TargetRecord } from '@/db/queries/targets';
import { plainDecimal } from '../dashboards/catalog';
import type { PhasingKind } from '@/lib/domain/types';

export interface TargetState {
  value: string;
  qualifier: TargetRecord['qualifier'];
  phasing: TargetRecord['phasing'];
  phases: PhaseValue[];
  baseline: string | null;
}

export function targetAuditView(indicatorCode: string, row: TargetRecord, phases: PhaseValue[]) {
  return {
    indicatorCode,
    year: row.year,
    value: plainDecimal(row.value),
    valueText: row.valueText,
    qualifier: row.qualifier,
    phasing: row.phasing,
    phases: phases.map((p) => ({ month: p.month, value: plainDecimal(p.value) ?? p.value })),
    baseline: plainDecimal(row.baseline),
    isRevised: row.isRevised,
    revisionReason: row.revisionReason,
    version: row.version,
  };
}
export type TargetView = ReturnType<typeof targetAuditView> & { updatedAt?: string; updatedByName?: string | null };

/** True when storing `next` over `stored` would change nothing a person can see. */
export function isSameTarget(stored: TargetRecord & { phases: PhaseValue[] }, next: TargetState): boolean {
  const phases = (list: PhaseValue[]) =>
    [...list]
      .sort((a, b) => a.month - b.month)
      .map((p) => `${p.month}:${plainDecimal(p.value)}`)
      .join(',');
  return (
    plainDecimal(stored.value) === plainDecimal(next.value) &&
    stored.qualifier === next.qualifier &&
    stored.phasing === next.phasing &&
    phases(stored.phases) === phases(next.phases) &&
    plainDecimal(stored.baseline) === plainDecimal(next.baseline)
  );
}

/** The phasing an import row implies: none without months, quarterly when only quarter ends are filled. */
export function inferPhasing(months: number[]): PhasingKind {
  if (months.length === 0) return 'none';
  return months.every((m) => m % 3 === 0) ? 'quarterly' : 'monthly';
}
