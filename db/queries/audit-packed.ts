/**
 * An audit window as the walk in ./audit.ts brings it: one JSON text of packed rows (json_build_array per event,
 * in the order below). Kept apart from the queries, with nothing but types imported, so that a worker thread
 * (lib/services/audit/chain-worker.ts) can read windows without loading the database layer.
 */
import type { StoredAuditEvent } from '@/lib/domain/audit-verify';

type PackedAuditRow = [
  number,
  string,
  number | null,
  string | null,
  string | null,
  string,
  string,
  string | null,
  number | null,
  number | null,
  unknown,
  unknown,
  string | null,
  string | null,
  string,
  string,
];

/**
 * A packed row as an object; before/after as the walk brought them (values, or JSON text). Positions follow
 * json_build_array in walkAuditWindows (and PackedAuditRow); read by index, once per event of a walk.
 */
function unpackAuditRow(r: PackedAuditRow): StoredAuditEvent {
  return {
    id: r[0],
    occurredAt: new Date(r[1]),
    actorId: r[2],
    actorUsername: r[3],
    actorRole: r[4],
    action: r[5],
    entityType: r[6],
    entityId: r[7],
    departmentId: r[8],
    indicatorId: r[9],
    before: r[10],
    after: r[11],
    reason: r[12],
    clientAddress: r[13],
    prevHash: r[14],
    hash: r[15],
  };
}

/** One window's events, in id order. */
export function parsePackedAuditRows(text: string): StoredAuditEvent[] {
  // Built by walkAuditWindows's statement from the table's typed columns: the shape is PackedAuditRow's.
  return (JSON.parse(text) as PackedAuditRow[]).map(unpackAuditRow);
}
