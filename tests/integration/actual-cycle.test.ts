import { asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actuals, auditEvents, indicators, periodLocks, targets } from '@/db/schema';
import type { Db } from '@/db/client';
import { type Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { saveActual } from '@/lib/services/reporting/actual-entry';
import { approveActual, reopenActual, returnActual, setPeriodLocked } from '@/lib/services/reporting/actual-review';
import { forEachEngine } from '../helpers/test-db';
import { actorFor } from './fixtures/actors';
import { expectError } from './fixtures/refusals';
import { seedCatalogue } from './fixtures/catalogue';

// 10 April 2026, noon in Shanghai: March's figures are being entered.
const NOW = new Date('2026-04-10T04:00:00Z');

/** Everything a write could change: every figure row, the period locks and the audit log's length. */
async function snapshot(db: Db) {
  const rows = await db.select().from(actuals).orderBy(asc(actuals.id));
  const locks = await db.select().from(periodLocks);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(auditEvents);
  return JSON.stringify({ rows, locks, audit: n });
}

forEachEngine('the reporting cycle', (ctx) => {
  let official: Actor;
  let otherOfficial: Actor;
  let reviewer: Actor;
  let otherReviewer: Actor;
  let admin: Actor;
  const base = { indicatorCode: 'INV-INVESTMENT', period: '2026-03', version: null as number | null };

  beforeAll(async () => {
    await seedCatalogue(ctx.handle);
    official = await actorFor(ctx.db, 'cycle-official', 'official', 'fgw');
    otherOfficial = await actorFor(ctx.db, 'cycle-other', 'official', 'wlj');
    reviewer = await actorFor(ctx.db, 'cycle-reviewer', 'reviewer', 'fgw');
    otherReviewer = await actorFor(ctx.db, 'cycle-other-rev', 'reviewer', 'wlj');
    admin = await actorFor(ctx.db, 'cycle-admin', 'admin');
    const [ind] = await ctx.db.select().from(indicators).where(eq(indicators.code, 'INV-INVESTMENT'));
    await ctx.db.insert(targets).values({ indicatorId: ind!.id, year: 2026, value: '1100' });
  });

  it('walks draft → submit → return → resubmit → approve, locked at the end, every step audited', async () => {
    const draft = await saveActual(
      official,
      { ...base, value: '1,02', action: 'draft' },
      { db: ctx.db, now: NOW },
    ).catch((e: unknown) => e);
    expect(draft).toBeInstanceOf(AppError); // "1,02" is not a thousands group
    const saved = await saveActual(official, { ...base, value: ' 200 ', action: 'draft' }, { db: ctx.db, now: NOW });
    expect(saved.actual).toMatchObject({ status: 'draft', version: 1, value: '200.000000' });
    expect(saved.needsExplanation).toBe(true); // 200 of an expected 275 by March: behind

    await expectError(
      saveActual(official, { ...base, version: 1, value: '200', action: 'submit' }, { db: ctx.db, now: NOW }),
      'invalid_input',
      'explanation',
    );
    const submitted = await saveActual(
      official,
      { ...base, version: 1, value: '200', explanation: '一季度雨雪天气影响开工', action: 'submit' },
      { db: ctx.db, now: NOW },
    );
    expect(submitted.actual).toMatchObject({ status: 'submitted', version: 2 });
    await expectError(
      saveActual(official, { ...base, version: 2, value: '210', action: 'draft' }, { db: ctx.db, now: NOW }),
      'locked',
    );

    await expectError(
      returnActual(otherReviewer, submitted.actual.id, { version: 2, reason: '请核实' }, { db: ctx.db, now: NOW }),
      'forbidden',
    );
    await expectError(
      approveActual(official, submitted.actual.id, { version: 2 }, { db: ctx.db, now: NOW }),
      'forbidden',
    );
    await expectError(
      returnActual(reviewer, submitted.actual.id, { version: 2, reason: ' ' }, { db: ctx.db, now: NOW }),
      'invalid_input',
      'reason',
    );
    const returned = await returnActual(
      reviewer,
      submitted.actual.id,
      { version: 2, reason: '与统计局快报不一致，请核实' },
      { db: ctx.db, now: NOW },
    );
    expect(returned).toMatchObject({ status: 'returned', version: 3, returnedValue: '200.000000' });

    const resubmitted = await saveActual(
      official,
      { ...base, version: 3, value: '１０２７', action: 'submit' },
      { db: ctx.db, now: NOW },
    );
    expect(resubmitted.actual).toMatchObject({ status: 'submitted', version: 4, value: '1027.000000' });
    const approved = await approveActual(reviewer, resubmitted.actual.id, { version: 4 }, { db: ctx.db, now: NOW });
    expect(approved).toMatchObject({ status: 'approved', version: 5 });
    await expectError(
      saveActual(official, { ...base, version: 5, value: '1', action: 'draft' }, { db: ctx.db, now: NOW }),
      'locked',
    );

    await expectError(
      reopenActual(reviewer, approved.id, { version: 5, reason: '更正' }, { db: ctx.db, now: NOW }),
      'forbidden',
    );
    await expectError(
      reopenActual(admin, approved.id, { version: 5, reason: '' }, { db: ctx.db, now: NOW }),
      'invalid_input',
      'reason',
    );
    const reopened = await reopenActual(
      admin,
      approved.id,
      { version: 5, reason: '统计局年报修订' },
      { db: ctx.db, now: NOW },
    );
    expect(reopened).toMatchObject({ status: 'returned', reopenReason: '统计局年报修订' });

    const trail = await ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(approved.id)))
      .orderBy(asc(auditEvents.id));
    expect(trail.map((t) => t.action)).toEqual([
      'actual.save_draft',
      'actual.submit',
      'actual.return',
      'actual.submit',
      'actual.approve',
      'actual.reopen',
    ]);
  });

  it('a stale write gets 409 with the stored value and who saved it, and changes nothing', async () => {
    const input = { indicatorCode: 'INV-PROJECTS', period: '2026-03', version: null, action: 'draft' as const };
    const first = await saveActual(official, { ...input, value: '800' }, { db: ctx.db, now: NOW });
    const before = await snapshot(ctx.db);
    const error = await expectError(
      saveActual(official, { ...input, value: '900' }, { db: ctx.db, now: NOW }),
      'conflict',
    );
    expect(error.details).toMatchObject({ current: { value: '800.000000', version: 1 }, savedBy: 'cycle-official' });
    expect(await snapshot(ctx.db)).toBe(before);
    expect(first.actual.version).toBe(1);
  });

  it('two sessions saving the same new figure at once: one succeeds, the other gets 409', async () => {
    const input = { indicatorCode: 'INV-NEW-STARTS', period: '2026-03', version: null, action: 'draft' as const };
    const results = await Promise.allSettled([
      saveActual(official, { ...input, value: '300' }, { db: ctx.db, now: NOW }),
      saveActual(official, { ...input, value: '301' }, { db: ctx.db, now: NOW }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0]?.reason as AppError).code).toBe('conflict');
  });

  describe('bad input is refused with a Chinese message naming the field and changes nothing', () => {
    const cases: [string, Record<string, unknown>, () => Actor, AppError['code'], string?][] = [
      ['a word', { value: 'abc' }, () => official, 'invalid_input', 'value'],
      ['an empty figure', { value: '' }, () => official, 'invalid_input', 'value'],
      ['NaN', { value: 'NaN' }, () => official, 'invalid_input', 'value'],
      ['Infinity', { value: 'Infinity' }, () => official, 'invalid_input', 'value'],
      ['1e999', { value: '1e999' }, () => official, 'invalid_input', 'value'],
      ['a 10 kB string', { value: '9'.repeat(10_240) }, () => official, 'invalid_input', 'value'],
      ['a JSON number that is not finite-safe', { value: Number.MAX_VALUE }, () => official, 'invalid_input', 'value'],
      ['month 13', { period: '2025-13', value: '1' }, () => official, 'invalid_input', 'period'],
      ['a future period', { period: '2026-09', value: '1' }, () => official, 'invalid_input', 'period'],
      ['an unknown qualifier', { value: '1', qualifier: 'roughly' }, () => official, 'invalid_input', 'qualifier'],
      ['an extra field', { value: '1', isAdmin: true }, () => official, 'invalid_input'],
      ['a body that sets who entered it', { value: '1', enteredBy: 1 }, () => official, 'invalid_input'],
      ['a body that sets the department', { value: '1', departmentId: 2 }, () => official, 'invalid_input'],
      ['a body that sets a role', { value: '1', role: 'admin' }, () => official, 'invalid_input'],
      ['a missing action', { value: '1', action: undefined }, () => official, 'invalid_input', 'action'],
      ['another department', { value: '1' }, () => otherOfficial, 'forbidden'],
      ['a reviewer entering figures', { value: '1' }, () => reviewer, 'forbidden'],
      ['an unknown indicator', { indicatorCode: 'NO-SUCH', value: '1' }, () => official, 'not_found'],
      [
        'an annual indicator in a month that is not due',
        { indicatorCode: 'REV-FAI-TOTAL', period: '2026-02', value: '4' },
        () => official,
        'invalid_input',
        'period',
      ],
    ];
    const draft = {
      indicatorCode: 'INV-TRANSFORM-PROJECTS-COMPLETED',
      period: '2026-03',
      version: null,
      action: 'draft',
    };
    /** Saving the draft with `patch` as `who` is refused with `code` (naming `field`), and nothing changes. */
    async function expectRefusedUnchanged(
      who: Actor,
      patch: Record<string, unknown>,
      code: AppError['code'],
      field?: string,
    ) {
      const before = await snapshot(ctx.db);
      const error = await expectError(saveActual(who, { ...draft, ...patch }, { db: ctx.db, now: NOW }), code, field);
      expect(await snapshot(ctx.db)).toBe(before);
      return error;
    }

    it.each(cases)('%s', async (_name, patch, who, code, field) => {
      await expectRefusedUnchanged(who(), patch, code, field);
    });

    it('a retired indicator', async () => {
      await ctx.db.update(indicators).set({ isRetired: true }).where(eq(indicators.code, 'REV-URBANIZATION'));
      await expectRefusedUnchanged(
        official,
        { indicatorCode: 'REV-URBANIZATION', value: '1' },
        'invalid_input',
        'indicatorCode',
      );
    });

    it('a closed period (and only an admin can close it)', async () => {
      await expectError(setPeriodLocked(official, { period: '2026-02' }, true, { db: ctx.db }), 'forbidden');
      await setPeriodLocked(admin, { period: '2026-02', reason: '2月数据已报送省统计局' }, true, { db: ctx.db });
      const error = await expectRefusedUnchanged(official, { period: '2026-02', value: '1' }, 'locked');
      expect(error.message).toContain('已关账');
    });
  });
});
