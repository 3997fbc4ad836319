import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, backupDatabase, restoreDatabase, RestoreError } from '@/db/backup';
import { queryRows, sql, type Db, type DbHandle } from '@/db/client';
import { GENESIS_HASH, hashEvent } from '@/lib/domain/audit-chain';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { bootstrap } from '@/lib/services/bootstrap';
import { createUser } from '@/lib/services/users';
import { testDatabases } from '../helpers/test-db';

async function dumpTables(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) {
    const rows = await queryRows<{ r: unknown }>(db, sql.raw(`select to_jsonb(x) as r from ${t.name} x order by ${t.orderBy}`));
    out[t.name] = rows.map((row) => row.r);
  }
  return out;
}

/** Recomputes every hash of the chain; returns the id of the first event that does not match, or null. */
async function firstBrokenEvent(db: Db): Promise<number | null> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`select * from audit_events order by id`);
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const content = {
      occurredAt: new Date(String(r.occurred_at)).toISOString(),
      actorId: (r.actor_id as number | null) ?? null,
      actorUsername: (r.actor_username as string | null) ?? null,
      actorRole: (r.actor_role as string | null) ?? null,
      action: String(r.action),
      entityType: String(r.entity_type),
      entityId: (r.entity_id as string | null) ?? null,
      departmentId: (r.department_id as number | null) ?? null,
      indicatorId: (r.indicator_id as number | null) ?? null,
      before: r.before ?? null,
      after: r.after ?? null,
      reason: (r.reason as string | null) ?? null,
      clientAddress: (r.client_address as string | null) ?? null,
    };
    if (r.prev_hash !== prev || hashEvent(content, prev) !== r.hash) return Number(r.id);
    prev = String(r.hash);
  }
  return null;
}

async function toBuffer(run: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await run(out);
  return Buffer.concat(chunks);
}

const sources = testDatabases();
const targets = testDatabases();

sources.forEach((source, i) => {
  const target = targets[i]!;
  describe(`backup and restore on ${source.engine}`, () => {
    let from: DbHandle;
    let into: DbHandle;
    let backup: Buffer;
    afterAll(async () => {
      await source.dispose();
      await target.dispose();
    });

    it('a backup restored into an empty database holds the same rows, and its audit chain verifies', async () => {
      from = await source.open();
      await bootstrap({ sample: true, demoAccounts: false, log: () => {}, now: new Date('2026-06-15T04:00:00Z') }, from);
      await createUser(SYSTEM_ACTOR, { username: 'backup-admin', displayName: '备份测试', role: 'admin', password: 'Backup-Test-Pass#1', mustChangePassword: false }, from.db);
      expect(await firstBrokenEvent(from.db)).toBeNull();
      backup = await toBuffer((out) => backupDatabase(from.db, out));

      into = await target.open();
      const counts = await restoreDatabase(into.db, Readable.from(backup));
      expect(counts.actuals).toBeGreaterThan(100);
      expect(await dumpTables(into.db)).toEqual(await dumpTables(from.db));
      expect(await firstBrokenEvent(into.db)).toBeNull();
      // Sequences continue after the restored rows: a new user gets a fresh id.
      const { id } = await createUser(SYSTEM_ACTOR, { username: 'after-restore', displayName: '恢复后', role: 'leader', password: 'Restored-Pass#2026x', mustChangePassword: false }, into.db);
      expect(id).toBeGreaterThan(1);
    });

    it('refuses to restore into a database that holds data, and changes nothing', async () => {
      const before = await dumpTables(into.db);
      await expect(restoreDatabase(into.db, Readable.from(backup))).rejects.toBeInstanceOf(RestoreError);
      expect(await dumpTables(into.db)).toEqual(before);
    });
  });
});
