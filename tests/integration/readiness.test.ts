/** /api/ready's answer and the start-up warning about an owner-level database login, on both engines. */
import { describe, expect, it } from 'vitest';
import { sql } from '@/db/client';
import { checkReadiness, OWNER_LOGIN_WARNING, reportDatabaseLogin } from '@/lib/services/platform/readiness';
import { forEachEngine } from '@/tests/helpers/test-db';

forEachEngine('readiness', (ctx) => {
  const restricted = ctx.engine === 'postgres' && process.env.TEST_APP_DB_ROLE !== '0';

  it('is ready on a migrated database and names the kind of login, nothing more', async () => {
    const readiness = await checkReadiness({ handle: ctx.handle });
    expect(readiness).toEqual({
      ready: true,
      database: 'ok',
      migrations: 'current',
      login: restricted ? 'restricted' : 'owner',
    });
  });

  it.runIf(ctx.engine === 'postgres')(
    'warns at start on a production PostgreSQL whose login is owner-level, and only then',
    async () => {
      const lines: string[] = [];
      const warn = (line: string) => lines.push(line);
      const owner = { ...ctx.handle, db: ctx.ownerDb };
      expect(await reportDatabaseLogin({ handle: owner, production: true, warn })).toBe('owner');
      expect(lines).toEqual([OWNER_LOGIN_WARNING]);
      expect(OWNER_LOGIN_WARNING).toMatch(/WARN .*owner-level.*db:roles/);
      expect(await reportDatabaseLogin({ handle: owner, production: false, warn })).toBe('owner');
      if (restricted)
        expect(await reportDatabaseLogin({ handle: ctx.handle, production: true, warn })).toBe('restricted');
      expect(lines).toHaveLength(1);
    },
  );

  it('is not ready when a migration is pending', async () => {
    await ctx.ownerDb.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
    );
    const readiness = await checkReadiness({ handle: ctx.handle });
    expect(readiness).toMatchObject({ ready: false, database: 'ok', migrations: 'pending' });
  });
});

describe('readiness when the database does not answer', () => {
  it('is not ready, and says no more', async () => {
    const hung = {
      engine: 'postgres' as const,
      location: 'x',
      close: async () => {},
      db: { execute: () => new Promise(() => {}) },
    };
    // @ts-expect-error a stand-in handle whose queries never return
    expect(await checkReadiness({ handle: hung, timeoutMs: 50 })).toEqual({
      ready: false,
      database: 'unavailable',
      migrations: 'unknown',
      login: 'unknown',
    });
  });
});
