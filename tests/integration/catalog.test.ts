import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actuals, auditEvents, indicators } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { saveActual } from '@/lib/services/reporting/actual-entry';
import {
  createIndicator,
  deleteIndicator,
  listIndicatorsForAdmin,
  setIndicatorRetired,
  updateIndicator,
} from '@/lib/services/admin/catalog';
import { forEachEngine } from '../helpers/test-db';
import { auditCount, snapshot } from './admin-fixtures';
import { seededActors } from './fixtures/seeded-actors';
import { expectError } from './fixtures/refusals';
import { seedCatalogue } from './fixtures/catalogue';

const NOW = new Date('2026-04-10T04:00:00Z');
const NEW = {
  code: 'cat-new-parks',
  name: '新建口袋公园',
  unit: '个',
  kind: 'cumulative',
  direction: 'up',
  frequency: 'monthly',
  planType: 'binding',
  definition: '年内新建成并开放的口袋公园个数。',
  departmentCode: 'zjj',
  areaSlug: 'construction',
  minValue: '0',
  maxValue: '1,000',
};

forEachEngine('the indicator catalog', (ctx) => {
  const actors = seededActors(ctx, seedCatalogue, {
    admin: ['cat-admin', 'admin'],
    official: ['cat-official', 'official', 'fgw'],
    leader: ['cat-leader', 'leader'],
  });

  it('creates an indicator with every attribute, audited, and lists it with its use', async () => {
    const before = await auditCount(ctx.db, 'indicator.create');
    const created = await createIndicator(actors.admin, NEW, { db: ctx.db });
    expect(created).toMatchObject({
      code: 'CAT-NEW-PARKS',
      unit: '个',
      planType: 'binding',
      minValue: '0',
      maxValue: '1000',
      version: 1,
    });
    expect(await auditCount(ctx.db, 'indicator.create')).toBe(before + 1);
    const list = await listIndicatorsForAdmin(actors.admin, {}, { db: ctx.db });
    const row = list.find((r) => r.code === 'CAT-NEW-PARKS');
    expect(row).toMatchObject({
      departmentCode: 'zjj',
      areaSlug: 'construction',
      actualCount: 0,
      targetCount: 0,
      isRetired: false,
    });
    expect(list.find((r) => r.code === 'INV-INVESTMENT')?.actualCount).toBeGreaterThan(0);
  });

  describe('bad input is refused in Chinese, naming the field, and changes nothing', () => {
    const cases: [string, () => Actor, Record<string, unknown>, string, string[]][] = [
      ['a code already used', () => actors.admin, { ...NEW, code: 'INV-INVESTMENT' }, 'invalid_input', ['code']],
      ['a code with spaces', () => actors.admin, { ...NEW, code: '新 指标' }, 'invalid_input', ['code']],
      [
        'every field wrong at once',
        () => actors.admin,
        { code: 'X-1', name: '', unit: '', kind: 'bogus', frequency: 'weekly', departmentCode: 'fgw' },
        'invalid_input',
        ['name', 'unit', 'kind', 'frequency'],
      ],
      [
        'an unknown department',
        () => actors.admin,
        { ...NEW, code: 'CAT-X1', departmentCode: 'nobody' },
        'invalid_input',
        ['departmentCode'],
      ],
      [
        'a range whose maximum is below its minimum',
        () => actors.admin,
        { ...NEW, code: 'CAT-X2', minValue: '10', maxValue: '5' },
        'invalid_input',
        ['maxValue'],
      ],
      [
        'a range bound that is not a number',
        () => actors.admin,
        { ...NEW, code: 'CAT-X3', minValue: 'abc' },
        'invalid_input',
        ['minValue'],
      ],
      ['an unknown field', () => actors.admin, { ...NEW, code: 'CAT-X4', isAdmin: true }, 'invalid_input', []],
      ['an official', () => actors.official, { ...NEW, code: 'CAT-X5' }, 'forbidden', []],
      ['a leader', () => actors.leader, { ...NEW, code: 'CAT-X6' }, 'forbidden', []],
    ];
    it.each(cases)('create: %s', async (_name, who, input, code, fields) => {
      const before = await snapshot(ctx.db);
      const error = await expectError(createIndicator(who(), input, { db: ctx.db }), code as 'invalid_input');
      for (const f of fields) expect(Object.keys(error.fieldErrors ?? {})).toContain(f);
      expect(await snapshot(ctx.db)).toBe(before);
    });
  });

  describe('a bad edit is refused and changes nothing', () => {
    const edits: [string, () => Actor, unknown, Record<string, unknown>, string, string?][] = [
      [
        'a kind that does not exist',
        () => actors.admin,
        'INV-INVESTMENT',
        { version: 1, kind: 'bogus' },
        'invalid_input',
        'kind',
      ],
      [
        'an inverted range',
        () => actors.admin,
        'INV-INVESTMENT',
        { version: 1, minValue: '10', maxValue: '1' },
        'invalid_input',
        'maxValue',
      ],
      [
        'a 10 kB name',
        () => actors.admin,
        'INV-INVESTMENT',
        { version: 1, name: '名'.repeat(10_240) },
        'invalid_input',
        'name',
      ],
      ['no version', () => actors.admin, 'INV-INVESTMENT', { name: '新名称' }, 'invalid_input', 'version'],
      ['an unknown field', () => actors.admin, 'INV-INVESTMENT', { version: 1, code: 'NEW-CODE' }, 'invalid_input'],
      ['an unknown indicator', () => actors.admin, 'NO-SUCH', { version: 1, name: '新名称' }, 'not_found'],
      ['a malformed code in the path', () => actors.admin, '../x', { version: 1, name: '新名称' }, 'invalid_input'],
      ['an official', () => actors.official, 'INV-INVESTMENT', { version: 1, name: '新名称' }, 'forbidden'],
    ];
    it.each(edits)('%s', async (_name, who, code, input, errorCode, field) => {
      const before = await snapshot(ctx.db);
      await expectError(updateIndicator(who(), code, input, { db: ctx.db }), errorCode as 'invalid_input', field);
      expect(await snapshot(ctx.db)).toBe(before);
    });
  });

  it('edits with the version; a stale edit gets 409 with the current indicator and who saved it, and changes nothing', async () => {
    const edited = await updateIndicator(
      actors.admin,
      'CAT-NEW-PARKS',
      { version: 1, name: '新建口袋公园（个）' },
      { db: ctx.db },
    );
    expect(edited).toMatchObject({ name: '新建口袋公园（个）', version: 2 });
    const before = await snapshot(ctx.db);
    const error = await expectError(
      updateIndicator(actors.admin, 'CAT-NEW-PARKS', { version: 1, name: '旧表单' }, { db: ctx.db }),
      'conflict',
    );
    expect(error.details).toMatchObject({ current: { name: '新建口袋公园（个）', version: 2 }, savedBy: 'cat-admin' });
    expect(await snapshot(ctx.db)).toBe(before);
  });

  it('changing the unit or kind of an indicator with figures needs a reason; without figures it does not', async () => {
    const [inv] = await ctx.db.select().from(indicators).where(eq(indicators.code, 'INV-INVESTMENT'));
    const before = await snapshot(ctx.db);
    await expectError(
      updateIndicator(actors.admin, 'INV-INVESTMENT', { version: inv!.version, unit: '万元' }, { db: ctx.db }),
      'invalid_input',
      'reason',
    );
    await expectError(
      updateIndicator(actors.admin, 'INV-INVESTMENT', { version: inv!.version, kind: 'level' }, { db: ctx.db }),
      'invalid_input',
      'reason',
    );
    expect(await snapshot(ctx.db)).toBe(before);

    const changed = await updateIndicator(
      actors.admin,
      'INV-INVESTMENT',
      { version: inv!.version, unit: '万元', reason: '统计口径调整为万元' },
      { db: ctx.db },
    );
    expect(changed.unit).toBe('万元');
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'indicator.update'));
    expect(events.at(-1)).toMatchObject({
      reason: '统计口径调整为万元',
      before: expect.objectContaining({ unit: '亿元' }),
      after: expect.objectContaining({ unit: '万元' }),
    });

    const parks = await updateIndicator(
      actors.admin,
      'CAT-NEW-PARKS',
      { version: 2, unit: '处', kind: 'level' },
      { db: ctx.db },
    );
    expect(parks).toMatchObject({ unit: '处', kind: 'level', version: 3 });
  });

  it('an edit that changes nothing writes nothing', async () => {
    const before = await snapshot(ctx.db);
    const same = await updateIndicator(
      actors.admin,
      'CAT-NEW-PARKS',
      { version: 3, unit: '处', minValue: '0.0' },
      { db: ctx.db },
    );
    expect(same.version).toBe(3);
    expect(await snapshot(ctx.db)).toBe(before);
  });

  it('retires an indicator with figures (they stay), refuses new figures for it, and restores it', async () => {
    const [row] = await ctx.db.select().from(indicators).where(eq(indicators.code, 'INV-PROJECTS'));
    const figures = await ctx.db.select().from(actuals).where(eq(actuals.indicatorId, row!.id));
    const retired = await setIndicatorRetired(
      actors.admin,
      'INV-PROJECTS',
      { action: 'retire', version: row!.version, reason: '并入新指标' },
      { db: ctx.db, now: NOW },
    );
    expect(retired.isRetired).toBe(true);
    expect(await ctx.db.select().from(actuals).where(eq(actuals.indicatorId, row!.id))).toEqual(figures);

    const before = await snapshot(ctx.db);
    const input = { indicatorCode: 'INV-PROJECTS', period: '2026-03', value: '10', version: null, action: 'draft' };
    await expectError(saveActual(actors.official, input, { db: ctx.db, now: NOW }), 'invalid_input', 'indicatorCode');
    await expectError(
      setIndicatorRetired(
        actors.admin,
        'INV-PROJECTS',
        { action: 'retire', version: retired.version },
        { db: ctx.db, now: NOW },
      ),
      'conflict',
    );
    expect(await snapshot(ctx.db)).toBe(before);

    const restored = await setIndicatorRetired(
      actors.admin,
      'INV-PROJECTS',
      { action: 'unretire', version: retired.version },
      { db: ctx.db, now: NOW },
    );
    expect(restored.isRetired).toBe(false);
    expect(await auditCount(ctx.db, 'indicator.retire')).toBe(1);
    expect(await auditCount(ctx.db, 'indicator.unretire')).toBe(1);
  });

  it('never hard-deletes an indicator that has figures; deletes one nothing refers to', async () => {
    const [row] = await ctx.db.select().from(indicators).where(eq(indicators.code, 'INV-NEW-STARTS'));
    const before = await snapshot(ctx.db);
    const error = await expectError(
      deleteIndicator(actors.admin, 'INV-NEW-STARTS', { version: row!.version }, { db: ctx.db }),
      'conflict',
    );
    expect(error.message).toContain('停用');
    await expectError(deleteIndicator(actors.official, 'CAT-NEW-PARKS', { version: 3 }, { db: ctx.db }), 'forbidden');
    await expectError(deleteIndicator(actors.admin, 'NO-SUCH', { version: 1 }, { db: ctx.db }), 'not_found');
    expect(await snapshot(ctx.db)).toBe(before);

    await deleteIndicator(actors.admin, 'CAT-NEW-PARKS', { version: 3 }, { db: ctx.db });
    expect(await ctx.db.select().from(indicators).where(eq(indicators.code, 'CAT-NEW-PARKS'))).toEqual([]);
    expect(await auditCount(ctx.db, 'indicator.delete')).toBe(1);
  });
});
