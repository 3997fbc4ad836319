import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { verifyAuditChain } from '@/lib/services/audit/audit-log';
import { prepareDatabase, type PreparedDatabase } from '@/scripts/lib/test-server';
import { snapshotTables } from '../helpers/db-snapshot';

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync('npx', ['tsx', script, ...args], {
    env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: '', ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

async function withDb<T>(
  env: Record<string, string>,
  fn: (db: Parameters<typeof snapshotTables>[0]) => Promise<T>,
): Promise<T> {
  const handle = await openDatabase({ url: env.DATABASE_URL, dir: env.PGLITE_DIR });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

const engines = [{ engine: 'pglite', testUrl: undefined as string | undefined }];
if (process.env.TEST_DATABASE_URL) engines.push({ engine: 'postgres', testUrl: process.env.TEST_DATABASE_URL });

for (const { engine, testUrl } of engines) {
  describe(`npm run db:backup and db:restore [${engine}]`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-backup-'));
    const dropped: PreparedDatabase[] = [];
    afterAll(async () => {
      for (const d of dropped) await d.drop();
      fs.rmSync(work, { recursive: true, force: true });
    });

    it('the restored database verifies and holds the same figures', async () => {
      const source = await prepareDatabase({
        prefix: 'rel_bak_src',
        pgliteDir: path.join(work, 'source'),
        testUrl,
        accounts: [],
        password: 'x',
      });
      dropped.push(source);
      const file = path.join(work, 'backup.jsonl.gz');
      const backup = run('scripts/db-backup.ts', ['--out', file], source.env);
      expect(backup.status, backup.out).toBe(0);
      expect(backup.out).toContain('备份完成');

      // An empty target: a new folder, or a new database with no tables yet (restore migrates it).
      const target = testUrl
        ? await prepareEmptyPostgres(testUrl)
        : { env: { PGLITE_DIR: path.join(work, 'restored') }, drop: async () => {} };
      dropped.push(target);
      const restore = run('scripts/db-restore.ts', ['--in', file], target.env);
      expect(restore.status, restore.out).toBe(0);
      expect(restore.out).toContain('恢复完成');

      const [before, after] = [await withDb(source.env, snapshotTables), await withDb(target.env, snapshotTables)];
      expect(after).toEqual(before);
      expect((after.actuals ?? []).length).toBeGreaterThan(100);
      const report = await withDb(target.env, (db) => verifyAuditChain(SYSTEM_ACTOR, {}, { db }));
      expect(report.ok, report.message).toBe(true);

      const again = run('scripts/db-restore.ts', ['--in', file], target.env);
      expect(again.status).toBe(2);
      expect(again.out).toContain('目标数据库不是空的');
    });
  });
}

async function prepareEmptyPostgres(testUrl: string): Promise<PreparedDatabase> {
  const { default: postgres } = await import('postgres');
  const name = `zs_rel_bak_dst_${Date.now()}`;
  const admin = postgres(testUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(testUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const a = postgres(testUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
