import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { monthValues } from '@/tests/helpers/pure/month-values';
import { auditEvents, indicators, targets } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { runImport } from '@/lib/services/imports/imports';
import { getImportTemplate } from '@/lib/services/imports/templates';
import { upsertTarget } from '@/lib/services/admin/targets';
import { readUpload } from '@/lib/import/read-upload';
import { toImportRecords } from '@/lib/import/sheet-table';
import { forEachEngine } from '../helpers/test-db';
import { snapshot } from './admin-fixtures';
import { actorFor } from './fixtures/actors';
import { expectError } from './fixtures/refusals';
import { TARGETS_HEADER, xlsxOf, type Cell } from './import-files';
import { seedCatalogue } from './fixtures/catalogue';

const NOW = new Date('2026-04-10T04:00:00Z');
const months = (values: Partial<Record<number, string>>) => Array.from({ length: 12 }, (_, i) => values[i + 1] ?? '');
const row = (
  code: string,
  year: string,
  value: string,
  extra: { qualifier?: string; reason?: string; phases?: Partial<Record<number, string>> } = {},
): Cell[] => [code, '', '', year, value, extra.qualifier ?? '', extra.reason ?? '', '', ...months(extra.phases ?? {})];

forEachEngine('bulk import of targets, and templates', (ctx) => {
  let admin: Actor;
  let official: Actor;
  const run = (mode: 'dry-run' | 'commit', file: Uint8Array) =>
    runImport(admin, { kind: 'targets', mode, file }, { db: ctx.db, now: NOW });

  beforeAll(async () => {
    await seedCatalogue(ctx.handle);
    admin = await actorFor(ctx.db, 'impt-admin', 'admin');
    official = await actorFor(ctx.db, 'impt-official', 'official', 'fgw');
    await upsertTarget(
      admin,
      { indicatorCode: 'INV-PROJECTS', year: 2026, value: '3000', version: null },
      { db: ctx.db, now: NOW },
    );
  });

  it('lists every bad row, refuses the commit whole, then stores the corrected file with one audit event per target', async () => {
    const bad = await xlsxOf(
      [
        row('INV-NEW-STARTS', '2027', '2000', { phases: { 3: '400', 6: '900', 9: '1500', 12: '2000' } }),
        row('INV-INVESTMENT', '2027', '1200', { phases: { 6: '500', 12: '1100' } }),
        row('INV-PROJECTS', '2026', '3100'),
        row('INV-MFG-KEY-PROJECTS', '2025-13', '10'),
        row('INV-NEW-STARTS', '2026', '10', { qualifier: 'roughly' }),
        row('INV-INVESTMENT', '2026', '10', { phases: { 5: 'x', 12: '10' } }),
      ],
      TARGETS_HEADER,
    );
    const before = await snapshot(ctx.db);
    const preview = await run('dry-run', bad);
    expect(preview.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'ok'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
    ]);
    const text = (n: number) => preview.rows.find((r) => r.row === n)?.messages.join('\n') ?? '';
    expect(text(3)).toContain('第 3 行：分解目标：12月的累计值 1100 与全年目标 1200 不一致');
    expect(text(4)).toContain('第 4 行：2026 年度已开始，修改目标须填写「修订原因」');
    expect(text(5)).toContain('第 5 行：「年份」2025-13 无效');
    expect(text(6)).toContain('第 6 行：「限定词」roughly 无效');
    expect(text(7)).toContain('第 7 行：「5月分解目标」不是有效数字');
    await expectError(run('commit', bad), 'invalid_input');
    expect(await snapshot(ctx.db)).toBe(before);

    const good = await xlsxOf(
      [
        row('INV-NEW-STARTS', '2027', '2000', {
          qualifier: '以上',
          phases: { 3: '400', 6: '900', 9: '1500', 12: '2000' },
        }),
        row('INV-INVESTMENT', '2027', '1200', { phases: { 6: '500', 12: '1200' } }),
        row('INV-PROJECTS', '2026', '3100', { reason: '年中调整' }),
      ],
      TARGETS_HEADER,
    );
    const done = await run('commit', good);
    expect(done).toMatchObject({ okCount: 3, errorCount: 0, committed: true });
    const [projects] = await ctx.db
      .select()
      .from(targets)
      .innerJoin(indicators, eq(indicators.id, targets.indicatorId))
      .where(and(eq(indicators.code, 'INV-PROJECTS'), eq(targets.year, 2026)));
    expect(projects?.targets).toMatchObject({
      value: '3100.000000',
      isRevised: true,
      revisionReason: '年中调整',
      version: 2,
    });
    const events = await ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'target'))
      .orderBy(asc(auditEvents.id));
    expect(events.map((e) => [e.action, e.reason])).toEqual([
      ['target.create', null],
      ['target.create', '批量导入'],
      ['target.create', '批量导入'],
      ['target.update', '批量导入：年中调整'],
    ]);
  });

  it('an official may not import targets, nor download their template', async () => {
    const file = await xlsxOf([row('INV-NEW-STARTS', '2028', '1')], TARGETS_HEADER);
    const before = await snapshot(ctx.db);
    await expectError(
      runImport(official, { kind: 'targets', mode: 'commit', file }, { db: ctx.db, now: NOW }),
      'forbidden',
    );
    await expectError(getImportTemplate(official, { kind: 'targets' }, { db: ctx.db, now: NOW }), 'forbidden');
    expect(await snapshot(ctx.db)).toBe(before);
  });

  describe('templates', () => {
    it('an official gets their own department’s actuals template for the period being entered; another department is refused', async () => {
      const template = await getImportTemplate(official, { kind: 'actuals' }, { db: ctx.db, now: NOW });
      expect(template.fileName).toBe('实绩导入模板-fgw-2026-03.xlsx');
      const records = toImportRecords('actuals', (await readUpload(template.bytes)).rows);
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((r) => r.period === '2026-03')).toBe(true);
      expect(records.map((r) => r.indicatorCode)).toContain('INV-INVESTMENT');
      await expectError(
        getImportTemplate(official, { kind: 'actuals', department: 'wlj' }, { db: ctx.db, now: NOW }),
        'forbidden',
      );
    });

    it('an administrator’s targets template carries the stored targets, so uploading it unchanged changes nothing', async () => {
      const template = await getImportTemplate(
        admin,
        { kind: 'targets', department: 'fgw', year: '2027' },
        { db: ctx.db, now: NOW },
      );
      const records = toImportRecords('targets', (await readUpload(template.bytes)).rows);
      expect(records.find((r) => r.indicatorCode === 'INV-NEW-STARTS')).toMatchObject({
        value: '2000',
        qualifier: '以上',
        phases: monthValues([3, '400'], [6, '900'], [9, '1500'], [12, '2000']),
      });
      const before = await snapshot(ctx.db);
      const done = await run('commit', template.bytes);
      expect(done.okCount).toBe(0);
      expect(done.errorCount).toBe(0);
      expect(await snapshot(ctx.db)).toBe(before);
    });

    it('refuses an unknown department, kind, year or period', async () => {
      await expectError(
        getImportTemplate(admin, { kind: 'targets', department: 'nobody' }, { db: ctx.db, now: NOW }),
        'not_found',
      );
      await expectError(
        getImportTemplate(admin, { kind: 'budgets' }, { db: ctx.db, now: NOW }),
        'invalid_input',
        'kind',
      );
      await expectError(
        getImportTemplate(admin, { kind: 'targets', year: '20x6' }, { db: ctx.db, now: NOW }),
        'invalid_input',
        'year',
      );
      await expectError(
        getImportTemplate(admin, { kind: 'actuals', period: '2025-13' }, { db: ctx.db, now: NOW }),
        'invalid_input',
        'period',
      );
    });
  });
});
