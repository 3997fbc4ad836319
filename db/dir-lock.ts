/**
 * An exclusive lock on a PGlite data folder. PGlite has none of its own: two processes opening one folder both
 * succeed and silently lose writes.
 *
 * The lock is a listening Unix socket the kernel owns: on Linux an abstract socket named after the folder (it has
 * no file and vanishes the instant its holder dies — SIGKILL, OOM, power loss), elsewhere a socket file beside the
 * folder whose stale leftover is recognised because nobody answers on it. A pid is never asked whether it is
 * alive, so neither a predecessor still dying nor an unrelated process that reuses a pid after a reboot can block a
 * start. Binding is atomic: of two processes starting together exactly one gets the folder. The holder answers on
 * the socket with its pid, for the message the other one prints; `<dir>.lock` records the same for operators and is
 * never read to decide anything.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface DirLock {
  /** The informational file beside the folder. */
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
      `数据库目录 ${dir} 正被另一个进程（pid ${ownerPid || '未知'}）使用：嵌入式数据库同一时间只能由一个进程打开。` +
        `请先停止正在运行的应用（或该进程），或用 PGLITE_DIR 指定另一个目录，或设置 DATABASE_URL 使用 PostgreSQL。` +
        ` (The embedded database folder ${dir} is in use by process ${ownerPid || 'unknown'}.)`,
    );
    this.name = 'DatabaseLockedError';
  }
}

const held = new Map<string, { server: net.Server; release: () => void }>();

/** The socket's address: abstract on Linux (no file to go stale), a socket file elsewhere. */
export function lockAddress(resolvedDir: string): string {
  const digest = createHash('sha256').update(resolvedDir).digest('hex').slice(0, 40);
  return process.platform === 'linux' ? `\0zhuashou-pglite-${digest}` : `${resolvedDir}.lock.sock`;
}

function listen(server: net.Server, address: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => resolve(error);
    server.once('error', onError);
    server.listen(address, () => {
      server.off('error', onError);
      resolve(null);
    });
  });
}

/** Asks the holder for its pid: a number when someone answers, null when nobody listens (a stale socket file). */
function askHolder(address: string): Promise<number | null> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = net.connect(address);
    const done = (pid: number | null) => {
      socket.destroy();
      resolve(pid);
    };
    socket.setTimeout(2000, () => done(0));
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => done(Number.parseInt(answer, 10) || 0));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      done(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? null : 0),
    );
  });
}

/** Takes the lock for `dir` or throws DatabaseLockedError naming the holder's pid. */
export async function acquireDirLock(dir: string): Promise<DirLock> {
  const resolved = path.resolve(/*turbopackIgnore: true*/ dir);
  const file = `${resolved}.lock`;
  if (held.has(resolved)) throw new DatabaseLockedError(dir, process.pid);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const address = lockAddress(resolved);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const server = net.createServer((socket) => socket.end(String(process.pid)));
    const error = await listen(server, address);
    if (!error) {
      // The lock must never keep the process alive on its own.
      server.unref();
      const release = () => {
        if (held.get(resolved)?.server !== server) return;
        held.delete(resolved);
        server.close();
        fs.rmSync(file, { force: true });
      };
      held.set(resolved, { server, release });
      fs.writeFileSync(
        file,
        JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }),
      );
      return { file, release };
    }
    if (error.code !== 'EADDRINUSE') throw error;
    const holder = await askHolder(address);
    if (holder !== null) throw new DatabaseLockedError(dir, holder);
    // A socket file nobody listens on: its holder died. Remove it and bind again.
    fs.rmSync(address, { force: true });
  }
  throw new DatabaseLockedError(dir, 0);
}

function releaseAll() {
  for (const lock of [...held.values()]) lock.release();
}
// A process that dies without running this (SIGKILL) releases the socket anyway: the kernel closes it.
process.once('exit', releaseAll);
