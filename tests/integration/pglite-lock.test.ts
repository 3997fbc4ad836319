import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, sql, type DbHandle } from '@/db/client';
import { settings } from '@/db/schema';
import { acquireDirLock, DatabaseLockedError } from '@/db/dir-lock';

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

  it('a second process opening the same folder gets a clear error naming this process, and exit code 2', async () => {
    // Asynchronously: the holder (this process) answers the newcomer with its pid while the newcomer runs.
    const child = spawn('npx', ['tsx', 'scripts/db-migrate.ts'], {
      env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' },
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(status).toBe(2);
    expect(stderr).toContain('正被另一个进程');
    expect(stderr).toContain(String(process.pid));
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
    const rows = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from settings where key = 'lock-test'`,
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('the lock file is information only: one naming a live, unrelated pid does not block', async () => {
    await handle.close();
    // A pid that is certainly alive and is not ours (the test runner's parent), as after a reboot that reuses pids.
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.ppid, host: os.hostname() }));
    handle = await openDatabase({ dir });
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
  });
});

describe('the lock dies with its holder (SIGKILL, then an immediate start)', () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zs-lock-kill-')), 'data');
  afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  /** A separate process that takes the lock through the real module and holds it until killed. */
  function holder(): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./db/dir-lock.ts').then(async (m) => { await (m.acquireDirLock ?? m.default.acquireDirLock)(${JSON.stringify(dir)}); console.log('held'); setInterval(() => {}, 1000); })`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return new Promise((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => (d.toString().includes('held') ? resolve(child) : undefined));
      child.once('exit', (code) => reject(new Error(`holder exited early (${code})`)));
    });
  }

  it('20 rounds: the holder is SIGKILLed and the next opener takes the folder at once; a live holder is named', async () => {
    for (let round = 0; round < 20; round += 1) {
      const child = await holder();
      const refused = await acquireDirLock(dir).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused, `round ${round + 1}`).toBeInstanceOf(DatabaseLockedError);
      expect((refused as DatabaseLockedError).ownerPid).toBe(child.pid);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      const lock = await acquireDirLock(dir);
      lock.release();
    }
  }, 120_000);
});
