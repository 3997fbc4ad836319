import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase, RestoreError } from '@/db/backup';
import type { DbHandle } from '@/db/client';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { verifyAuditChain } from '@/lib/services/audit/audit-log';
import { bootstrap } from '@/lib/services/platform/bootstrap';
import { createUser } from '@/lib/services/admin/users';
import { snapshotTables } from '../helpers/db-snapshot';
import { testDatabases } from '../helpers/test-db';

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
      await bootstrap(
        { sample: true, demoAccounts: false, log: () => {}, now: new Date('2026-06-15T04:00:00Z') },
        from,
      );
      await createUser(
        SYSTEM_ACTOR,
        {
          username: 'backup-admin',
          displayName: '备份测试',
          role: 'admin',
          password: 'Backup-Test-Pass#1',
          mustChangePassword: false,
        },
        { db: from.db },
      );
      expect((await verifyAuditChain(SYSTEM_ACTOR, {}, { db: from.db })).ok).toBe(true);
      backup = await toBuffer((out) => backupDatabase(from.db, out));

      into = await target.open();
      // Restoring is the owner's job (it sets the sequences); the app's login reads the result.
      const counts = await restoreDatabase(target.owner.db, Readable.from(backup));
      expect(counts.actuals).toBeGreaterThan(100);
      expect(await snapshotTables(into.db)).toEqual(await snapshotTables(from.db));
      const report = await verifyAuditChain(SYSTEM_ACTOR, {}, { db: into.db });
      expect(report.ok, report.message).toBe(true);
      expect(report.count).toBeGreaterThan(0);
      // Sequences continue after the restored rows: a new user gets a fresh id.
      const { id } = await createUser(
        SYSTEM_ACTOR,
        {
          username: 'after-restore',
          displayName: '恢复后',
          role: 'leader',
          password: 'Restored-Pass#2026x',
          mustChangePassword: false,
        },
        { db: into.db },
      );
      expect(id).toBeGreaterThan(1);
    });

    it('refuses to restore into a database that holds data, and changes nothing', async () => {
      const before = await snapshotTables(into.db);
      await expect(restoreDatabase(target.owner.db, Readable.from(backup))).rejects.toBeInstanceOf(RestoreError);
      expect(await snapshotTables(into.db)).toEqual(before);
    });
  });
});
