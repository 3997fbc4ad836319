/**
 * How a row of an entry sheet shows its indicator and its stored figure: one shape for the city's sheet (./entry-sheet.ts)
 * and a unit's (../units/entry.ts), so the one form serves both.
 */
import type { ActualRecord } from '@/db/queries/actuals';
import type { IndicatorKind, Direction, Frequency } from '@/lib/domain/types';
import type { EvidenceListItem } from '../evidence/evidence';

interface EntryIndicator {
  id: number;
  code: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  frequency: Frequency;
  definition: string;
}

/** The indicator as a row of an entry sheet shows it. */
export function entryIndicatorView(i: EntryIndicator) {
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    unit: i.unit,
    kind: i.kind,
    direction: i.direction,
    frequency: i.frequency,
    definition: i.definition,
  };
}

/** A stored figure as a row of an entry sheet shows it, with its evidence files. */
export function entryActualView(actual: ActualRecord, evidence: ReadonlyMap<number, EvidenceListItem[]>) {
  return {
    id: actual.id,
    value: actual.value,
    qualifier: actual.qualifier,
    status: actual.status,
    version: actual.version,
    note: actual.note,
    explanation: actual.explanation,
    evidenceUrl: actual.evidenceUrl,
    evidence: evidence.get(actual.id) ?? [],
    returnReason: actual.returnReason,
    isSample: actual.isSample,
  };
}
