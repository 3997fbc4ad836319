/**
 * Verifying the chain beside the walk: the walk (on this thread, with the database) hands each window's JSON text
 * to a worker thread, which parses and hashes it; the verdicts are joined here in id order. Hashing a million
 * events costs about as much CPU as reading them, so the database and the hashing run side by side. The result
 * is exactly that of pushing every event through one verifier (lib/domain/audit-verify).
 */
import { Worker } from 'node:worker_threads';
import { createChainVerifier, joinBatch, type BatchVerdict, type ChainState } from '@/lib/domain/audit-verify';

/*
 * One thread beside the walk. Measured on a million events (PostgreSQL, through the server, after the exports):
 * one thread 8.6 s and 57 MB more than the start of the verify; two threads 8.2 s and 79–133 MB more — the second
 * thread's heap cost more memory than its time was worth on a server that runs beside other systems.
 */
/** Events per window handed to the thread: small windows keep its heap small. */
export const VERIFY_WINDOW_EVENTS = 2000;
/** Windows handed out and not yet joined: enough to keep the thread busy while the walk fetches the next. */
const IN_FLIGHT = 3;

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
  const worker = startWorker();
  // One thread answers its windows in the order they were sent: the first waiting is the next answered.
  const waiting: { resolve: (verdict: BatchVerdict) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  worker.on('message', (verdict: BatchVerdict) => waiting.shift()?.resolve(verdict));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`chain worker exited (${code})`)));
  const verify = (text: string) => {
    const verdict = new Promise<BatchVerdict>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.push({ resolve, reject });
      worker.postMessage(text);
    });
    verdict.catch(() => undefined); // awaited in turn below; a failure surfaces there, once
    return verdict;
  };
  try {
    const inFlight: Promise<BatchVerdict>[] = [];
    for await (const text of windows) {
      inFlight.push(verify(text));
      if (inFlight.length >= IN_FLIGHT) joinBatch(state, await (inFlight.shift() as Promise<BatchVerdict>));
    }
    for (const verdict of inFlight) joinBatch(state, await verdict);
    return state;
  } finally {
    await worker.terminate();
  }
}
