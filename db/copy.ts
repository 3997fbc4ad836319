/**
 * COPY out of either engine, for the walks over millions of rows (db/queries/audit.ts): PostgreSQL streams it on a
 * connection of its own, PGlite answers it on its raw protocol, a statement at a time. The handles openDatabase
 * (./client.ts) makes carry what this needs under the symbols below.
 */
import { protocol, type PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { Db, Engine } from './client';
import { takeCopyData } from './copy-protocol';
import { writeAt } from './copy-text';

/**
 * What copyOut needs of a handle — PostgreSQL's URL, for a connection of its own; PGlite's instance — kept on the
 * handle under registered symbols, so that every copy of this module (tsx can load it once as ESM and once as
 * CommonJS) finds them. A transaction's handle has neither.
 */
export const POSTGRES_URL = Symbol.for('zhuashou.db.postgresUrl');
export const PGLITE = Symbol.for('zhuashou.db.pglite');
const postgresUrlOf = (db: Db): string | undefined =>
  (db as unknown as Record<symbol, string | undefined>)[POSTGRES_URL];
const pgliteOf = (db: Db): PGlite | undefined => (db as unknown as Record<symbol, PGlite | undefined>)[PGLITE];

/** A statement as drizzle renders it (`.toSQL()` of a query): text with $1…$n, and the values bound to them. */
export interface RenderedQuery {
  sql: string;
  params: unknown[];
}

/** How copyOut answers on this handle: one stream of the whole output, one answer per statement, or not at all. */
export function copyEngine(db: Db): Engine | null {
  if (postgresUrlOf(db)) return 'postgres';
  return pgliteOf(db) ? 'pglite' : null;
}

/**
 * `query`'s rows through `COPY (…) TO STDOUT` in text format, as raw bytes in complete lines: on PostgreSQL streamed
 * to the client, gathered a quarter of a megabyte at a time; on PGlite the whole output at once, in one synchronous
 * call, so its callers copy a range at a time. Either way the bytes are written into `scratch` (shared by a walk's
 * COPYs): a chunk is valid until the next is asked for.
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
  if (url) return copyOutPostgres(url, query, scratch);
  const pglite = pgliteOf(db);
  return pglite ? copyOutPglite(pglite, query, scratch) : null;
}

/** The query's values as text for format('%L'): text, numbers and booleans only (drizzle maps dates to text). */
function literalValues(query: RenderedQuery): (string | null)[] {
  return query.params.map((value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'object') throw new Error('copyOut: only text, numbers and booleans can be inlined');
    return String(value);
  });
}

/** The select that quotes each value (as the column "1", "2", …), after `first` columns of the caller's. */
const quotingSelect = (first: string[], values: unknown[]) =>
  `select ${[...first, ...values.map((_, i) => `format('%L', $${i + 1}::text) as "${i + 1}"`)].join(', ')}`;

function inlineLiterals(query: RenderedQuery, quoted: Record<string, unknown> | undefined): string {
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const literal = quoted?.[n];
    if (typeof literal !== 'string') throw new Error(`copyOut: no value for $${n}`);
    return literal;
  });
}

/** Bytes a COPY's answer starts with room for; it doubles as needed (a walk's range is a megabyte or two). */
const PGLITE_ANSWER_BYTES = 1 << 20;

/**
 * Where a walk's COPYs on PGlite write their answers, one after another: one buffer for the whole walk. A fresh
 * megabyte per range made V8 collect the server's whole heap about a hundred times per verify of a million events
 * (the buffers' bytes count towards its next collection); with one, once or twice. What copyOut yields from it is
 * valid until the next chunk is asked for.
 */
export class CopyScratch {
  buffer = new Uint8Array(0);
}

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
  let buffer = scratch.buffer.length ? scratch.buffer : new Uint8Array(2 * POSTGRES_GATHER_BYTES);
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
async function* copyOutPostgres(url: string, query: RenderedQuery, scratch: CopyScratch): AsyncGenerator<Uint8Array> {
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
