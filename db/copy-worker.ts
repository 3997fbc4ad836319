/**
 * The thread that reads one PostgreSQL COPY for copyOut (./copy.ts) and hands its output over a quarter of a megabyte
 * at a time: each chunk's buffer is moved to the server's thread, and moved back once read, to be written again.
 * postgres.js makes a few objects per row (a million per audit export); made here, they are collected in this thread's
 * small heap instead of being promoted into the server's, whose collections they made cost more than the COPY itself
 * (scripts/bench/README.md, session 18). Imports stay relative: the thread loads only postgres.js and what it runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { copyOutPostgres } from './copy-postgres';
import { CopyScratch, type RenderedQuery } from './copy-query';

/** What the thread is started with: the database's URL and the statement, its values already as text. */
export interface CopyThreadData {
  url: string;
  query: RenderedQuery;
}

/** The engine's error as fields that cross threads (an Error's own fields do not): its message, code, detail… */
export type CopyThreadError = Record<string, string | number | undefined> & { message: string };

/** What the thread posts: a chunk (its buffer moved), the end of the output, or the error that ended it. */
export type CopyThreadMessage = { chunk: Uint8Array } | { end: true } | { error: CopyThreadError };

/** What the server's thread posts: a chunk's buffer back, once read; or stop (its reader stopped early). */
export type CopyThreadOrder = { buffer: ArrayBuffer } | { stop: true };

/** Chunks handed over and not yet given back before the thread waits (it pauses the COPY's stream meanwhile). */
const CHUNKS_AHEAD = 3;

const port = parentPort;
if (!port) throw new Error('copy-worker.ts runs as a worker thread');
const { url, query } = workerData as CopyThreadData;

const free: ArrayBuffer[] = [];
let away = 0;
let stopped = false;
let wake: (() => void) | null = null;
port.on('message', (order: CopyThreadOrder) => {
  if ('buffer' in order) {
    free.push(order.buffer);
    away -= 1;
  } else stopped = true;
  const resolve = wake;
  wake = null;
  resolve?.();
});

function errorFields(error: unknown): CopyThreadError {
  const fields: CopyThreadError = { message: error instanceof Error ? error.message : String(error) };
  if (error && typeof error === 'object')
    for (const [key, value] of Object.entries(error))
      if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  return fields;
}

async function run(): Promise<CopyThreadMessage | null> {
  const scratch = new CopyScratch();
  try {
    for await (const chunk of copyOutPostgres(url, query, scratch)) {
      if (stopped) return null;
      port?.postMessage({ chunk } satisfies CopyThreadMessage, [chunk.buffer as ArrayBuffer]);
      away += 1;
      while (!stopped && away >= CHUNKS_AHEAD && free.length === 0) await new Promise<void>((r) => (wake = r));
      if (stopped) return null; // leaving the loop ends the COPY's backend (copyOutPostgres)
      const next = free.pop();
      scratch.buffer = next ? new Uint8Array(next) : new Uint8Array(0);
    }
    return { end: true };
  } catch (error) {
    return stopped ? null : { error: errorFields(error) };
  }
}

void run().then((last) => {
  if (last) port.postMessage(last);
  port.close(); // the thread ends: its connection is closed by now
});
