/**
 * The reminder worker, started with the server (lib/services/start.ts) and stopped with it (./shutdown.ts). It ticks
 * every REMINDER_INTERVAL_MS; a tick runs only while this instance holds the database lease `reminders`
 * (db/queries/reminders.ts takeLease: one row with holder and expiry, taken with INSERT … ON CONFLICT DO UPDATE
 * WHERE expired), so with several instances one at a time plans and sends. The lease lasts three intervals and is
 * renewed each tick; an instance that dies loses it when it expires, one that stops gives it back.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { getDb, type Db } from '@/db/client';
import { releaseLease, takeLease } from '@/db/queries/reminders';
import { log } from '@/lib/log';
import { DEFAULT_DELIVERY, runReminderTick, type DeliveryOptions } from './reminders';

export const REMINDER_LEASE = 'reminders';

export interface ReminderWorker {
  readonly holder: string;
  /** Ticks every interval from now on (the timer does not keep the process alive). */
  start(): void;
  /** Runs one tick now (if the lease is held); resolves when it is done. */
  tick(): Promise<'ran' | 'not_leader' | 'busy'>;
  /** Stops ticking, waits for a tick in progress, gives the lease back. */
  stop(): Promise<void>;
}

export function createReminderWorker(options: {
  db?: () => Promise<Db>;
  intervalMs: number;
  clock?: () => Date;
  delivery?: DeliveryOptions;
  holder?: string;
}): ReminderWorker {
  const holder = options.holder ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const database = options.db ?? getDb;
  const clock = options.clock ?? (() => new Date());
  const ttlMs = options.intervalMs * 3;
  let running: Promise<unknown> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const tick = async (): Promise<'ran' | 'not_leader' | 'busy'> => {
    if (running || stopped) return 'busy';
    const work = (async () => {
      const db = await database();
      if (!(await takeLease(db, { name: REMINDER_LEASE, holder, now: clock(), ttlMs }))) return 'not_leader' as const;
      const result = await runReminderTick(db, clock(), options.delivery ?? DEFAULT_DELIVERY);
      if (result.enqueued.length || result.sent || result.retried || result.failed) {
        log.info(
          {
            event: 'reminders.tick',
            planned: result.planned,
            enqueued: result.enqueued.length,
            sent: result.sent,
            retried: result.retried,
            failed: result.failed,
          },
          'reminders',
        );
      }
      return 'ran' as const;
    })();
    running = work;
    try {
      return await work;
    } finally {
      running = null;
    }
  };

  return {
    holder,
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
      try {
        await releaseLease(await database(), REMINDER_LEASE, holder);
      } catch {
        // the database may already be closed: the lease then simply expires
      }
    },
    start() {
      if (timer || stopped) return;
      timer = setInterval(() => {
        tick().catch((error: unknown) =>
          log.warn({ event: 'reminders.tick_failed', err: error }, 'reminder tick failed'),
        );
      }, options.intervalMs);
      timer.unref();
    },
  };
}

const KEY = Symbol.for('zhuashou.reminder-worker');
type Holder = { [KEY]?: ReminderWorker };

/** Starts the process's worker once (no-op when already running). */
export function startReminderWorker(intervalMs: number): ReminderWorker {
  const holder = globalThis as Holder;
  const existing = holder[KEY];
  if (existing) return existing;
  const worker = createReminderWorker({ intervalMs });
  worker.start();
  holder[KEY] = worker;
  log.info({ event: 'reminders.worker_started', holder: worker.holder, intervalMs }, 'reminder worker started');
  return worker;
}

/** Stops the process's worker, if any (graceful stop, before the database closes). */
export async function stopReminderWorker(): Promise<void> {
  const holder = globalThis as Holder;
  const worker = holder[KEY];
  if (!worker) return;
  holder[KEY] = undefined;
  await worker.stop();
}
