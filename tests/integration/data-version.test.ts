/**
 * The dashboards' data version (db/queries/data-version.ts), which PGlite's handle keeps in the process between
 * writes: every read after a committed bump sees it, a rolled-back bump leaves the committed value, and a read made
 * while a write is open never keeps an old value past the write's commit.
 */
import { expect, it } from 'vitest';
import { bumpDataVersion, getDataVersion } from '@/db/queries/data-version';
import { forEachEngine } from '@/tests/helpers/test-db';

forEachEngine('the data version', (ctx) => {
  it('moves with every committed bump, and stays with a rolled-back one', async () => {
    const start = await getDataVersion(ctx.db);
    expect(await getDataVersion(ctx.db)).toBe(start);
    await ctx.db.transaction(async (tx) => bumpDataVersion(tx));
    expect(await getDataVersion(ctx.db)).toBe(start + 1);
    await ctx.db
      .transaction(async (tx) => {
        await bumpDataVersion(tx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await getDataVersion(ctx.db)).toBe(start + 1);
    await ctx.db.transaction(async (tx) => {
      await bumpDataVersion(tx);
      await bumpDataVersion(tx);
    });
    expect(await getDataVersion(ctx.db)).toBe(start + 3);
  });

  it('a read made while a bump is open never keeps the old value past its commit', async () => {
    const start = await getDataVersion(ctx.db);
    let commit = () => {};
    const gate = new Promise<void>((resolve) => (commit = resolve));
    let bumped = () => {};
    const inside = new Promise<void>((resolve) => (bumped = resolve));
    const writing = ctx.db.transaction(async (tx) => {
      await bumpDataVersion(tx);
      bumped();
      await gate;
    });
    await inside;
    // PostgreSQL answers the committed value at once; PGlite waits for the transaction to end.
    const during = getDataVersion(ctx.db);
    await new Promise((resolve) => setTimeout(resolve, 50));
    commit();
    await writing;
    expect([start, start + 1]).toContain(await during);
    expect(await getDataVersion(ctx.db)).toBe(start + 1);
  });
});
