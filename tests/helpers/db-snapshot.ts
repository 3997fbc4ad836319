/** Every row of every table, in a stable order: equal snapshots mean nothing stored changed. */
import { BACKUP_TABLES } from '@/db/backup';
import { queryRows, sql, type Db } from '@/db/client';

export async function snapshotTables(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) {
    const rows = await queryRows<{ r: unknown }>(
      db,
      sql.raw(`select to_jsonb(x) as r from ${t.name} x order by ${t.orderBy}`),
    );
    out[t.name] = rows.map((row) => row.r);
  }
  return out;
}
