/**
 * The verifier's walk on both engines: COPY text cut into windows at line ends (PostgreSQL: one COPY; PGlite: one
 * per range of ids), and JSON windows for a transaction's handle. Whatever the text holds (tabs, line breaks,
 * backslashes, quotes, Chinese, an emoji, nulls and empty strings), the events read from the windows are exactly
 * those of the JSON walk, and the database still answers afterwards (postgres.js can leave a pooled connection
 * paused after a COPY).
 */
import { expect, it } from 'vitest';
import { queryRows, sql } from '@/db/client';
import { getChainHead, iterateAuditEvents, iterateChainWindows } from '@/db/queries/audit';
import { parseCopyAuditRows, parsePackedAuditRows } from '@/db/queries/audit-packed';
import type { StoredAuditEvent } from '@/lib/domain/audit-verify';
import { verifyAuditChain } from '@/lib/services/audit/audit-log';
import { append, auditor, leader } from '@/scripts/lib/audit-fixtures';
import { forEachEngine } from '@/tests/helpers/test-db';

const AWKWARD = ['a\tb', '第一行\n第二行', 'CR\r\nLF', 'C:\\dir\\file', '"引号" \'单引号\'', '表情 🚩', '', '\\N'];

forEachEngine('audit chain windows', (ctx) => {
  const chainEvents = async (windowBytes: number) => {
    const events: StoredAuditEvent[] = [];
    let windows = 0;
    for await (const window of iterateChainWindows(ctx.db, {
      actor: auditor,
      throughId: (await getChainHead(ctx.db))?.id ?? null,
      windowBytes,
    })) {
      windows += 1;
      events.push(...(typeof window === 'string' ? parsePackedAuditRows(window) : parseCopyAuditRows(window)));
    }
    return { events, windows };
  };

  it('read every event exactly as the JSON walk does, at any window size', async () => {
    for (const [i, text] of AWKWARD.entries()) {
      await append(ctx.db, {
        entityId: i,
        reason: text || null,
        before: i % 2 ? null : { text, n: i, nested: { list: [text, null, 1.5] } },
        after: { text, 说明: `第${i}条` },
      });
    }
    const expected: StoredAuditEvent[] = [];
    for await (const batch of iterateAuditEvents(ctx.db, {
      actor: auditor,
      filter: {},
      throughId: (await getChainHead(ctx.db))?.id ?? null,
    }))
      expected.push(...batch);
    expect(expected.length).toBeGreaterThanOrEqual(AWKWARD.length);
    // On PostgreSQL: cut after every chunk that arrives (1 byte), after a few lines, or one window (1 MB).
    for (const size of [1, 300, 1 << 20]) {
      const { events, windows } = await chainEvents(size);
      expect(windows).toBeGreaterThan(0);
      expect(events).toEqual(expected);
    }
    // The pool still answers after the COPYs.
    expect(await queryRows(ctx.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
    // A transaction's handle has no COPY: it gets the JSON windows, with the same events.
    await ctx.db.transaction(async (tx) => {
      const events: StoredAuditEvent[] = [];
      const throughId = (await getChainHead(tx))?.id ?? null;
      for await (const window of iterateChainWindows(tx, { actor: auditor, throughId })) {
        expect(typeof window).toBe('string');
        events.push(...parsePackedAuditRows(window as string));
      }
      expect(events).toEqual(expected);
    });
  });

  it('verify the chain through them, and nobody without the audit permission gets a window', async () => {
    const report = await verifyAuditChain(auditor, {}, { db: ctx.db });
    expect(report).toMatchObject({ ok: true, firstBreak: null });
    expect(report.count).toBeGreaterThanOrEqual(AWKWARD.length);
    const seen = [];
    for await (const window of iterateChainWindows(ctx.db, {
      actor: leader,
      throughId: (await getChainHead(ctx.db))?.id ?? null,
    }))
      seen.push(window);
    expect(seen).toEqual([]);
  });
});
