/**
 * The records export as the report's reader and as each role reads it, on both engines: every report figure of 2025
 * carries its source sentence (checked against the report file itself) and the report's own wording; a draft is
 * exported only to its own department (the pages' rule, db/queries/scope.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { actuals, indicators } from '@/db/schema';
import { SEED_INDICATORS } from '@/db/seed/report-data';
import { seedReport } from '@/db/seed/report';
import type { Actor } from '@/lib/domain/actor';
import { exportRecords } from '@/lib/services/exports/exports';
import { auditor, leader } from '@/scripts/lib/audit-fixtures';
import { readCsv, readWebStream } from '@/tests/helpers/export-read';
import { forEachEngine } from '@/tests/helpers/test-db';
import type { Db } from '@/db/client';

const REPORT = fs.readFileSync(path.resolve(__dirname, '../../docs/report/changzhi-report-review.md'), 'utf8');
const norm = (s: string) => s.replace(/\s+/g, '').replace(/^◆/, '');

async function exportAs(actor: Actor, db: Db, year: string) {
  const download = await exportRecords(actor, { format: 'csv', year }, { db });
  const rows = await readCsv(await readWebStream(download.stream));
  await download.done;
  const header = rows[0] ?? [];
  const col = (name: string) => {
    const i = header.indexOf(name);
    expect(i, name).toBeGreaterThanOrEqual(0);
    return i;
  };
  return { rows: rows.slice(1), col };
}

forEachEngine('records export', (ctx) => {
  beforeAll(async () => {
    await seedReport(ctx.db);
  });

  it("2025: every report figure carries its source sentence as printed, the report's wording and any stated change", async () => {
    const { rows, col } = await exportAs(auditor, ctx.db, '2025');
    const byCode = new Map(rows.map((r) => [r[col('指标编码')], r]));
    const reported = SEED_INDICATORS.filter((ind) => ind.values.some((v) => v.year === 2025));
    expect(reported.length).toBeGreaterThan(100);
    for (const ind of reported) {
      const row = byCode.get(ind.code);
      expect(row, ind.code).toBeDefined();
      const sentence = row?.[col('原文')] ?? '';
      expect(sentence.length, ind.code).toBeGreaterThan(0);
      expect(norm(REPORT).includes(norm(sentence)), `${ind.code}: 原文 not in the report: ${sentence}`).toBe(true);
      expect(row?.[col('报告表述')], ind.code).not.toBe('');
    }
    const cell = (code: string, name: string) => byCode.get(code)?.[col(name)];
    expect(cell('REV-DIGITAL-CORE-REVENUE', '报告表述')).toBe('突破160亿元');
    expect(cell('TOU-FIRST-STORES', '报告表述')).toBe('突破100家');
    expect(cell('REV-GDP-INCREMENT', '报告表述')).toBe('超900亿元');
    expect(cell('REV-TAIHANG-ROAD', '报告表述')).toBe('1374公里全线贯通');
    expect(cell('LIV-PRACTICAL-MATTERS', '报告表述')).toBe('15件全部完成');
    expect(cell('REV-TRADE-GROWTH', '报告表述')).toBe('八成以上');
    expect(cell('REV-TRADE-GROWTH', '推算方法')).toBe('报告原文为“八成以上”，按80%计');
    expect(cell('REF-EXPORTS', '报告所述变化')).toBe('增长17.7%');
    expect(cell('REV-FOREST-COVERAGE', '报告所述变化')).toBe('较“十三五”末提高1.15个百分点');
    expect(cell('CON-BAYI-SQUARE', '报告表述')).toBe('八一广场提质改造广受群众点赞');
    // 备注 is the figure's note, not a stand-in for the sentence.
    expect(cell('INV-INVESTMENT', '备注')).toBe('政府工作报告公布数');
  });

  it("a draft is not exported to a leader or an auditor (the leak a leader's CSV showed); once submitted it is", async () => {
    const [investment] = await ctx.db.select().from(indicators).where(eq(indicators.code, 'INV-INVESTMENT'));
    if (!investment) throw new Error('seed missing');
    const [draft] = await ctx.db
      .insert(actuals)
      .values({
        indicatorId: investment.id,
        year: 2027,
        month: 3,
        value: '88.8',
        note: '草稿备注：尚未核实',
        status: 'draft',
      })
      .returning({ id: actuals.id });
    const exported = async (actor: Actor) => {
      const { rows, col } = await exportAs(actor, ctx.db, '2027');
      return rows.filter((r) => r[col('指标编码')] === 'INV-INVESTMENT').map((r) => r[col('备注')]);
    };
    expect(await exported(leader)).toEqual([]);
    expect(await exported(auditor)).toEqual([]);
    await ctx.db
      .update(actuals)
      .set({ status: 'submitted' })
      .where(eq(actuals.id, draft?.id ?? -1));
    expect(await exported(leader)).toEqual(['草稿备注：尚未核实']);
  });
});
