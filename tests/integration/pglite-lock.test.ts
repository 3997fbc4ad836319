import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, sql, type DbHandle } from '@/db/client';
import { settings } from '@/db/schema';
import { DatabaseLockedError } from '@/db/dir-lock';

describe('the embedded database folder is locked to one process', () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zs-lock-')), 'data');
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDatabase({ dir });
  });
  afterAll(async () => {
    await handle?.close();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('a second process opening the same folder gets a clear error and exit code 2', () => {
    const result = spawnSync('npx', ['tsx', 'scripts/db-migrate.ts'], {
      env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('正被另一个进程');
    expect(result.stderr).toContain(String(process.pid));
  });

  it('the same process opening it twice is refused too', async () => {
    await expect(openDatabase({ dir })).rejects.toBeInstanceOf(DatabaseLockedError);
  });

  it('after close, the folder opens again and keeps its data', async () => {
    await handle.close();
    handle = await openDatabase({ dir });
    await handle.db.insert(settings).values({ key: 'lock-test', value: 1 });
    await handle.close();
    handle = await openDatabase({ dir });
    const rows = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from settings where key = 'lock-test'`);
    expect(rows[0]?.n).toBe(1);
  });

  it('a lock left by a killed process is taken over', async () => {
    await handle.close();
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 999_999, host: os.hostname() }));
    handle = await openDatabase({ dir });
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
  });
});
