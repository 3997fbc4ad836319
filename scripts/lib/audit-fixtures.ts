/** Actors and data for the audit tests: appends through the real chain, bulk synthetic rows, superuser tampering. */
import type { Db } from '@/db/client';
import { queryRows, sql } from '@/db/client';
import { appendAuditEvent, type AuditInput } from '@/db/queries/audit-append';
import type { Actor } from '@/lib/domain/actor';

export const auditor: Actor = {
  id: 9001,
  username: 'shenji',
  role: 'auditor',
  departmentId: null,
  clientAddress: '10.0.0.9',
};
export const leader: Actor = { id: 9002, username: 'lingdao', role: 'leader', departmentId: null };
export const admin: Actor = { id: 9003, username: 'guanli', role: 'admin', departmentId: null };
export const official: Actor = { id: 9004, username: 'tianbao', role: 'official', departmentId: 1 };

/** Appends one event in its own transaction, as a service would. */
export function append(db: Db, input: Partial<AuditInput> & { action?: string } = {}) {
  return db.transaction((tx) =>
    appendAuditEvent(tx, {
      actor: official,
      action: 'actual.submit',
      entityType: 'actual',
      entityId: 1,
      departmentId: 1,
      indicatorId: 1,
      before: { value: '10', status: 'draft' },
      after: { value: '12', status: 'submitted' },
      reason: null,
      ...input,
    }),
  );
}

/**
 * Runs `change` with the append-only triggers off, as a database superuser (or the owner) could: `ownerDb` must be
 * the owner's handle (ctx.ownerDb), since the application's login may not switch triggers off.
 */
export async function asSuperuser(ownerDb: Db, change: () => Promise<unknown>): Promise<void> {
  await ownerDb.execute(sql`alter table audit_events disable trigger user`);
  try {
    await change();
  } finally {
    await ownerDb.execute(sql`alter table audit_events enable trigger user`);
  }
}

export async function auditCount(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_events`);
  return row?.n ?? 0;
}

/**
 * `n` synthetic events (numbered from offset + 1) in one INSERT … SELECT (fast; their hashes are placeholders, so this chain does not
 * verify — for volume tests of listing and exporting only). Times run from 2025-01-01 one second apart.
 */
export async function insertSyntheticEvents(db: Db, n: number, offset = 0): Promise<void> {
  await db.execute(sql`
    insert into audit_events (occurred_at, actor_id, actor_username, actor_role, action, entity_type, entity_id,
      department_id, indicator_id, before, after, reason, client_address, prev_hash, hash)
    select timestamptz '2025-01-01 00:00:00+08' + make_interval(secs => g), g % 50, 'user' || (g % 50), 'official',
      case when g % 3 = 0 then 'actual.approve' else 'actual.submit' end, 'actual', g::text, g % 20, g % 120,
      jsonb_build_object('value', g::text, 'status', 'draft'),
      jsonb_build_object('value', (g + 1)::text, 'status', 'submitted', 'note', '完成情况良好，=SUM(A1)'),
      '按期填报', '10.0.0.1', md5(g::text) || md5((g + 1)::text), md5(g::text) || md5((g + 7)::text)
    from generate_series(${offset + 1}::int, ${offset + n}::int) g`);
}
