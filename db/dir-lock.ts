/**
 * An exclusive lock on a PGlite data folder. PGlite has none of its own: two processes opening one folder
 * both succeed and silently lose writes. The lock file `<dir>.lock` holds the owner's pid; a lock whose
 * owner is gone (killed with SIGKILL, power loss) is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DirLock {
  file: string;
  release(): void;
}

export class DatabaseLockedError extends Error {
  readonly code = 'database_locked';
  constructor(
    readonly dir: string,
    readonly ownerPid: number,
  ) {
    super(
      `数据库目录 ${dir} 正被另一个进程（pid ${ownerPid}）使用：嵌入式数据库同一时间只能由一个进程打开。` +
        `请先停止正在运行的应用（或该进程），或用 PGLITE_DIR 指定另一个目录，或设置 DATABASE_URL 使用 PostgreSQL。` +
        ` (The embedded database folder ${dir} is in use by process ${ownerPid}.)`,
    );
    this.name = 'DatabaseLockedError';
  }
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && 'pid' in parsed && typeof parsed.pid === 'number') {
      const host = 'host' in parsed && typeof parsed.host === 'string' ? parsed.host : '';
      return { pid: parsed.pid, host, startedAt: '' };
    }
    return null;
  } catch {
    return null;
  }
}

const held = new Map<string, DirLock>();

/** Takes the lock for `dir` or throws DatabaseLockedError naming the owner. */
export function acquireDirLock(dir: string): DirLock {
  const file = `${path.resolve(/*turbopackIgnore: true*/ dir)}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const content: LockContent = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(content));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      const lock: DirLock = {
        file,
        release: () => {
          if (!held.has(file)) return;
          held.delete(file);
          const current = readLock(file);
          if (current?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
      held.set(file, lock);
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLock(file);
      const sameHost = !owner || owner.host === '' || owner.host === os.hostname();
      if (owner && owner.pid === process.pid && held.has(file)) throw new DatabaseLockedError(dir, owner.pid);
      if (owner && sameHost && isAlive(owner.pid) && owner.pid !== process.pid) {
        throw new DatabaseLockedError(dir, owner.pid);
      }
      // Stale: the owner died without releasing (or wrote nothing yet). Remove and retry.
      if (!owner) {
        const ageMs = Date.now() - fs.statSync(file).mtimeMs;
        if (ageMs < 2000) {
          throw new DatabaseLockedError(dir, 0);
        }
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DatabaseLockedError(dir, 0);
}

function releaseAll() {
  for (const lock of [...held.values()]) lock.release();
}
// A process that dies without running this (SIGKILL) leaves a stale lock, which the next opener takes over.
process.once('exit', releaseAll);
