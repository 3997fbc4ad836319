/**
 * Logical backup and restore, the same on both engines: every table as JSON lines (gzip), restored into an
 * empty, migrated database in one transaction with `jsonb_populate_recordset`, identities kept, sequences
 * reset. The audit log is restored row for row, so its hash chain verifies after a restore.
 */
import { once } from 'node:events';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import fs from 'node:fs';
import { queryRows, sql, type Db } from './client';
import { dataVersionChanged } from './queries/data-version';
import { FORBIDDEN_SETTING_KEYS } from './queries/settings';

export const BACKUP_FORMAT = 'zhuashou-backup';
export const BACKUP_VERSION = 1;

/** Tables in dependency order (parents first), with the columns that order their rows. */
/** `page`: rows per read and per restored batch (default 5000 / 1000), small for tables of large rows. */
export const BACKUP_TABLES: {
  name: string;
  orderBy: string;
  keyset?: string;
  serial?: string;
  where?: string;
  page?: number;
}[] = [
  { name: 'work_areas', orderBy: 'id' },
  { name: 'departments', orderBy: 'id', serial: 'id' },
  { name: 'units', orderBy: 'id', serial: 'id' },
  { name: 'users', orderBy: 'id', serial: 'id' },
  { name: 'login_throttle', orderBy: 'address' },
  { name: 'indicators', orderBy: 'id', serial: 'id' },
  { name: 'targets', orderBy: 'id', serial: 'id' },
  { name: 'target_phases', orderBy: 'target_id, month' },
  { name: 'unit_targets', orderBy: 'id', serial: 'id' },
  { name: 'actuals', orderBy: 'id', keyset: 'id', serial: 'id' },
  // 佐证材料 kept in the database come with their bytes (bytea as hex), a few rows at a time (up to 20 MB each);
  // files kept in an EVIDENCE_DIR folder are backed up with that folder (README).
  { name: 'evidence_files', orderBy: 'id', keyset: 'id', serial: 'id', page: 8 },
  { name: 'period_locks', orderBy: 'year, month' },
  // Never a signing secret in a backup (an earlier version kept one here on PostgreSQL).
  { name: 'settings', orderBy: 'key', where: `key not in (${FORBIDDEN_SETTING_KEYS.map((k) => `'${k}'`).join(', ')})` },
  { name: 'instructions', orderBy: 'id', serial: 'id' },
  { name: 'instruction_answers', orderBy: 'id', serial: 'id' },
  { name: 'audit_events', orderBy: 'id', keyset: 'id', serial: 'id' },
  { name: 'seed_runs', orderBy: 'name' },
  { name: 'data_version', orderBy: 'id' },
  { name: 'refusal_windows', orderBy: 'address, reason' },
  { name: 'auditor_alerts', orderBy: 'id', serial: 'id' },
  { name: 'auditor_alert_acks', orderBy: 'alert_id, auditor_id' },
  // The reminders sent and pending (their keys keep a restored server from sending them again). worker_leases is
  // left out: a lease is only meaningful to the processes running when it was taken.
  { name: 'reminder_outbox', orderBy: 'id', keyset: 'id', serial: 'id' },
  // Generated 通报 with their files (bytea goes through to_jsonb as \\x hex and back).
  { name: 'bulletins', orderBy: 'id', serial: 'id' },
  { name: 'bulletin_files', orderBy: 'id', keyset: 'id', serial: 'id', page: 8 },
  { name: 'plans', orderBy: 'id', serial: 'id' },
  { name: 'plan_indicators', orderBy: 'id', serial: 'id' },
  { name: 'scoring_schemes', orderBy: 'id', serial: 'id' },
  { name: 'score_snapshots', orderBy: 'id', serial: 'id' },
];

const PAGE = 5000;

async function write(out: Writable, line: string) {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/** Streams every table to `destination` (gzip JSON lines); returns the row count per table. */
export async function backupDatabase(db: Db, destination: Writable): Promise<Record<string, number>> {
  const gzip = createGzip();
  gzip.pipe(destination);
  const counts: Record<string, number> = {};
  await write(
    gzip,
    JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString() }),
  );
  // One snapshot for the whole backup, so a write during it cannot make the tables disagree.
  await db.transaction(async (tx) => {
    await queryRows(tx, sql.raw('set transaction isolation level repeatable read'));
    for (const table of BACKUP_TABLES) {
      let n = 0;
      let after: number | null = null;
      for (;;) {
        const conditions: string[] = [
          table.where,
          table.keyset && after !== null ? `${table.keyset} > ${after}` : undefined,
        ].filter((c): c is string => Boolean(c));
        const where: string = conditions.length ? `where ${conditions.join(' and ')}` : '';
        const page = table.page ?? PAGE;
        const limit = table.keyset ? `limit ${page}` : '';
        const rows = await queryRows<{ r: Record<string, unknown> }>(
          tx,
          sql.raw(`select to_jsonb(t) as r from ${table.name} t ${where} order by ${table.orderBy} ${limit}`),
        );
        for (const { r } of rows) await write(gzip, JSON.stringify({ t: table.name, r }));
        n += rows.length;
        if (!table.keyset || rows.length < page) break;
        after = Number(rows.at(-1)?.r[table.keyset]);
      }
      counts[table.name] = n;
    }
  });
  await write(gzip, JSON.stringify({ end: true, counts }));
  gzip.end();
  await once(destination, 'finish');
  return counts;
}

/**
 * Writes a backup to a new file readable by its owner only (0600, whatever the umask); an existing file is
 * never overwritten (nor its mode trusted): the call fails with EEXIST and the file is left alone.
 */
export async function backupToFile(db: Db, file: string): Promise<Record<string, number>> {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.fchmodSync(fd, 0o600);
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  return backupDatabase(db, fs.createWriteStream('', { fd }));
}

export class RestoreError extends Error {}

/** True when the database holds no rows of any backed-up table (a fresh, migrated database). */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  for (const table of BACKUP_TABLES) {
    const rows = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table.name}`));
    if ((rows[0]?.n ?? 0) > 0) return false;
  }
  return true;
}

/** Restores a backup into an empty database, all or nothing; returns the row count per table. */
export async function restoreDatabase(db: Db, source: Readable): Promise<Record<string, number>> {
  if (!(await isEmptyDatabase(db))) {
    throw new RestoreError('目标数据库不是空的：恢复只能写入一个新建（仅执行过迁移）的数据库，以免覆盖现有数据。');
  }
  const counts: Record<string, number> = {};
  let header = false;
  let expected: Record<string, number> | null = null;
  await db.transaction(async (tx) => {
    let batch: unknown[] = [];
    let batchTable: string | null = null;
    const flush = async () => {
      if (!batchTable || !batch.length) return;
      const name = batchTable;
      if (!BACKUP_TABLES.some((t) => t.name === name)) throw new RestoreError(`备份中有未知的表：${name}`);
      await queryRows(
        tx,
        sql`insert into ${sql.identifier(name)} overriding system value select * from jsonb_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(batch)}::jsonb)`,
      );
      counts[name] = (counts[name] ?? 0) + batch.length;
      batch = [];
    };
    // Created here, right before reading: readline emits from creation on, and lines emitted before the
    // loop starts (while BEGIN travels to the server) would be lost.
    const lines = readline.createInterface({ input: source.pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const entry = JSON.parse(line) as {
        format?: string;
        version?: number;
        t?: string;
        r?: unknown;
        end?: boolean;
        counts?: Record<string, number>;
      };
      if (!header) {
        if (entry.format !== BACKUP_FORMAT || entry.version !== BACKUP_VERSION)
          throw new RestoreError('文件不是本系统的备份文件（或版本不兼容）');
        header = true;
        continue;
      }
      if (entry.end) {
        expected = entry.counts ?? {};
        continue;
      }
      if (entry.t !== batchTable || batch.length >= (BACKUP_TABLES.find((t) => t.name === batchTable)?.page ?? 1000)) {
        await flush();
        batchTable = entry.t ?? null;
      }
      batch.push(entry.r);
    }
    await flush();
    if (!expected) throw new RestoreError('备份文件不完整（缺少结尾标记），未做任何恢复');
    for (const table of BACKUP_TABLES) {
      if ((counts[table.name] ?? 0) !== (expected[table.name] ?? 0)) {
        throw new RestoreError(
          `备份文件不完整：表 ${table.name} 应有 ${expected[table.name] ?? 0} 行，实际 ${counts[table.name] ?? 0} 行`,
        );
      }
      if (table.serial) {
        await queryRows(
          tx,
          sql.raw(
            `select setval(pg_get_serial_sequence('${table.name}', '${table.serial}'), coalesce((select max(${table.serial}) from ${table.name}), 0) + 1, false)`,
          ),
        );
      }
    }
  });
  dataVersionChanged(); // the restored data_version replaces what this process may have read (./queries/data-version)
  return counts;
}
