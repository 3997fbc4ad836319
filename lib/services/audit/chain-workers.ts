/**
 * Verifying the chain beside the walk: the walk (on this thread, with the database) hands each window (JSON text; COPY text on PostgreSQL)
 * to a worker thread, which parses and hashes it; the verdicts are joined here in id order. Hashing a million
 * events costs about as much CPU as reading them, so the database and the hashing run side by side. The result
 * is exactly that of pushing every event through one verifier (lib/domain/audit-verify).
 */
import { Worker } from 'node:worker_threads';
import { createChainVerifier, joinBatch, type BatchVerdict, type ChainState } from '@/lib/domain/audit-verify';

/*
 * Threads beside the walk. Measured on a million events (PostgreSQL, through the server, after the exports), with
 * the JSON windows: one thread 8.6 s and 57 MB more than the start of the verify; two threads 8.2 s and 79–133 MB
 * more — there the database building the JSON was the critical path, and the second thread's heap cost more memory
 * than its time was worth. With COPY windows (PostgreSQL) the database and this thread are nearly idle and the
 * parsing and hashing are the critical path: a second thread takes half of it.
 */
/** Events per window handed to a thread (JSON windows): small windows keep its heap small. */
export const VERIFY_WINDOW_EVENTS = 2000;
/** Windows handed out and not yet joined, per thread: enough to keep it busy while the walk fetches the next. */
const IN_FLIGHT_PER_THREAD = 3;
/** Threads for COPY windows; JSON windows (PGlite, whose engine runs on this thread) get one. */
const COPY_THREADS = 2;

function startWorker(): Worker {
  const url = new URL('./chain-worker.ts', import.meta.url);
  // Under tsx (the scripts) and the test runner the thread gets the TypeScript source: it loads it through tsx's
  // require hook (its ESM hooks do not reach a worker on Node 20). The production build bundles the thread's code
  // into a script of its own.
  const source = url.pathname.endsWith('.ts');
  return new Worker(url, {
    execArgv: source ? ['--require', 'tsx/cjs'] : undefined,
    // A small young generation: each window's objects die young, and V8's default let the thread hold tens of MB
    // more, no faster. The old generation is room for a window of unusually large events.
    resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 4 },
  });
}

/** A thread and the verdicts it owes: it answers its windows in the order they were sent. */
function chainThread(onFailure: (error: Error) => void) {
  const worker = startWorker();
  const waiting: { resolve: (verdict: BatchVerdict) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(failure);
    onFailure(failure);
  };
  worker.on('message', (verdict: BatchVerdict) => waiting.shift()?.resolve(verdict));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`chain worker exited (${code})`)));
  return {
    verify(window: string | Uint8Array): Promise<BatchVerdict> {
      const verdict = new Promise<BatchVerdict>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting.push({ resolve, reject });
        // A COPY window's buffer is its own (iterateChainWindows): moved to the thread, not copied.
        worker.postMessage(window, typeof window === 'string' ? [] : [window.buffer as ArrayBuffer]);
      });
      verdict.catch(() => undefined); // awaited in turn by the caller; a failure surfaces there, once
      return verdict;
    },
    stop: () => worker.terminate(),
  };
}

/** Verifies the windows' events (given in id order) as one chain from the genesis hash. */
export async function verifyChainWindows(windows: AsyncIterable<string | Uint8Array>): Promise<ChainState> {
  const { state } = createChainVerifier();
  let failed: Error | null = null;
  const threads = [chainThread((error) => (failed ??= error))];
  try {
    // Verdicts in the order the windows were sent, whichever thread owes each; joined in that order.
    const inFlight: Promise<BatchVerdict>[] = [];
    let sent = 0;
    for await (const window of windows) {
      if (failed) throw failed;
      if (typeof window !== 'string' && threads.length < COPY_THREADS)
        threads.push(chainThread((error) => (failed ??= error)));
      inFlight.push((threads[sent % threads.length] as ReturnType<typeof chainThread>).verify(window));
      sent += 1;
      if (inFlight.length >= IN_FLIGHT_PER_THREAD * threads.length)
        joinBatch(state, await (inFlight.shift() as Promise<BatchVerdict>));
    }
    for (const verdict of inFlight) joinBatch(state, await verdict);
    return state;
  } finally {
    await Promise.all(threads.map((t) => t.stop()));
  }
}
