/**
 * A clean stop on SIGTERM (systemd, a rolling restart) or SIGINT (Ctrl+C): stop accepting connections, let the
 * requests in flight finish, close the database (the PostgreSQL pool, or PGlite and its folder lock), exit 0 —
 * all within STOP_DEADLINE_MS, after which what is left is cut and the exit code is 1.
 *
 * Next's own handler (next start and the standalone server.js register it before instrumentation runs) closes the
 * HTTP server and exits 143 without closing the database, so it is replaced here, in production only (`next dev`
 * keeps its own).
 */
import { serverEnv } from '@/lib/env';
import type http from 'node:http';
import { closeDbHandle } from '@/db/client';
import { servedServers } from '@/lib/server-http/peer-address-hook';
import { log } from '@/lib/log';
import { stopReminderWorker } from '@/lib/services/reminders/worker';

const STOP_DEADLINE_MS = 9_000;
const INSTALLED = Symbol.for('zhuashou.graceful-shutdown');

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    // Idle keep-alive connections would hold close() open; each busy one is closed as soon as it goes idle.
    server.closeIdleConnections();
  });
}

async function withDeadline(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function stopGracefully(signal: string): Promise<number> {
  const started = Date.now();
  const servers = [...servedServers()];
  log.info(
    { event: 'shutdown', signal, servers: servers.length },
    'stopping: no new connections, finishing requests in flight',
  );
  const sweep = setInterval(() => {
    for (const server of servers) server.closeIdleConnections();
  }, 50);
  const drained = await withDeadline(
    Promise.all(servers.map(closeServer)).then(() => undefined),
    STOP_DEADLINE_MS - 1_500,
  );
  clearInterval(sweep);
  if (!drained) {
    log.warn(
      { event: 'shutdown', waitedMs: Date.now() - started },
      'requests still running at the deadline: closing their connections',
    );
    for (const server of servers) server.closeAllConnections();
  }
  // The reminder worker finishes its tick (a send is bounded by its timeout) and gives its lease back.
  await withDeadline(stopReminderWorker(), 1_500).catch(() => false);
  const closed = await withDeadline(closeDbHandle(), 1_000).catch(() => false);
  log.info({ event: 'stopped', signal, durationMs: Date.now() - started, drained, databaseClosed: closed }, 'stopped');
  return drained && closed ? 0 : 1;
}

/** Installs the handler (once per process); no-op outside production. */
export function installGracefulShutdown(): void {
  if (!serverEnv().production) return;
  const holder = globalThis as { [INSTALLED]?: true };
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Whatever happens below, the process is gone before a supervisor's 10 s (systemd TimeoutStopSec) runs out.
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS + 500).unref();
    stopGracefully(signal).then(
      (code) => process.exit(code),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
}
