/**
 * Worker threads beside a walk over the audit log: the walk (on this thread, with the database) hands each window
 * (COPY text; JSON text from a handle without COPY) to a thread (./window-worker.ts), which parses it and does the task — verify
 * the chain, or write the audit export's CSV — and the answers come back here in the windows' order. Parsing and
 * hashing or formatting a million events costs about as much CPU as reading them, so the database and the threads
 * run side by side.
 */
import { Worker } from 'node:worker_threads';
import type { AuditWindow } from '@/db/queries/audit';
import { createChainVerifier, joinBatch, type BatchVerdict, type ChainState } from '@/lib/domain/audit-verify';
import type { CsvRecords, WindowJob } from './window-worker';

/*
 * Threads beside the walk. With JSON windows the database building the JSON was the critical path, and a second
 * thread's heap cost more memory than its time was worth (a million events on PostgreSQL: one thread 8.6 s, two
 * 8.2 s). With COPY windows the threads' work is the critical path: two threads take half of it. On PGlite too, whose
 * engine runs on this thread (a million events: verify 15.2 s with one thread, 10.7 s with two; CSV 22.5 s, 18.6 s).
 */
/**
 * Events per read of the walk: a JSON window handed to a thread (small windows keep its heap small), or on PGlite the
 * ids one COPY covers (its output arrives whole, then is cut into COPY windows).
 */
export const VERIFY_WINDOW_EVENTS = 2000;
/** Windows handed out and not yet answered, per thread: enough to keep it busy while the walk fetches the next. */
const IN_FLIGHT_PER_THREAD = 3;
/** Threads for COPY windows; JSON windows (a handle without COPY) get one. */
const COPY_THREADS = 2;

interface Answers {
  verify: BatchVerdict;
  'audit-csv': CsvRecords;
}

function startWorker(): Worker {
  const url = new URL('./window-worker.ts', import.meta.url);
  // Under tsx (the scripts) and the test runner the thread gets the TypeScript source: it loads it through tsx's
  // require hook (its ESM hooks do not reach a worker on Node 20). The production build bundles the thread's code
  // into a script of its own.
  const source = url.pathname.endsWith('.ts');
  return new Worker(url, {
    execArgv: source ? ['--require', 'tsx/cjs'] : undefined,
    // A small young generation: each window's objects (COPY_WINDOW_BYTES of text) die young. V8's default let the
    // thread hold tens of MB more, no faster. The old generation is room for a window of unusually large events.
    resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 4 },
  });
}

/** A thread and the answers it owes: it answers its windows in the order they were sent. */
function windowThread<T extends WindowJob['task']>(task: T, onFailure: (error: Error) => void) {
  const worker = startWorker();
  const waiting: { resolve: (answer: Answers[T]) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(failure);
    onFailure(failure);
  };
  worker.on('message', (answer: Answers[T]) => waiting.shift()?.resolve(answer));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`audit window worker exited (${code})`)));
  return {
    run(window: AuditWindow): Promise<Answers[T]> {
      const answer = new Promise<Answers[T]>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting.push({ resolve, reject });
        const job: WindowJob = { task, window };
        // A COPY window's buffer is its own (cutCopyWindows): moved to the thread, not copied.
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
 * walk ends or its reader stops early; a reader that pauses pauses the walk (a few windows stay in flight).
 */
export async function* runInThreads<T extends WindowJob['task']>(
  task: T,
  windows: AsyncIterable<AuditWindow>,
): AsyncGenerator<Answers[T]> {
  let failed: Error | null = null;
  const threads: ReturnType<typeof windowThread<T>>[] = [];
  try {
    const inFlight: Promise<Answers[T]>[] = [];
    let sent = 0;
    for await (const window of windows) {
      if (failed) throw failed;
      if (threads.length < (typeof window === 'string' ? 1 : COPY_THREADS))
        threads.push(windowThread(task, (error) => (failed ??= error)));
      inFlight.push((threads[sent % threads.length] as (typeof threads)[number]).run(window));
      sent += 1;
      if (inFlight.length >= IN_FLIGHT_PER_THREAD * threads.length)
        yield await (inFlight.shift() as Promise<Answers[T]>);
    }
    while (inFlight.length) yield await (inFlight.shift() as Promise<Answers[T]>);
  } finally {
    await Promise.all(threads.map((t) => t.stop()));
  }
}

/** Verifies the windows' events (given in id order) as one chain from the genesis hash. */
export async function verifyChainWindows(windows: AsyncIterable<AuditWindow>): Promise<ChainState> {
  const { state } = createChainVerifier();
  for await (const verdict of runInThreads('verify', windows)) joinBatch(state, verdict);
  return state;
}
