/**
 * The user row a session is checked against (db/queries/session-users.ts), which PGlite's handle keeps in the process
 * until the users table changes: every change committed by any path (a service, hand-written SQL) is seen by the
 * next read, a rolled-back one leaves the stored row, and a read in flight when a change commits is not kept past it.
 * On PGlite a second read asks nothing of the database; PostgreSQL is always asked.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Db, type DbHandle } from '@/db/client';
import { getSessionUserRow, usersChanged } from '@/db/queries/session-users';
import { users } from '@/db/schema';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { createUser, setUserDisabled } from '@/lib/services/admin/users';
import { forEachEngine } from '@/tests/helpers/test-db';

let n = 0;
async function newUser(db: Db) {
  n += 1;
  const { id } = await createUser(
    SYSTEM_ACTOR,
    {
      username: `su${n}`,
      displayName: `会话用户${n}`,
      role: 'leader',
      password: 'Kx9#mPq2Lw',
      mustChangePassword: false,
    },
    { db },
  );
  return id;
}

forEachEngine('the user a session is checked against', (ctx) => {
  it('sees every committed change, whatever made it, and none that rolled back', async () => {
    const id = await newUser(ctx.db);
    const first = await getSessionUserRow(ctx.db, id);
    expect(first).toMatchObject({ id, isDisabled: false });
    expect(await getSessionUserRow(ctx.db, id)).toEqual(first);

    await setUserDisabled(SYSTEM_ACTOR, id, true, { db: ctx.db });
    const disabled = await getSessionUserRow(ctx.db, id);
    expect(disabled?.isDisabled).toBe(true);
    expect(disabled?.sessionVersion).not.toBe(first?.sessionVersion);

    await queryRows(
      ctx.db,
      sql`update users set session_version = session_version + 1, is_disabled = false where id = ${id}`,
    );
    expect(await getSessionUserRow(ctx.db, id)).toMatchObject({
      isDisabled: false,
      sessionVersion: (disabled?.sessionVersion ?? 0) + 1,
    });

    await ctx.db
      .transaction(async (tx) => {
        await tx.update(users).set({ displayName: '不会留下' }).where(eq(users.id, id));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await getSessionUserRow(ctx.db, id))?.displayName).toBe(`会话用户${n}`);
    expect(await getSessionUserRow(ctx.db, 2_000_000_000)).toBeNull();
  });

  it('a read made while a change is open never keeps the old row past its commit', async () => {
    const id = await newUser(ctx.db);
    const before = await getSessionUserRow(ctx.db, id);
    let commit = () => {};
    const gate = new Promise<void>((resolve) => (commit = resolve));
    let changed = () => {};
    const inside = new Promise<void>((resolve) => (changed = resolve));
    const writing = ctx.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, id));
      changed();
      await gate;
    });
    await inside;
    // PostgreSQL answers the committed row at once; PGlite waits for the transaction to end.
    const during = getSessionUserRow(ctx.db, id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    commit();
    await writing;
    expect([before?.sessionVersion, (before?.sessionVersion ?? 0) + 1]).toContain((await during)?.sessionVersion);
    expect((await getSessionUserRow(ctx.db, id))?.sessionVersion).toBe((before?.sessionVersion ?? 0) + 1);
  });
});

describe('the user a session is checked against, on PGlite: read once between changes', () => {
  let handle: DbHandle;
  let queries = 0;
  /** Runs (once) when the next statement that reads users is sent: a change seen while that read waits. */
  let duringRead: (() => void) | null = null;
  const count = async (fn: () => Promise<unknown>) => {
    queries = 0;
    await fn();
    return queries;
  };
  beforeAll(async () => {
    handle = await openDatabase({
      dir: 'memory://',
      onQuery: (query) => {
        queries += 1;
        if (duringRead && query.includes('from "users"')) {
          const run = duringRead;
          duringRead = null;
          run();
        }
      },
    });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('asks the database for a user once, and again after any change to the users table', async () => {
    const id = await newUser(handle.db);
    const other = await newUser(handle.db);
    expect(await count(() => getSessionUserRow(handle.db, id))).toBe(1);
    expect(await count(() => getSessionUserRow(handle.db, id))).toBe(0);
    expect(await count(() => getSessionUserRow(handle.db, other))).toBe(1);
    expect(await count(() => getSessionUserRow(handle.db, other))).toBe(0);
    await queryRows(handle.db, sql`update users set display_name = display_name where id = ${other}`);
    expect(await count(() => getSessionUserRow(handle.db, id))).toBe(1);
    expect(await count(() => getSessionUserRow(handle.db, id))).toBe(0);
  });

  it('does not keep a row whose read was in flight when a change was seen', async () => {
    const id = await newUser(handle.db);
    const other = await newUser(handle.db);
    duringRead = usersChanged;
    expect(await count(() => getSessionUserRow(handle.db, id))).toBe(1);
    expect(duringRead).toBeNull();
    expect(await count(() => getSessionUserRow(handle.db, id))).toBe(1);
    expect(await count(() => getSessionUserRow(handle.db, id))).toBe(0);
    // A reader that starts after the change, while the first read still waits for its row, must not make that
    // row current.
    usersChanged();
    let second: Promise<unknown> = Promise.resolve();
    duringRead = () => {
      usersChanged();
      second = getSessionUserRow(handle.db, other);
    };
    expect(
      await count(async () => {
        await getSessionUserRow(handle.db, id);
        await second;
      }),
    ).toBe(2);
    expect(duringRead).toBeNull();
    expect(await count(() => getSessionUserRow(handle.db, id))).toBe(1);
  });
});
