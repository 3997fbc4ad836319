/**
 * Verifying the chain beside the walk: the walk (on this thread, with the database) hands each window's JSON text
 * to a worker thread, which parses and hashes it; the verdicts are joined here in id order. Hashing a million
 * events costs about as much CPU as reading them, so the database and the hashing run side by side. The result
 * is exactly that of pushing every event through one verifier (lib/domain/audit-verify).
 */
import { Worker } from 'node:worker_threads';
import { createChainVerifier, joinBatch, type BatchVerdict, type ChainState } from '@/lib/domain/audit-verify';

/**
 * One thread beside the walk. Measured on a million events (PostgreSQL, through the server, after the exports):
 * one thread 8.6 s and 57 MB more than the start of the verify; two threads 8.2 s and 79–133 MB more — the second
 * thread's heap cost more memory than its time was worth on a server that runs beside other systems.
 */
const THREADS = 1;
/** Events per window handed to the thread: small windows keep its heap small. */
export const VERIFY_WINDOW_EVENTS = 2000;
/** Windows handed out and not yet joined, per thread: enough to keep it busy while the walk fetches the next. */
const IN_FLIGHT_PER_THREAD = 3;

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

/** Verifies the windows' events (given in id order) as one chain from the genesis hash. */
export async function verifyChainWindows(windows: AsyncIterable<string>): Promise<ChainState> {
  const { state } = createChainVerifier();
  const workers = Array.from({ length: THREADS }, startWorker);
  const verdicts = new Map<number, BatchVerdict>();
  const waiting = new Map<number, (verdict: BatchVerdict) => void>();
  let failure: Error | null = null;
  let failed: () => void = () => {};
  const failedOnce = new Promise<void>((resolve) => (failed = resolve));
  for (const worker of workers) {
    worker.on('message', ({ index, verdict }: { index: number; verdict: BatchVerdict }) => {
      const resolve = waiting.get(index);
      if (resolve) {
        waiting.delete(index);
        resolve(verdict);
      } else verdicts.set(index, verdict);
    });
    worker.on('error', (error) => {
      failure ??= error;
      failed();
    });
  }
  const verdictOf = (index: number) =>
    Promise.race([
      new Promise<BatchVerdict>((resolve) => {
        const ready = verdicts.get(index);
        if (ready) {
          verdicts.delete(index);
          resolve(ready);
        } else waiting.set(index, resolve);
      }),
      failedOnce.then((): never => {
        throw failure ?? new Error('chain worker failed');
      }),
    ]);
  try {
    let sent = 0;
    let joined = 0;
    for await (const text of windows) {
      workers[sent % workers.length]?.postMessage({ index: sent, text });
      sent += 1;
      while (sent - joined >= THREADS * IN_FLIGHT_PER_THREAD) joinBatch(state, await verdictOf(joined++));
    }
    while (joined < sent) joinBatch(state, await verdictOf(joined++));
    return state;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
