/**
 * The data version of the dashboards' read model (see db/schema.ts dataVersion): bumped by appendAuditEvent
 * for actions that change data, read by lib/services/dashboards/read-model.ts.
 */
import { queryRows, sql, type Db } from '../client';

/** Moves the version on by one; call inside the transaction of the write (appendAuditEvent does). */
export async function bumpDataVersion(tx: Db): Promise<void> {
  await queryRows(
    tx,
    sql`insert into data_version (id, version) values (1, 1)
        on conflict (id) do update set version = data_version.version + 1`,
  );
}

/** The current version (0 before the first data write). */
export async function getDataVersion(db: Db): Promise<number> {
  const [row] = await queryRows<{ version: string | number }>(db, sql`select version from data_version where id = 1`);
  return row ? Number(row.version) : 0;
}
