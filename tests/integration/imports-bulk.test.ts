import { and, count, eq, like } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { actuals, auditEvents, indicators } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { setPeriodLocked } from '@/lib/services/reporting/actual-review';
import { runImport } from '@/lib/services/imports/imports';
import {
  BULK_INDICATORS,
  BULK_MONTHS,
  bulkCode,
  bulkRows,
  createBulkIndicators,
} from '@/scripts/lib/bulk-import-fixture';
import { forEachEngine } from '../helpers/test-db';
import { snapshot } from './admin-fixtures';
import { actorFor } from './fixtures/actors';
import { expectError } from './fixtures/refusals';
import { xlsxOf, type Cell } from './import-files';
import { seedCatalogue } from './fixtures/catalogue';

const NOW = new Date('2026-04-10T04:00:00Z');
const YEAR = 2025;

forEachEngine('importing a 5,000-row XLSX', (ctx) => {
  let official: Actor;

  beforeAll(async () => {
    await seedCatalogue(ctx.handle);
    official = await actorFor(ctx.db, 'bulk-official', 'official', 'fgw');
    const admin = await actorFor(ctx.db, 'bulk-admin', 'admin');
    await createBulkIndicators(ctx.db, 'fgw');
    await setPeriodLocked(admin, { period: `${YEAR}-12`, reason: '年报已报送' }, true, { db: ctx.db });
  });

  it('the dry run lists exactly the bad rows; the commit refuses and stores nothing; the clean file stores 5,000 figures and 5,000 audit events', async () => {
    const good = bulkRows(YEAR);
    expect(good).toHaveLength(BULK_INDICATORS * BULK_MONTHS);
    // Bad rows inserted among the good ones; the duplicate flags its original (good index 2_345) too.
    const inserts: [number, Cell[], RegExp][] = [
      [10, ['BULK-NOPE', '', '个', `${YEAR}-03`, 1], /「指标编码」BULK-NOPE 不存在/],
      [999, [bulkCode(1), '', '个', `${YEAR}-11`, 'abc'], /「数值」不是有效数字/],
      [2_000, [bulkCode(2), '', '个', `${YEAR}-13`, 5], /「填报期」2025-13 无效/],
      [2_346, good[2_345] ?? [], /重复/],
      [3_500, ['CON-CULTURE-VENUES', '', '', `${YEAR}-12`, 5], /属于市文化和旅游局，只能导入本单位的指标/],
      [4_999, [bulkCode(3), '', '个', `${YEAR}-12`, 500], /已关账/],
    ];
    const bad: Cell[][] = [];
    const badRowNumbers = new Map<number, RegExp>();
    let next = 0;
    good.forEach((r, index) => {
      for (const [at, row, message] of inserts) {
        if (at === index) {
          badRowNumbers.set(bad.length + 2, message);
          bad.push(row);
        }
      }
      if (index === 2_345) next = bad.length + 2;
      bad.push(r);
    });
    badRowNumbers.set(next, /重复/);

    const before = await snapshot(ctx.db);
    const badFile = await xlsxOf(bad);
    let started = performance.now();
    const preview = await runImport(
      official,
      { kind: 'actuals', mode: 'dry-run', file: badFile },
      { db: ctx.db, now: NOW },
    );
    const dryRunMs = performance.now() - started;
    const errorRows = preview.rows.filter((r) => r.status === 'error');
    expect(errorRows.map((r) => r.row).sort((a, b) => a - b)).toEqual([...badRowNumbers.keys()].sort((a, b) => a - b));
    for (const r of errorRows) expect(r.messages.join('\n')).toMatch(badRowNumbers.get(r.row) ?? /^$/);
    expect(preview).toMatchObject({ okCount: good.length - 1, errorCount: 7 });
    await expectError(
      runImport(official, { kind: 'actuals', mode: 'commit', file: badFile }, { db: ctx.db, now: NOW }),
      'invalid_input',
    );
    expect(await snapshot(ctx.db)).toBe(before);

    const [{ n: eventsBefore } = { n: 0 }] = await ctx.db.select({ n: count() }).from(auditEvents);
    started = performance.now();
    const done = await runImport(
      official,
      { kind: 'actuals', mode: 'commit', file: await xlsxOf(good) },
      { db: ctx.db, now: NOW },
    );
    const commitMs = performance.now() - started;
    expect(done).toMatchObject({ okCount: 5_000, errorCount: 0, committed: true });
    const [{ n: stored } = { n: 0 }] = await ctx.db
      .select({ n: count() })
      .from(actuals)
      .innerJoin(indicators, eq(indicators.id, actuals.indicatorId))
      .where(and(like(indicators.code, 'BULK-%'), eq(actuals.year, YEAR), eq(actuals.status, 'draft')));
    expect(stored).toBe(5_000);
    const [{ n: eventsAfter } = { n: 0 }] = await ctx.db.select({ n: count() }).from(auditEvents);
    expect(eventsAfter - eventsBefore).toBe(5_000);
    const [{ n: importEvents } = { n: 0 }] = await ctx.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'actual.save_draft'), eq(auditEvents.reason, '批量导入')));
    expect(importEvents).toBe(5_000);
    console.log(
      `[bench] ${ctx.engine}: 5,000-row XLSX dry run (with 6 bad rows) ${Math.round(dryRunMs)} ms, commit ${Math.round(commitMs)} ms`,
    );
  }, 900_000);
});
