/** The first row a statement returns, or null: reads of one row by key, and inserts that may insert nothing. */
export async function firstOrNull<T>(rows: PromiseLike<T[]>): Promise<T | null> {
  const [row] = await rows;
  return row ?? null;
}
