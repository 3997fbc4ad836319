/**
 * Worker threads beside a walk over the audit log: the walk (on this thread, with the database) hands each window
 * (COPY text; JSON text from a handle without COPY) to a thread (./window-worker.ts), which parses it and does the task — verify
 * the chain, or write the audit export's CSV — and the answers come back here in the windows' order. Parsing and
 * hashing or formatting a million events costs about as much CPU as reading them, so the database and the threads
 * run side by side.
 */
import { Worker } from 'node:worker_threads';
import type { Db } from '@/db/client';
import { copyEngine } from '@/db/copy';
import type { AuditWindow } from '@/db/queries/audit';
import type { WindowBuffers } from '@/db/queries/audit-packed';
import { threadExecArgv } from '@/lib/threads';
import { createChainVerifier, joinBatch, type BatchVerdict, type ChainState } from '@/lib/domain/audit-verify';
import type { CsvRecords, WindowAnswer, WindowJob } from './window-worker';

/*
 * Threads beside the walk. With JSON windows the database building the JSON was the critical path, and a second
 * thread's heap cost more memory than its time was worth (a million events on PostgreSQL: one thread 8.6 s, two
 * 8.2 s). With COPY windows from PostgreSQL, whose COPY runs in its own process, the threads' work is the critical
 * path: two threads take half of it. PGlite's COPY runs on this thread, and since the threads write from COPY's bytes
 * (./verify-copy.ts, ../exports/audit-csv.ts) one thread keeps up with it: a second one took no time off the verify
 * or the CSV and cost about 15 MB (its own heap) — scripts/bench/README.md, session 16.
 */
/**
 * Events per read of the walk: a JSON window handed to a thread (small windows keep its heap small), or on PGlite the
 * ids one COPY covers (its output arrives whole, then is cut into COPY windows).
 */
export const VERIFY_WINDOW_EVENTS = 2000;
/**
 * Bytes of windows handed out and not yet answered (at least two windows a thread): on PGlite a range's whole COPY
 * output (VERIFY_WINDOW_EVENTS events, about 1.2 MB), so that the threads work through one range while this thread
 * reads the next. With three windows a thread, the two took turns: verify 9.3–10.3 s against 6.3–8.6 s.
 */
const IN_FLIGHT_BYTES = 2 * 1024 * 1024;

/** Threads for a walk's windows on `db`: one beside PGlite's COPY or a JSON walk, two beside PostgreSQL's COPY. */
export const windowThreadsFor = (db: Db): number => (copyEngine(db) === 'postgres' ? 2 : 1);

interface Answers {
  verify: BatchVerdict;
  'audit-csv': CsvRecords;
}

function startWorker() {
  return new Worker(new URL('./window-worker.ts', import.meta.url), {
    // A small young generation: each window's objects (COPY_WINDOW_BYTES of text) die young. V8's default let the
    // thread hold tens of MB more, no faster. (The server's --max-semi-space-size, where set, overrides it: V8's
    // flags are the process's.) The old generation is room for a window of unusually large events.
    resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 4 },
    execArgv: threadExecArgv(import.meta.url),
  });
}

/**
 * A thread and the answers it owes: it answers its windows in the order they were sent, and moves each COPY window's
 * buffer back with its answer, into `buffers`.
 */
function windowThread<T extends WindowJob['task']>(
  task: T,
  buffers: WindowBuffers | undefined,
  onFailure: (error: Error) => void,
) {
  const worker = startWorker();
  const waiting: { resolve: (answer: Answers[T]) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(failure);
    onFailure(failure);
  };
  worker.on('message', ({ answer, window }: WindowAnswer<Answers[T]>) => {
    if (window) buffers?.give(window);
    waiting.shift()?.resolve(answer);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`audit window worker exited (${code})`)));
  return {
    run(window: AuditWindow): Promise<Answers[T]> {
      const answer = new Promise<Answers[T]>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting.push({ resolve, reject });
        const job: WindowJob = { task, window };
        // A COPY window's buffer is its own (cutCopyWindows): moved to the thread, not copied, and back.
        worker.postMessage(job, typeof window === 'string' ? [] : [window.buffer as ArrayBuffer]);
      });
      answer.catch(() => undefined); // awaited in turn by the caller; a failure surfaces there, once
      return answer;
    },
    stop: () => worker.terminate(),
  };
}

/**
 * The task's answer for each window, in the windows' order. Threads start with the first window and stop when the
 * walk ends or its reader stops early; a reader that pauses pauses the walk (a few windows stay in flight). The
 * buffers of COPY windows go back into `buffers`, the walk's (db/queries/audit-packed.ts), once answered.
 */
export async function* runInThreads<T extends WindowJob['task']>(
  task: T,
  windows: AsyncIterable<AuditWindow>,
  threadCount: number,
  buffers?: WindowBuffers,
): AsyncGenerator<Answers[T]> {
  let failed: Error | null = null;
  const threads: ReturnType<typeof windowThread<T>>[] = [];
  try {
    const inFlight: { answer: Promise<Answers[T]>; bytes: number }[] = [];
    let inFlightBytes = 0;
    const next = async () => {
      const oldest = inFlight.shift() as (typeof inFlight)[number];
      inFlightBytes -= oldest.bytes;
      return oldest.answer;
    };
    let sent = 0;
    for await (const window of windows) {
      if (failed) throw failed;
      if (threads.length < threadCount) threads.push(windowThread(task, buffers, (error) => (failed ??= error)));
      const bytes = typeof window === 'string' ? window.length : window.byteLength;
      inFlight.push({ answer: (threads[sent % threads.length] as (typeof threads)[number]).run(window), bytes });
      inFlightBytes += bytes;
      sent += 1;
      while (inFlightBytes >= IN_FLIGHT_BYTES && inFlight.length > 2 * threads.length) yield await next();
    }
    while (inFlight.length) yield await next();
  } finally {
    await Promise.all(threads.map((t) => t.stop()));
  }
}

/** Verifies the windows' events (given in id order) as one chain from the genesis hash, in `threadCount` threads. */
export async function verifyChainWindows(
  windows: AsyncIterable<AuditWindow>,
  threadCount: number,
  buffers?: WindowBuffers,
): Promise<ChainState> {
  const { state } = createChainVerifier();
  for await (const verdict of runInThreads('verify', windows, threadCount, buffers)) joinBatch(state, verdict);
  return state;
}
