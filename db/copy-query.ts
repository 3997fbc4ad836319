/**
 * What both engines' COPY out (./copy.ts) shares: the statement as drizzle renders it, its values inlined as literals
 * the engine quotes itself, and the buffer a walk's COPYs write into. Free of either engine's client, so that the
 * thread reading PostgreSQL's COPY (./copy-worker.ts) loads only postgres.js.
 */

/** A statement as drizzle renders it (`.toSQL()` of a query): text with $1…$n, and the values bound to them. */
export interface RenderedQuery {
  sql: string;
  params: unknown[];
}

/** The query's values as text for format('%L'): text, numbers and booleans only (drizzle maps dates to text). */
export function literalValues(query: RenderedQuery): (string | null)[] {
  return query.params.map((value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'object') throw new Error('copyOut: only text, numbers and booleans can be inlined');
    return String(value);
  });
}

/** The select that quotes each value (as the column "1", "2", …), after `first` columns of the caller's. */
export const quotingSelect = (first: string[], values: unknown[]) =>
  `select ${[...first, ...values.map((_, i) => `format('%L', $${i + 1}::text) as "${i + 1}"`)].join(', ')}`;

/** The query's text with each placeholder replaced by its quoted literal (from quotingSelect's row). */
export function inlineLiterals(query: RenderedQuery, quoted: Record<string, unknown> | undefined): string {
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const literal = quoted?.[n];
    if (typeof literal !== 'string') throw new Error(`copyOut: no value for $${n}`);
    return literal;
  });
}

/**
 * Where a walk's COPYs write their answers, one after another: one buffer for the whole walk. A fresh megabyte per
 * range made V8 collect the server's whole heap about a hundred times per verify of a million events (the buffers'
 * bytes count towards its next collection); with one, once or twice. What copyOut yields from it is valid until the
 * next chunk is asked for. Its reader may put another buffer in its place meanwhile (the thread reading PostgreSQL's
 * COPY moves each chunk's buffer away: ./copy-worker.ts); an empty one is replaced by a new one.
 */
export class CopyScratch {
  buffer = new Uint8Array(0);
}
