import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actuals, auditEvents, indicators } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { type AppError } from '@/lib/errors';
import { saveActual } from '@/lib/services/reporting/actual-entry';
import { approveActual, setPeriodLocked } from '@/lib/services/reporting/actual-review';
import { createIndicator, setIndicatorRetired } from '@/lib/services/admin/catalog';
import { runImport, type ImportResult } from '@/lib/services/imports/imports';
import { forEachEngine } from '../helpers/test-db';
import { auditCount, snapshot } from './admin-fixtures';
import { actorFor } from './fixtures/actors';
import { expectError } from './fixtures/refusals';
import { csvText, csvUtf8Bom, encodeGb18030, xlsxOf, type Cell } from './import-files';
import { seedCatalogue } from './fixtures/catalogue';

const NOW = new Date('2026-04-10T04:00:00Z');
const INDICATOR = { kind: 'cumulative', frequency: 'monthly', departmentCode: 'fgw', areaSlug: 'investment' };
/** A clean row that every bad-input file also carries: it must not be stored either. */
const CLEAN: Cell[] = ['IMP-A', '导入测试投资', '亿元', '2026-01', '100'];

forEachEngine('bulk import of actuals', (ctx) => {
  let official: Actor;
  let admin: Actor;
  let reviewer: Actor;
  let leader: Actor;
  const run = (actor: Actor, mode: 'dry-run' | 'commit', file: Uint8Array, kind = 'actuals') =>
    runImport(actor, { kind, mode, file }, { db: ctx.db, now: NOW });

  beforeAll(async () => {
    await seedCatalogue(ctx.handle);
    official = await actorFor(ctx.db, 'imp-official', 'official', 'fgw');
    reviewer = await actorFor(ctx.db, 'imp-reviewer', 'reviewer', 'fgw');
    admin = await actorFor(ctx.db, 'imp-admin', 'admin');
    leader = await actorFor(ctx.db, 'imp-leader', 'leader');
    const add = (code: string, name: string, extra: Record<string, unknown>) =>
      createIndicator(admin, { ...INDICATOR, code, name, ...extra }, { db: ctx.db });
    await add('IMP-A', '导入测试投资', { unit: '亿元', minValue: '0', maxValue: '100000' });
    await add('IMP-B', '导入测试企业', { unit: '家', kind: 'level' });
    await add('IMP-Q', '导入测试季度项目', { unit: '个', frequency: 'quarterly' });
    const retired = await add('IMP-RET', '导入测试停用', { unit: '个' });
    await setIndicatorRetired(
      admin,
      'IMP-RET',
      { action: 'retire', version: retired.version },
      { db: ctx.db, now: NOW },
    );
    await add('IMP-WLJ', '导入测试文旅', { unit: '万人次', departmentCode: 'wlj' });
    await setPeriodLocked(admin, { period: '2026-02', reason: '已报送' }, true, { db: ctx.db });
    const saved = await saveActual(
      official,
      { indicatorCode: 'IMP-B', period: '2026-01', value: '12', version: null, action: 'submit' },
      { db: ctx.db, now: NOW },
    );
    await approveActual(reviewer, saved.actual.id, { version: saved.actual.version }, { db: ctx.db, now: NOW });
  });

  it('a clean file: the dry run stores nothing, the commit stores every figure with one audit event each, a re-import changes nothing', async () => {
    const file = await xlsxOf([
      ['IMP-A', '导入测试投资', '亿元', '2026-03', '1,027.5', '以上', '快报数'],
      ['IMP-B', '', '', '2026-03', '１２'],
      ['IMP-Q', '', '个', '2026-03', 5],
    ]);
    const before = await snapshot(ctx.db);
    const preview = await run(official, 'dry-run', file);
    expect(preview).toMatchObject({ okCount: 3, errorCount: 0, committed: false, format: 'xlsx' });
    expect(await snapshot(ctx.db)).toBe(before);

    const events = await auditCount(ctx.db);
    const done = await run(official, 'commit', file);
    expect(done).toMatchObject({ okCount: 3, errorCount: 0, committed: true });
    expect(await auditCount(ctx.db)).toBe(events + 3);
    const [a] = await ctx.db
      .select()
      .from(actuals)
      .innerJoin(indicators, eq(indicators.id, actuals.indicatorId))
      .where(and(eq(indicators.code, 'IMP-A'), eq(actuals.month, 3)));
    expect(a?.actuals).toMatchObject({ value: '1027.500000', qualifier: 'at_least', status: 'draft', note: '快报数' });
    const trail = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(a?.actuals.id)));
    expect(trail.map((t) => [t.action, t.reason])).toEqual([['actual.save_draft', '批量导入']]);

    const again = await snapshot(ctx.db);
    expect(await run(official, 'commit', file)).toMatchObject({ okCount: 0, unchangedCount: 3, committed: true });
    expect(await snapshot(ctx.db)).toBe(again);
  });

  describe('every bad row is listed by the dry run; the commit refuses the whole file; nothing changes', () => {
    const cases: [string, Cell[], RegExp][] = [
      ['an unknown code', ['NO-SUCH', '', '', '2026-03', '1'], /第 2 行：「指标编码」NO-SUCH 不存在/],
      ['a wrong unit', ['IMP-A', '', '万元', '2026-03', '1'], /第 2 行：「单位」应为「亿元」/],
      ['a word', ['IMP-A', '', '', '2026-03', 'abc'], /第 2 行：「数值」不是有效数字/],
      ['NaN', ['IMP-A', '', '', '2026-03', 'NaN'], /第 2 行：「数值」/],
      ['Infinity', ['IMP-A', '', '', '2026-03', 'Infinity'], /第 2 行：「数值」/],
      ['1e999', ['IMP-A', '', '', '2026-03', '1e999'], /第 2 行：「数值」不支持科学计数法/],
      ['a value out of range', ['IMP-A', '', '', '2026-03', '200000'], /第 2 行：「数值」超出允许范围/],
      [
        'a value too large to store',
        ['IMP-B', '', '', '2026-03', '999999999999999'],
        /第 2 行：「数值」(超出可存储的范围|数值过大)/,
      ],
      ['a locked period', ['IMP-A', '', '', '2026-02', '1'], /第 2 行：2026年2月已关账/],
      ['an approved figure', ['IMP-B', '', '', '2026-01', '13'], /第 2 行：该数据已审核通过并锁定/],
      [
        "another department's indicator",
        ['IMP-WLJ', '', '', '2026-03', '1'],
        /第 2 行：「指标编码」IMP-WLJ（导入测试文旅）属于市文化和旅游局/,
      ],
      [
        'a retired indicator',
        ['IMP-RET', '', '', '2026-03', '1'],
        /第 2 行：「指标编码」IMP-RET（导入测试停用）已停用/,
      ],
      ['a wrong period', ['IMP-A', '', '', '2025-13', '1'], /第 2 行：「填报期」2025-13 无效/],
      ['a future period', ['IMP-A', '', '', '2026-09', '1'], /第 2 行：「填报期」2026年9月尚未到来/],
      [
        'a month a quarterly indicator does not report',
        ['IMP-Q', '', '', '2026-01', '1'],
        /第 2 行：「填报期」2026年1月不是该指标的填报期/,
      ],
      [
        'a qualifier that does not exist',
        ['IMP-A', '', '', '2026-03', '1', 'roughly'],
        /第 2 行：「限定词」roughly 无效/,
      ],
    ];
    it.each(cases)('%s', async (_name, bad, message) => {
      const file = await xlsxOf([bad, CLEAN]);
      const before = await snapshot(ctx.db);
      const preview = await run(official, 'dry-run', file);
      expect(preview.rows[0]).toMatchObject({ row: 2, status: 'error' });
      expect(preview.rows[0]?.messages.join('\n')).toMatch(message);
      expect(preview.rows[1]).toMatchObject({ row: 3, status: 'ok' });
      const error = await expectError(run(official, 'commit', file), 'invalid_input');
      expect(error.message).toMatch(message);
      expect((error.details?.preview as ImportResult).errorCount).toBe(1);
      expect(await snapshot(ctx.db)).toBe(before);
    });

    it('duplicate rows: both flagged with each other’s row numbers', async () => {
      const file = await xlsxOf([CLEAN, ['IMP-A', '', '', '2026-1', '101'], ['IMP-B', '', '', '2026-03', '1']]);
      const before = await snapshot(ctx.db);
      const preview = await run(official, 'dry-run', file);
      expect(preview.rows.map((r) => r.status)).toEqual(['error', 'error', 'ok']);
      expect(preview.rows[0]?.messages).toContain(
        '第 2 行：与第 3 行重复：同一指标（IMP-A）同一填报期（2026-01）只能出现一次',
      );
      expect(preview.rows[1]?.messages.join()).toContain('与第 2 行重复');
      await expectError(run(official, 'commit', file), 'invalid_input');
      expect(await snapshot(ctx.db)).toBe(before);
    });

    it('an empty value is not imported (the template row was left blank), and stores nothing', async () => {
      const file = await xlsxOf([['IMP-A', '', '', '2026-03', '']]);
      const before = await snapshot(ctx.db);
      const done = await run(official, 'commit', file);
      expect(done.rows[0]).toMatchObject({ status: 'unchanged', messages: ['第 2 行：未填写「数值」，本行不导入'] });
      expect(await snapshot(ctx.db)).toBe(before);
    });
  });

  describe('a file that cannot be read is refused whole with a 4xx and changes nothing', () => {
    const files: [string, () => Promise<Uint8Array> | Uint8Array, AppError['code'], RegExp][] = [
      [
        'a PNG image',
        () => new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d494844520000', 'hex')),
        'invalid_input',
        /^文件不是有效的 Excel（\.xlsx）或 CSV 文件$/,
      ],
      [
        'an old .xls',
        () => new Uint8Array(Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(64), 'hex')),
        'invalid_input',
        /另存为/,
      ],
      [
        'a ZIP that is not a workbook',
        () => new Uint8Array(Buffer.from('504b0506' + '00'.repeat(18), 'hex')),
        'invalid_input',
        /不是有效的 Excel/,
      ],
      [
        'a text without the template header',
        () => new TextEncoder().encode('hello world\nfoo'),
        'invalid_input',
        /缺少「指标编码」、「填报期」、「数值」列/,
      ],
      [
        'a targets file uploaded as actuals',
        () => xlsxOf([], ['指标编码', '年份', '全年目标']),
        'invalid_input',
        /这似乎是目标导入文件/,
      ],
      ['a header and no rows', () => xlsxOf([]), 'invalid_input', /没有数据行/],
      ['an empty file', () => new Uint8Array(0), 'invalid_input', /文件是空的/],
      ['over 10 MB', () => new Uint8Array(10 * 1024 * 1024 + 1), 'too_large', /10 MB/],
      [
        'a 10 kB cell',
        () => xlsxOf([['IMP-A', '', '', '2026-03', '9'.repeat(10_240)]]),
        'invalid_input',
        /^第 2 行 E 列的内容超过 2000 个字符/,
      ],
      [
        'a 20 MB cell',
        () => xlsxOf([CLEAN, ['IMP-A', 'x'.repeat(20 * 1024 * 1024), '', '2026-03', '1']]),
        'invalid_input',
        /^第 3 行 B 列的内容超过 2000 个字符/,
      ],
      [
        'a CSV with an unterminated quote',
        () => new TextEncoder().encode(`${csvText([])}IMP-A,"x,,2026-03,1\r\n`),
        'invalid_input',
        /^第 2 行 B 列的引号没有闭合/,
      ],
    ];
    it.each(files)('%s', async (_name, make, code, message) => {
      const file = await make();
      const before = await snapshot(ctx.db);
      const error = await expectError(run(official, 'dry-run', file), code);
      expect(error.message).toMatch(message);
      await expectError(run(official, 'commit', file), code);
      expect(await snapshot(ctx.db)).toBe(before);
    });

    it('100,000 rows: refused after counting, before any row is checked', async () => {
      const rows: Cell[][] = Array.from({ length: 100_000 }, (_, i) => ['IMP-A', '', '', '2026-03', i]);
      const file = await xlsxOf(rows);
      const before = await snapshot(ctx.db);
      const error = await expectError(run(official, 'commit', file), 'too_large');
      expect(error.message).toBe('文件超过 10000 行，请分批导入');
      expect(await snapshot(ctx.db)).toBe(before);
    }, 120_000);
  });

  it('reads CSV in UTF-8 with a BOM and in GB18030', async () => {
    const utf8 = csvUtf8Bom([['IMP-A', '导入测试投资', '亿元', '2026-03', '1027.5', '以上', '快报数']]);
    expect(await run(official, 'dry-run', utf8)).toMatchObject({ format: 'csv', unchangedCount: 1, errorCount: 0 });
    const gb = encodeGb18030(csvText([['IMP-A', '导入测试投资', '亿元', '2026-03', '1,100', '左右', '月报']]));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    const done = await run(official, 'commit', gb);
    expect(done).toMatchObject({ format: 'csv', okCount: 1, committed: true });
    const [a] = await ctx.db
      .select()
      .from(actuals)
      .innerJoin(indicators, eq(indicators.id, actuals.indicatorId))
      .where(and(eq(indicators.code, 'IMP-A'), eq(actuals.month, 3)));
    expect(a?.actuals).toMatchObject({ value: '1100.000000', qualifier: 'about', note: '月报' });
  });

  it('only officials import actuals, of their own department; others are refused and nothing changes', async () => {
    const file = await xlsxOf([['IMP-A', '', '', '2026-03', '7']]);
    const before = await snapshot(ctx.db);
    for (const who of [admin, reviewer, leader]) await expectError(run(who, 'commit', file), 'forbidden');
    await expectError(run(official, 'commit', file, 'targets'), 'forbidden');
    await expectError(
      runImport(official, { kind: 'budgets', mode: 'commit', file }, { db: ctx.db, now: NOW }),
      'invalid_input',
      'kind',
    );
    await expectError(
      runImport(official, { kind: 'actuals', mode: 'maybe', file }, { db: ctx.db, now: NOW }),
      'invalid_input',
      'mode',
    );
    await expectError(
      runImport(official, { kind: 'actuals', mode: 'commit', file: 'x' }, { db: ctx.db, now: NOW }),
      'invalid_input',
      'file',
    );
    expect(await snapshot(ctx.db)).toBe(before);
  });
});
