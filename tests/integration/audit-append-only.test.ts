/**
 * The audit table is append-only in the database itself, on both engines: UPDATE, DELETE and TRUNCATE are
 * refused whoever asks — here the owner, whom only the triggers stop (the application's login is refused by its
 * privileges before any trigger: db-app-login.test.ts); on PostgreSQL the application role (zhuashou_app) holds
 * only INSERT and SELECT.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '@/db/client';
import { append, auditCount } from '@/scripts/lib/audit-fixtures';
import { forEachEngine } from '@/tests/helpers/test-db';
import { refusal } from './fixtures/refusals';

forEachEngine('audit table is append-only', (ctx) => {
  it('refuses UPDATE, DELETE and TRUNCATE even to the owner, and the rows stay as they were', async () => {
    const { id } = await append(ctx.db, { reason: '原始原因' });
    const before = await auditCount(ctx.db);
    const owner = ctx.ownerDb;
    expect(await refusal(() => owner.execute(sql`update audit_events set reason = '篡改' where id = ${id}`))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await refusal(() => owner.execute(sql`delete from audit_events where id = ${id}`))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(() => owner.execute(sql`truncate audit_events`))).toMatch(/append-only: TRUNCATE refused/);
    const [row] = await queryRows<{ reason: string }>(ctx.db, sql`select reason from audit_events where id = ${id}`);
    expect(row?.reason).toBe('原始原因');
    expect(await auditCount(ctx.db)).toBe(before);
  });

  it('still accepts appends', async () => {
    const before = await auditCount(ctx.db);
    await append(ctx.db);
    expect(await auditCount(ctx.db)).toBe(before + 1);
  });

  it.runIf(ctx.engine === 'postgres')('the application role may only INSERT and SELECT (migration 0002)', async () => {
    // The migration names the role zhuashou_app; roles are cluster-wide, so the test runs its exact SQL for a
    // throw-away role instead of creating zhuashou_app on a shared server.
    const role = `zs_test_app_${randomBytes(4).toString('hex')}`;
    const migration = fs.readFileSync(path.join(process.cwd(), 'db/migrations/0002_audit_app_role.sql'), 'utf8');
    expect(migration).toContain("rolname = 'zhuashou_app'");
    const db = ctx.ownerDb;
    await db.execute(sql.raw(`create role ${role} nologin`));
    try {
      // What an installation grants its app role on every table (README), before the migration narrows it.
      await db.execute(
        sql.raw(`grant select, insert, update, delete, truncate on all tables in schema public to ${role}`),
      );
      await db.execute(sql.raw(migration.replaceAll('zhuashou_app', role)));
      const [privileges] = await queryRows<Record<string, boolean>>(
        db,
        sql.raw(`select has_table_privilege('${role}', 'audit_events', 'INSERT') as "insert",
          has_table_privilege('${role}', 'audit_events', 'SELECT') as "select",
          has_table_privilege('${role}', 'audit_events', 'UPDATE') as "update",
          has_table_privilege('${role}', 'audit_events', 'DELETE') as "delete",
          has_table_privilege('${role}', 'audit_events', 'TRUNCATE') as "truncate",
          has_table_privilege('${role}', 'actuals', 'UPDATE') as "otherTables"`),
      );
      expect(privileges).toEqual({
        insert: true,
        select: true,
        update: false,
        delete: false,
        truncate: false,
        otherTables: true,
      });
      // And in practice, as that role: an insert works; an update is refused by the privilege (before any trigger).
      class RolledBack extends Error {}
      const denied = await db
        .transaction(async (tx) => {
          await tx.execute(sql.raw(`set local role ${role}`));
          await tx.execute(sql`insert into audit_events (occurred_at, action, entity_type, prev_hash, hash)
            values (now(), 'auth.login', 'user', ${'0'.repeat(64)}, ${randomBytes(32).toString('hex')})`);
          throw new RolledBack(await refusal(() => tx.execute(sql`update audit_events set reason = 'x'`)));
        })
        .catch((e: unknown) => (e instanceof RolledBack ? e.message : Promise.reject(e)));
      expect(denied).toMatch(/permission denied/);
    } finally {
      await db.execute(sql.raw(`drop owned by ${role}`));
      await db.execute(sql.raw(`drop role ${role}`));
    }
  });
});

describe('migration 0002 is installed on the embedded database too', () => {
  it('is in the journal after 0001', () => {
    const journal: unknown = JSON.parse(
      fs.readFileSync(path.join(process.cwd(), 'db/migrations/meta/_journal.json'), 'utf8'),
    );
    const tags = (journal as { entries: { tag: string }[] }).entries.map((e) => e.tag);
    expect(tags.indexOf('0002_audit_app_role')).toBeGreaterThan(tags.indexOf('0001_audit_append_only'));
  });
});
