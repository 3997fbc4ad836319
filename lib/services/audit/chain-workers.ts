/**
 * Verifying the chain on every core: the walk (on this thread, with the database) hands each window's JSON text
 * to a pool of worker threads, which parse and hash it; the verdicts are joined here in id order. Hashing a
 * million events costs about as much CPU as reading them, so on two cores the database and the hashing run side
 * by side. The result is exactly that of pushing every event through one verifier (lib/domain/audit-verify).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { createChainVerifier, joinBatch, type BatchVerdict, type ChainState } from '@/lib/domain/audit-verify';

/** Threads: one per core, at least one and at most four (the walk itself needs the rest). */
const THREADS = Math.max(1, Math.min(4, os.availableParallelism()));
/** Windows handed out and not yet joined, per thread: enough to keep each one busy, few enough to bound memory. */
const IN_FLIGHT_PER_THREAD = 2;

function startWorker(): Worker {
  const url = new URL('./chain-worker.ts', import.meta.url);
  // Under tsx (the scripts) and the test runner the thread gets the TypeScript source: it loads it through tsx's
  // require hook (its ESM hooks do not reach a worker on Node 20). The production build bundles the thread's code
  // into a script of its own.
  const source = url.pathname.endsWith('.ts');
  return new Worker(url, {
    execArgv: source ? ['--require', 'tsx/cjs'] : undefined,
    // A small young generation: each window's objects die young, and the default let every thread hold
    // tens of MB more (a million events on PostgreSQL, two threads: peak 348 MB, with 4 MB: 273–289 MB, as fast).
    // The old generation is room for a window of unusually large events.
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
