/**
 * COPY out of either engine, for the walks over millions of rows (db/queries/audit.ts): PostgreSQL streams it on a
 * connection of its own, read by a thread beside this one (./copy-worker.ts); PGlite answers it on its raw protocol, a
 * statement at a time. The handles openDatabase
 * (./client.ts) makes carry what this needs under the symbols below.
 */
import { protocol, type PGlite } from '@electric-sql/pglite';
import { Worker } from 'node:worker_threads';
import { threadExecArgv } from '@/lib/threads';
import type { Db, Engine } from './client';
import { takeCopyData } from './copy-protocol';
import { CopyScratch, inlineLiterals, literalValues, quotingSelect, type RenderedQuery } from './copy-query';
import { writeAt } from './copy-text';
import type { CopyThreadData, CopyThreadMessage, CopyThreadOrder } from './copy-worker';

/**
 * What copyOut needs of a handle — PostgreSQL's URL, for a connection of its own; PGlite's instance — kept on the
 * handle under registered symbols, so that every copy of this module (tsx can load it once as ESM and once as
 * CommonJS) finds them. A transaction's handle has neither.
 */
export const POSTGRES_URL = Symbol.for('zhuashou.db.postgresUrl');
export const PGLITE = Symbol.for('zhuashou.db.pglite');
const postgresUrlOf = (db: Db): string | undefined =>
  (db as unknown as Record<symbol, string | undefined>)[POSTGRES_URL];
/** PGlite's instance behind a root handle (openDatabase's); undefined on PostgreSQL and in a transaction. */
export const pgliteOf = (db: Db): PGlite | undefined => (db as unknown as Record<symbol, PGlite | undefined>)[PGLITE];

/** How copyOut answers on this handle: one stream of the whole output, one answer per statement, or not at all. */
export function copyEngine(db: Db): Engine | null {
  if (postgresUrlOf(db)) return 'postgres';
  return pgliteOf(db) ? 'pglite' : null;
}

/**
 * `query`'s rows through `COPY (…) TO STDOUT` in text format, as raw bytes in complete lines: on PostgreSQL streamed
 * to the client by a thread of its own, handed over a quarter of a megabyte at a time; on PGlite the whole output at
 * once, in one synchronous call, written into `scratch` (shared by a walk's COPYs), so its callers copy a range at a
 * time. Either way a chunk is valid until the next is asked for.
 * Null for a handle that can do neither (a transaction's).
 * COPY takes no bound parameters: each of the query's values is quoted as a literal by the engine itself
 * (`format('%L', …)`, on the same connection, so under the same settings) and put in place of its placeholder — the
 * text around them is drizzle's, which writes no `$` but its placeholders. Quoted literals are untyped: the column
 * each is compared with gives its type, as a bound value's would.
 */
export function copyOut(
  db: Db,
  query: RenderedQuery,
  scratch: CopyScratch = new CopyScratch(),
): AsyncIterable<Uint8Array> | null {
  const url = postgresUrlOf(db);
  if (url) return copyOutInThread(url, query);
  const pglite = pgliteOf(db);
  return pglite ? copyOutPglite(pglite, query, scratch) : null;
}

/** Bytes a COPY's answer starts with room for; it doubles as needed (a walk's range is a megabyte or two). */
const PGLITE_ANSWER_BYTES = 1 << 20;

/**
 * PGlite: `COPY … TO STDOUT` sent on its raw protocol, as a simple query, whose answer (CopyData messages, copied out
 * of its memory as it writes them) is read by ./copy-protocol. Half the time of its COPY … TO '/dev/blob' (a million
 * events: about 5 s against 10 s; scripts/bench/README.md), and one copy of the bytes, not three (the blob's parts,
 * the blob, its ArrayBuffer). The raw protocol takes none of PGlite's locks: it runs holding both, so that it never
 * lands inside another caller's open transaction. It runs to its end in one synchronous call.
 */
async function* copyOutPglite(pglite: PGlite, query: RenderedQuery, scratch: CopyScratch): AsyncGenerator<Uint8Array> {
  const values = literalValues(query);
  const quoted = values.length
    ? (await pglite.query<Record<string, string>>(quotingSelect([], values), values)).rows[0]
    : {};
  const message = protocol.serialize.query(`copy (${inlineLiterals(query, quoted)}) to stdout`);
  let answer = scratch.buffer.length ? scratch.buffer : new Uint8Array(PGLITE_ANSWER_BYTES);
  let size = 0;
  const onRawData = (chunk: Uint8Array) => {
    answer = writeAt(answer, size, chunk);
    size += chunk.length;
  };
  await pglite._runExclusiveTransaction(() =>
    pglite._runExclusiveQuery(() => pglite.execProtocolRawStream(message, { syncToFs: false, onRawData })),
  );
  scratch.buffer = answer;
  const text = takeCopyData(answer.subarray(0, size));
  if (text.length) yield text;
}

/** How long a stopped COPY's thread gets to end its backend and close its connection before it is terminated. */
const COPY_THREAD_STOP_MS = 10_000;

/**
 * PostgreSQL: the COPY read by a thread of its own (./copy-worker.ts), whose chunks arrive here with their buffers
 * moved, and go back once the next is asked for. Read on this thread, postgres.js's few objects per row (a million
 * rows per audit export) were promoted into the server's heap by its small young generation and cost more in
 * collections than the COPY itself (scripts/bench/README.md). The generator's end waits for the thread's: a reader
 * that stopped early has the thread end the COPY's backend first; the engine's error arrives with its fields.
 */
async function* copyOutInThread(url: string, query: RenderedQuery): AsyncGenerator<Uint8Array> {
  const data: CopyThreadData = { url, query: { sql: query.sql, params: literalValues(query) } };
  const thread = new Worker(new URL('./copy-worker.ts', import.meta.url), {
    workerData: data,
    execArgv: threadExecArgv(import.meta.url),
  });
  const arrived: CopyThreadMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  thread.on('message', (message: CopyThreadMessage) => {
    arrived.push(message);
    notify();
  });
  thread.on('error', (error: Error) => {
    failure ??= error;
    notify();
  });
  const exit = new Promise<void>((resolve) =>
    thread.once('exit', () => {
      exited = true;
      notify();
      resolve();
    }),
  );
  const order = (message: CopyThreadOrder, moved: ArrayBuffer[] = []) => {
    if (!exited) thread.postMessage(message, moved);
  };
  let ended = false;
  try {
    for (;;) {
      const message = arrived.shift();
      if (!message) {
        if (failure) throw failure;
        if (exited) throw new Error('COPY: its thread ended before the end of its output');
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('error' in message) throw Object.assign(new Error(message.error.message), message.error);
      if ('end' in message) {
        ended = true;
        return;
      }
      yield message.chunk;
      const buffer = message.chunk.buffer as ArrayBuffer;
      order({ buffer }, [buffer]);
    }
  } finally {
    if (!ended) order({ stop: true });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, COPY_THREAD_STOP_MS)));
    await Promise.race([exit, late]);
    clearTimeout(timer);
    if (!exited) await thread.terminate();
  }
}
