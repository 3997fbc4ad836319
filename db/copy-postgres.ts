/**
 * PostgreSQL's COPY out, read on the thread it runs on: the thread beside the server's (./copy-worker.ts) that
 * copyOut (./copy.ts) starts for each COPY. Imports only postgres.js and what is free of the database layer.
 */
import postgres from 'postgres';
import { writeAt } from './copy-text';
import { type CopyScratch, inlineLiterals, literalValues, quotingSelect, type RenderedQuery } from './copy-query';

/** Bytes of PostgreSQL's COPY gathered before they are handed on: a window of the audit export (exports.ts). */
const POSTGRES_GATHER_BYTES = 256 * 1024;

/**
 * A COPY stream's chunks written end to end into `scratch`, handed on about `POSTGRES_GATHER_BYTES` at a time; the
 * stream is paused while its reader works on them. postgres.js pushes each row (a CopyData message) to the stream as
 * a chunk of its own: read through the stream's iterator, its buffer joined them into a new buffer per read (the
 * stream holds at most 16 KB): a copy of every byte, and a new buffer that counts towards V8's next collection of the
 * whole heap. Read from its `data` events, each row is copied once, into a buffer reused by the walk.
 */
async function* gathered(stream: NodeJS.ReadableStream, scratch: CopyScratch): AsyncGenerator<Uint8Array> {
  const fresh = () => (scratch.buffer.length ? scratch.buffer : new Uint8Array(2 * POSTGRES_GATHER_BYTES));
  let buffer = fresh();
  let size = 0;
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  stream.on('data', (chunk: Uint8Array) => {
    buffer = writeAt(buffer, size, chunk);
    size += chunk.length;
    if (size >= POSTGRES_GATHER_BYTES) {
      stream.pause();
      notify();
    }
  });
  stream.on('end', () => {
    ended = true;
    notify();
  });
  stream.on('error', (error: unknown) => {
    failure ??= error;
    notify();
  });
  stream.on('close', () => {
    if (!ended) failure ??= new Error('COPY: the connection closed before the end of its output');
    notify();
  });
  for (;;) {
    if (failure) throw failure;
    if (size >= POSTGRES_GATHER_BYTES || (ended && size > 0)) {
      scratch.buffer = buffer;
      yield buffer.subarray(0, size);
      buffer = fresh(); // the reader may have moved it away and put another in its place
      size = 0;
      if (!ended) stream.resume();
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

/**
 * PostgreSQL: on a connection of its own, closed at the end (at once when the reader stops early): postgres.js 3.4
 * can leave a pooled connection's socket paused after a COPY (porsager/postgres#1016), and the next query on it
 * would wait for ever.
 */
export async function* copyOutPostgres(
  url: string,
  query: RenderedQuery,
  scratch: CopyScratch,
): AsyncGenerator<Uint8Array> {
  const connect = () => postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  const client = connect();
  let backend: number | null = null;
  let stream: NodeJS.ReadableStream | null = null;
  let complete = false;
  try {
    const values = literalValues(query);
    const [facts] = await client.unsafe<Record<string, string | number>[]>(
      quotingSelect(['pg_backend_pid() as pid'], values),
      values,
    );
    backend = Number(facts?.pid);
    stream = await client.unsafe(`copy (${inlineLiterals(query, facts)}) to stdout`).readable();
    yield* gathered(stream, scratch);
    complete = true;
  } finally {
    // A reader that stopped early (a cancelled download): the server is blocked writing the rest, so it reads
    // neither a cancel nor the connection's goodbye until the client reads on. Its backend is ended instead — a
    // login may end its own backends — and what is still on its way is read and dropped, until the socket closes.
    if (!complete && backend !== null) {
      stream?.removeAllListeners('data').on('error', () => {}); // the end of the abandoned COPY errors the stream
      stream?.resume();
      const other = connect();
      await other`select pg_terminate_backend(${backend})`.catch(() => undefined);
      await other.end({ timeout: 5 });
    }
    await client.end({ timeout: complete ? 5 : 0 });
  }
}
