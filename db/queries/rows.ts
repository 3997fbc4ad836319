import { inArray, type Column, type SQL } from 'drizzle-orm';

/** The first row a statement returns, or null: reads of one row by key, and inserts that may insert nothing. */
export async function firstOrNull<T>(rows: PromiseLike<T[]>): Promise<T | null> {
  const [row] = await rows;
  return row ?? null;
}

/** The row an `insert … returning` gives back: one always comes (the insert has no conflict clause), or the write failed. */
export async function insertedRow<T>(rows: PromiseLike<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error(`${what} insert returned no row`);
  return row;
}

/** `column` among `ids` (a filter by indicator): an empty list matches nothing, as no row has the id -1. */
export function idIn(column: Column, ids: number[]): SQL {
  return inArray(column, ids.length ? ids : [-1]);
}
