/** Seeds match rows by their stable codes: the ids of the indicators or departments with these codes, by code. */
import { inArray } from 'drizzle-orm';
import type { Db } from '../client';
import type { departments, indicators } from '../schema';

export async function idsByCode(
  tx: Db,
  table: typeof indicators | typeof departments,
  codes: readonly string[],
): Promise<Map<string, number>> {
  const rows: { id: number; code: string }[] = await tx
    .select({ id: table.id, code: table.code })
    .from(table)
    .where(inArray(table.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r.id]));
}
