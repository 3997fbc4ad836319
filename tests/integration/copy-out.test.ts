/**
 * COPY out of either engine (db/copy.ts): rows as COPY text; the engine's error as an error, after which the handle
 * still answers; and never inside another caller's open transaction — on PGlite, whose raw protocol takes none of its
 * locks and whose one session a transaction holds between its statements, the COPY waits for it to end.
 */
import { expect, it } from 'vitest';
import { queryRows, sql } from '@/db/client';
import { copyOut } from '@/db/copy';
import { forEachEngine } from '@/tests/helpers/test-db';

async function copied(source: AsyncIterable<Uint8Array> | null): Promise<string> {
  if (!source) throw new Error('no COPY on this handle');
  const parts: Buffer[] = [];
  for await (const chunk of source) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
}

forEachEngine('COPY out', (ctx) => {
  it('brings the rows as COPY text, values bound as literals', async () => {
    const text = await copied(
      copyOut(ctx.db, {
        sql: `select n, case when n % 2 = 0 then '偶数' else e'a\\tb' end from generate_series(1, $1::int) as n where n <> $2`,
        params: [4, 3],
      }),
    );
    expect(text).toBe('1\ta\\tb\n2\t偶数\n4\t偶数\n');
  });

  it('brings a long output whole, in order, however it is gathered', async () => {
    // About 2.5 MB of lines of different lengths: many of PostgreSQL's gathered chunks, a row split across none.
    const rows = 60_000;
    const text = await copied(
      copyOut(ctx.db, {
        sql: `select n, repeat('长治', n % 13), repeat('x', n % 29) from generate_series(1, $1::int) as n`,
        params: [rows],
      }),
    );
    const expected = Array.from({ length: rows }, (_, i) => {
      const n = i + 1;
      return `${n}\t${'长治'.repeat(n % 13)}\t${'x'.repeat(n % 29)}\n`;
    }).join('');
    expect(text.length).toBe(expected.length);
    expect(text === expected).toBe(true);
  });

  it('throws an error the engine meets after rows were sent, and the handle answers afterwards', async () => {
    const failing = {
      sql: `select case when n = $1::int then 1 / 0 else n end, repeat('x', 100) from generate_series(1, $2::int) as n`,
      params: [50_000, 60_000],
    };
    await expect(copied(copyOut(ctx.db, failing))).rejects.toMatchObject({
      message: expect.stringContaining('division by zero') as unknown,
      code: '22012', // the engine's SQLSTATE, across the thread that reads PostgreSQL's COPY
    });
    expect(await queryRows(ctx.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it("throws the engine's error, and the handle answers afterwards", async () => {
    await expect(copied(copyOut(ctx.db, { sql: 'select 1 / 0', params: [] }))).rejects.toThrow('division by zero');
    expect(await queryRows(ctx.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it('a reader that stops early ends the COPY, and the handle answers afterwards', async () => {
    // 20,000 lines of about 1.2 KB: PostgreSQL hands them over a quarter of a megabyte at a time, PGlite at once.
    let total = 0;
    for (let n = 1; n <= 20_000; n += 1) total += String(n).length + 1 + 1200 + 1; // n, tab, 长治 × 200, line end
    const source = copyOut(ctx.db, {
      sql: `select n, repeat('长治', 200) from generate_series(1, $1::int) as n`,
      params: [20_000],
    });
    if (!source) throw new Error('no COPY on this handle');
    let read = 0;
    for await (const chunk of source) {
      read += chunk.length;
      if (read > 1_000_000) break;
    }
    expect(read).toBeGreaterThan(1_000_000);
    if (ctx.engine === 'pglite') expect(read).toBe(total);
    else {
      expect(read).toBeLessThan(2_000_000); // stopped long before the end
      // The loop's end waited for the COPY's thread, which ended its backend first.
      const [row] = await queryRows<{ n: number }>(
        ctx.db,
        sql`select count(*)::int as n from pg_stat_activity where query like 'copy (%' and pid <> pg_backend_pid()
              and datname = current_database()`,
      );
      expect(row?.n).toBe(0);
    }
    expect(await queryRows(ctx.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it('never runs inside another caller’s open transaction', async () => {
    // Made by the tables' owner: the app's login may not create tables (PostgreSQL).
    await ctx.ownerDb.execute(sql`create table copy_probe (n int)`);
    await ctx.ownerDb.execute(sql`grant select, insert on copy_probe to public`);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const rolledBack = ctx.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into copy_probe values (1)`);
        entered();
        await gate;
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    await inside;
    // Started while the transaction is open: it must not see (or join) its uncommitted row.
    const counted = copied(copyOut(ctx.db, { sql: 'select count(*) from copy_probe', params: [] }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(await rolledBack).toBe('roll back');
    expect(await counted).toBe('0\n');
    expect(await queryRows(ctx.db, sql`select count(*)::int as n from copy_probe`)).toEqual([{ n: 0 }]);
  });
});
