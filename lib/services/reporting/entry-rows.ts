/**
 * How a row of an entry sheet shows its indicator and its stored figure: one shape for the city's sheet (./entry-sheet.ts)
 * and a unit's (../units/entry.ts), so the one form serves both.
 */
import type { Db } from '@/db/client';
import type { ActualRecord } from '@/db/queries/actuals';
import type { Actor } from '@/lib/domain/actor';
import { entryDeadline, type Period } from '@/lib/domain/period';
import type { ActualStatus, IndicatorDescription } from '@/lib/domain/types';
import { listFigureEvidence, type EvidenceListItem } from '../evidence/evidence';

type EntryIndicator = IndicatorDescription & { id: number };

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

/**
 * What both sheets need around the period's stored figures (`own`): the figure of each indicator, their evidence
 * files, and the deadline (as the sheet shows it) with whether it has passed.
 */
export async function loadEntryFigures(
  db: Db,
  actor: Actor,
  own: ActualRecord[],
  args: { period: Period; settings: { dueDay: number }; now: Date },
) {
  const evidence = await listFigureEvidence(
    actor,
    own.map((a) => a.id),
    { db },
  );
  const deadline = entryDeadline(args.period, args.settings.dueDay);
  return {
    byIndicator: new Map(own.map((a) => [a.indicatorId, a])),
    evidence,
    timing: { deadline: deadline.toISOString(), isPastDeadline: args.now.getTime() >= deadline.getTime() },
  };
}

/** A row's state: overdue when nothing is submitted past the deadline and there is a target; else the figure's status. */
export function entryRowState(
  actual: ActualRecord | null,
  isPastDeadline: boolean,
  hasTarget: boolean,
): ActualStatus | 'open' | 'overdue' {
  const submitted = actual?.status === 'submitted' || actual?.status === 'approved';
  return !submitted && isPastDeadline && hasTarget ? 'overdue' : (actual?.status ?? 'open');
}
