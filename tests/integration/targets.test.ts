import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { monthValues } from '@/tests/helpers/pure/month-values';
import { indicators } from '@/db/schema';
import { setIndicatorRetired } from '@/lib/services/admin/catalog';
import { getReportingSettings, getSettingsView, updateReportingSettings } from '@/lib/services/admin/settings';
import { listTargets, upsertTarget } from '@/lib/services/admin/targets';
import { forEachEngine } from '../helpers/test-db';
import { auditCount, snapshot } from './admin-fixtures';
import { seededActors } from './fixtures/seeded-actors';
import { expectError } from './fixtures/refusals';
import { seedCatalogue } from './fixtures/catalogue';

// 10 April 2026 in Shanghai: the 2026 targets are in force, 2027's not yet.
const NOW = new Date('2026-04-10T04:00:00Z');
const cumulative = (values: number[]) => values.map((v, i) => ({ month: i + 1, value: String(v) }));

forEachEngine('annual targets and settings', (ctx) => {
  const actors = seededActors(ctx, seedCatalogue, {
    admin: ['tgt-admin', 'admin'],
    official: ['tgt-official', 'official', 'fgw'],
  });

  /** The admin saves a target, on 10 April 2026. */
  const saveTarget = (input: Parameters<typeof upsertTarget>[1]) =>
    upsertTarget(actors.admin, input, { db: ctx.db, now: NOW });

  it('sets a target with a qualifier and a monthly phasing that adds up, audited', async () => {
    const before = await auditCount(ctx.db, 'target.create');
    // Monthly cumulative to-date values ending at the annual 1200 (亿元).
    const phases = cumulative([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
    const { target, status } = await saveTarget({
      indicatorCode: 'INV-INVESTMENT',
      year: 2027,
      value: '1,200',
      qualifier: 'at_least',
      phasing: 'monthly',
      phases,
      version: null,
    });
    expect(status).toBe('created');
    expect(target).toMatchObject({
      value: '1200',
      qualifier: 'at_least',
      phasing: 'monthly',
      isRevised: false,
      version: 1,
    });
    expect(target.phases).toHaveLength(12);
    expect(await auditCount(ctx.db, 'target.create')).toBe(before + 1);
  });

  it('changes a target of a year not yet begun without a reason, and it is not marked revised', async () => {
    const { target } = await saveTarget({
      indicatorCode: 'INV-INVESTMENT',
      year: 2027,
      value: '1300',
      qualifier: 'at_least',
      phasing: 'quarterly',
      phases: monthValues([3, '300'], [6, '650'], [9, '1000'], [12, '1300']),
      version: 1,
    });
    expect(target).toMatchObject({ value: '1300', phasing: 'quarterly', isRevised: false, version: 2 });
    expect(target.phases.map((p) => p.month)).toEqual([3, 6, 9, 12]);
  });

  it('a change after the year began needs a reason and shows as revised', async () => {
    const created = await saveTarget({ indicatorCode: 'INV-PROJECTS', year: 2026, value: '3100', version: null });
    expect(created.target.isRevised).toBe(false); // a new target is not a revision
    const before = await snapshot(ctx.db);
    await expectError(
      saveTarget({ indicatorCode: 'INV-PROJECTS', year: 2026, value: '3200', version: 1 }),
      'invalid_input',
      'reason',
    );
    expect(await snapshot(ctx.db)).toBe(before);
    const revised = await saveTarget({
      indicatorCode: 'INV-PROJECTS',
      year: 2026,
      value: '3200',
      version: 1,
      reason: '市政府常务会议调整',
    });
    expect(revised.target).toMatchObject({
      value: '3200',
      isRevised: true,
      revisionReason: '市政府常务会议调整',
      version: 2,
    });
    const list = await listTargets(actors.admin, { year: 2026 }, { db: ctx.db, now: NOW });
    expect(list.hasBegun).toBe(true);
    expect(list.items.find((i) => i.indicator.code === 'INV-PROJECTS')?.target).toMatchObject({
      isRevised: true,
      updatedByName: 'tgt-admin',
    });
  });

  it('saving the same target again writes nothing', async () => {
    const before = await snapshot(ctx.db);
    const same = await saveTarget({ indicatorCode: 'INV-PROJECTS', year: 2026, value: '3,200', version: 2 });
    expect(same.status).toBe('unchanged');
    expect(await snapshot(ctx.db)).toBe(before);
  });

  it('a stale save gets 409 with the current target and who saved it', async () => {
    const before = await snapshot(ctx.db);
    const error = await expectError(
      saveTarget({ indicatorCode: 'INV-PROJECTS', year: 2026, value: '1', version: 1, reason: '旧表单' }),
      'conflict',
    );
    expect(error.details).toMatchObject({ current: { value: '3200', version: 2 }, savedBy: 'tgt-admin' });
    await expectError(saveTarget({ indicatorCode: 'INV-NEW-STARTS', year: 2026, value: '1', version: 3 }), 'conflict');
    expect(await snapshot(ctx.db)).toBe(before);
  });

  describe('bad input is refused in Chinese, naming the field, and changes nothing', () => {
    const base = { indicatorCode: 'INV-NEW-STARTS', year: 2027, value: '2000', version: null };
    const monthly = cumulative([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1900]);
    const cases: [string, Record<string, unknown>, string, string?][] = [
      ['a word', { value: 'abc' }, 'invalid_input', 'value'],
      ['an empty value', { value: '' }, 'invalid_input', 'value'],
      ['NaN', { value: 'NaN' }, 'invalid_input', 'value'],
      ['Infinity', { value: 'Infinity' }, 'invalid_input', 'value'],
      ['1e999', { value: '1e999' }, 'invalid_input', 'value'],
      ['a 10 kB string', { value: '9'.repeat(10_240) }, 'invalid_input', 'value'],
      ['a qualifier that does not exist', { qualifier: 'roughly' }, 'invalid_input', 'qualifier'],
      ['a wrong period as the year', { year: '2025-13' }, 'invalid_input', 'year'],
      ['a year out of range', { year: 1999 }, 'invalid_input', 'year'],
      ['a monthly phasing that does not add up', { phasing: 'monthly', phases: monthly }, 'invalid_input', 'phases'],
      [
        'a cumulative phasing that decreases',
        { phasing: 'monthly', phases: cumulative([100, 50, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 2000]) },
        'invalid_input',
        'phases',
      ],
      [
        'a quarterly phasing with month 5',
        { phasing: 'quarterly', phases: monthValues([5, '1'], [12, '2000']) },
        'invalid_input',
        'phases',
      ],
      [
        'a phasing without December',
        { phasing: 'quarterly', phases: monthValues([3, '500']) },
        'invalid_input',
        'phases',
      ],
      [
        'a phase that is not a number',
        { phasing: 'quarterly', phases: monthValues([3, 'x'], [12, '2000']) },
        'invalid_input',
        'phases.3',
      ],
      ['phases without a phasing', { phases: monthValues([12, '2000']) }, 'invalid_input', 'phases'],
      ['an unknown indicator', { indicatorCode: 'NO-SUCH' }, 'not_found', 'indicatorCode'],
      ['an unknown field', { isSample: true }, 'invalid_input'],
    ];
    it.each(cases)('%s', async (_name, patch, code, field) => {
      const before = await snapshot(ctx.db);
      await expectError(saveTarget({ ...base, ...patch }), code as 'invalid_input', field);
      expect(await snapshot(ctx.db)).toBe(before);
    });

    it('an official', async () => {
      const before = await snapshot(ctx.db);
      await expectError(upsertTarget(actors.official, base, { db: ctx.db, now: NOW }), 'forbidden');
      await expectError(listTargets(actors.official, { year: 2026 }, { db: ctx.db, now: NOW }), 'forbidden');
      expect(await snapshot(ctx.db)).toBe(before);
    });

    it('a retired indicator', async () => {
      const [row] = await ctx.db.select().from(indicators).where(eq(indicators.code, 'INV-MFG-KEY-PROJECTS'));
      await setIndicatorRetired(
        actors.admin,
        'INV-MFG-KEY-PROJECTS',
        { action: 'retire', version: row!.version },
        { db: ctx.db, now: NOW },
      );
      const before = await snapshot(ctx.db);
      await expectError(
        saveTarget({ ...base, indicatorCode: 'INV-MFG-KEY-PROJECTS' }),
        'invalid_input',
        'indicatorCode',
      );
      expect(await snapshot(ctx.db)).toBe(before);
    });

    it('a value outside the allowed range', async () => {
      await ctx.db
        .update(indicators)
        .set({ minValue: '0', maxValue: '100' })
        .where(eq(indicators.code, 'INV-NEW-STARTS'));
      const before = await snapshot(ctx.db);
      const error = await expectError(
        upsertTarget(actors.admin, base, { db: ctx.db, now: NOW }),
        'invalid_input',
        'value',
      );
      expect(error.message).toContain('允许范围');
      expect(await snapshot(ctx.db)).toBe(before);
    });
  });

  describe('reporting settings', () => {
    it('saves tolerances and the due day with one audit event; a stale save gets 409', async () => {
      const view = await getSettingsView(actors.admin, { year: 2026 }, { db: ctx.db });
      expect(view).toMatchObject({
        dueDay: 5,
        tolerances: { progressPoints: 10, ratePoints: 0.5 },
        version: 'initial',
        locks: [],
      });
      const saved = await updateReportingSettings(
        actors.admin,
        { progressPoints: 8, ratePoints: 0.3, dueDay: 10, version: view.version },
        { db: ctx.db },
      );
      expect(await getReportingSettings(ctx.db)).toEqual({
        tolerances: { progressPoints: 8, ratePoints: 0.3 },
        dueDay: 10,
      });
      expect(await auditCount(ctx.db, 'settings.update')).toBe(1);

      const before = await snapshot(ctx.db);
      const error = await expectError(
        updateReportingSettings(
          actors.admin,
          { progressPoints: 9, ratePoints: 0.3, dueDay: 10, version: view.version },
          { db: ctx.db },
        ),
        'conflict',
      );
      expect(error.details).toMatchObject({ current: { dueDay: 10 }, savedBy: 'tgt-admin' });
      expect(error.message).toContain('tgt-admin');
      expect(await snapshot(ctx.db)).toBe(before);
      expect((await getSettingsView(actors.admin, { year: 2026 }, { db: ctx.db })).version).toBe(saved.version);
    });

    const bad: [string, Record<string, unknown>, string][] = [
      ['a due day of 31', { dueDay: 31 }, 'dueDay'],
      ['a negative tolerance', { progressPoints: -1 }, 'progressPoints'],
      ['a tolerance as text', { ratePoints: 'abc' }, 'ratePoints'],
      ['a fractional due day', { dueDay: 5.5 }, 'dueDay'],
    ];
    it.each(bad)('refuses %s and changes nothing', async (_name, patch, field) => {
      const { version } = await getSettingsView(actors.admin, { year: 2026 }, { db: ctx.db });
      const before = await snapshot(ctx.db);
      await expectError(
        updateReportingSettings(
          actors.admin,
          { progressPoints: 10, ratePoints: 0.5, dueDay: 5, version, ...patch },
          { db: ctx.db },
        ),
        'invalid_input',
        field,
      );
      await expectError(
        updateReportingSettings(
          actors.official,
          { progressPoints: 10, ratePoints: 0.5, dueDay: 5, version },
          { db: ctx.db },
        ),
        'forbidden',
      );
      expect(await snapshot(ctx.db)).toBe(before);
    });
  });
});
