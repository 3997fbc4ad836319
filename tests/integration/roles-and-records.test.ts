/**
 * Issue 12, roles and records: 三员分立 (accounts belong to the security administrator, the audit log to the
 * auditor alone, changes to auditor accounts shown to every auditor until acknowledged), no approval of
 * one's own figure after a role change, refused attempts recorded throttled without moving the dashboards'
 * data version, refused writes on the record from the one request wrapper, exports of any range, and
 * bounded concurrent imports.
 */
import { and, asc, count, eq, gt, like } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeAll, expect, it, vi } from 'vitest';
import { actuals, auditEvents, indicators, targets, users } from '@/db/schema';
import { type Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { withActor } from '@/lib/server-http/handler';
import { saveActual } from '@/lib/services/reporting/actual-entry';
import { approveActual, returnActual } from '@/lib/services/reporting/actual-review';
import { getAuditEvent, listAuditEvents } from '@/lib/services/audit/audit-log';
import { acknowledgeAuditorAlerts, listPendingAuditorAlerts } from '@/lib/services/audit/auditor-alerts';
import { checkIndicatorBundle } from '@/lib/services/exports/bundle';
import { checkAuditLogExport } from '@/lib/services/exports/exports';
import { withImportSlot } from '@/lib/services/imports/imports';
import { readDataVersion } from '@/lib/services/dashboards/read-model';
import { recordRefusal } from '@/lib/services/audit/refusals';
import { authenticate, SignInError } from '@/lib/services/account/sign-in';
import { disableTotp } from '@/lib/services/account/account';
import { createUser, listUsers, resetPassword, unlockUser, updateUser } from '@/lib/services/admin/users';
import { forEachEngine } from '../helpers/test-db';
import { actorFor as fixtureActor } from './fixtures/actors';
import { auditEventsOf, latestAuditEvent } from './fixtures/audit-events';
import { rejection } from './fixtures/refusals';
import { processDb } from './fixtures/process-db';
import { seedCatalogue } from './fixtures/catalogue';
import { signedIn } from './fixtures/signed-in';

// authenticate() and the request wrapper read the process-wide database: point them at the engine under test.
vi.mock('@/db/client', async (importOriginal) => (await import('./fixtures/process-db')).withProcessDb(importOriginal));

// The request wrapper's session: whoever the test says is signed in (signedIn.user; null: nobody).
vi.mock('@/lib/session/session', async () => (await import('./fixtures/signed-in')).stubSession('10.12.0.1'));

const NOW = new Date('2026-04-10T04:00:00Z');
const PASSWORD = 'Roles-Test-Pass#2026';

forEachEngine('roles and records', (ctx) => {
  const actors: Record<string, Actor & { id: number }> = {};

  const actorFor = (username: string, role: Actor['role'], departmentCode?: string) =>
    fixtureActor(ctx.db, username, role, departmentCode, { password: PASSWORD, clientAddress: '10.0.0.5' });

  async function eventCount(): Promise<number> {
    const [row] = await ctx.db.select({ n: count() }).from(auditEvents);
    return row?.n ?? 0;
  }

  beforeAll(async () => {
    processDb.db = ctx.db;
    await seedCatalogue(ctx.handle);
    actors.security = await actorFor('rr-security', 'security');
    actors.admin = await actorFor('rr-admin', 'admin');
    actors.auditorA = await actorFor('rr-auditor-a', 'auditor');
    actors.auditorB = await actorFor('rr-auditor-b', 'auditor');
    actors.official = await actorFor('rr-official', 'official', 'fgw');
    actors.official2 = await actorFor('rr-official2', 'official', 'fgw');
    actors.reviewer = await actorFor('rr-reviewer', 'reviewer', 'fgw');
    const [ind] = await ctx.db.select().from(indicators).where(eq(indicators.code, 'INV-INVESTMENT'));
    await ctx.db.insert(targets).values({ indicatorId: ind!.id, year: 2026, value: '1100' });
  });

  it('三员分立: the system administrator manages no account; only the auditor reads the audit log, by any path', async () => {
    const { admin, security, auditorA } = actors as Required<typeof actors>;
    const newUser = {
      username: 'rr-x',
      displayName: 'x',
      role: 'auditor',
      password: PASSWORD,
      mustChangePassword: false,
    };
    expect((await rejection(createUser(admin!, newUser, { db: ctx.db }))).status).toBe(403);
    expect((await rejection(listUsers(admin!, { db: ctx.db }))).status).toBe(403);
    expect((await rejection(resetPassword(admin!, auditorA!.id, { db: ctx.db }))).status).toBe(403);
    expect((await rejection(disableTotp(admin!, auditorA!.id, { db: ctx.db }))).status).toBe(403);
    expect((await rejection(unlockUser(admin!, auditorA!.id, { db: ctx.db }))).status).toBe(403);
    expect(await listUsers(security!, { db: ctx.db })).not.toHaveLength(0);
    const range = { from: '2026-01-01', to: '2026-12-31' };
    for (const who of [admin!, security!]) {
      expect((await rejection(listAuditEvents(who, {}, { db: ctx.db }))).status).toBe(403);
      expect((await rejection(getAuditEvent(who, '1', { db: ctx.db }))).status).toBe(403);
      expect((await rejection(checkAuditLogExport(who, range, { db: ctx.db }))).status).toBe(403);
      expect((await rejection(checkIndicatorBundle(who, 'INV-INVESTMENT', {}, { db: ctx.db }))).status).toBe(403);
    }
    expect((await listAuditEvents(auditorA!, {}, { db: ctx.db })).events.length).toBeGreaterThan(0);
  });

  it('granting the auditor role, resetting an auditor or switching off its TOTP is shown to every auditor until each acknowledges it', async () => {
    const { security, auditorA, auditorB, admin } = actors as Required<typeof actors>;
    // The two auditors were created (by the system) before: each was shown that, and acknowledges it first.
    for (const auditor of [auditorA!, auditorB!]) {
      const earlier = await listPendingAuditorAlerts(auditor, { db: ctx.db });
      expect(earlier.map((a) => a.subjectUsername)).toContain(auditor.username);
      await acknowledgeAuditorAlerts(auditor, { ids: earlier.map((a) => a.id) }, { db: ctx.db });
    }

    const created = await createUser(
      security!,
      {
        username: 'rr-new-auditor',
        displayName: '新审计员',
        role: 'auditor',
        password: PASSWORD,
        mustChangePassword: false,
      },
      { db: ctx.db },
    );
    const promoted = await actorFor('rr-promoted', 'leader');
    await updateUser(security!, promoted.id, { role: 'auditor' }, { db: ctx.db });
    await resetPassword(security!, auditorB!.id, { db: ctx.db });
    await ctx.db
      .update(users)
      .set({ totpEnabled: true, totpSecret: 'JBSWY3DPEHPK3PXP' })
      .where(eq(users.id, auditorB!.id));
    await disableTotp(security!, auditorB!.id, { db: ctx.db });
    // Not about an auditor account: no alert.
    await resetPassword(security!, admin!.id, { db: ctx.db });

    const shownToA = await listPendingAuditorAlerts(auditorA!, { db: ctx.db });
    expect(shownToA.map((a) => [a.kind, a.subjectUsername, a.actorUsername])).toEqual([
      ['role_granted', 'rr-new-auditor', 'rr-security'],
      ['role_granted', 'rr-promoted', 'rr-security'],
      ['password_reset', 'rr-auditor-b', 'rr-security'],
      ['totp_disabled', 'rr-auditor-b', 'rr-security'],
    ]);
    expect(shownToA[0]?.message).toContain('被授予审计员角色');
    // The new auditor sees the alert about its own account at its first sign-in.
    const newAuditor: Actor = { id: created.id, username: created.username, role: 'auditor', departmentId: null };
    expect((await listPendingAuditorAlerts(newAuditor, { db: ctx.db })).map((a) => a.subjectUsername)).toContain(
      'rr-new-auditor',
    );

    expect((await rejection(listPendingAuditorAlerts(security!, { db: ctx.db }))).status).toBe(403);
    expect((await rejection(acknowledgeAuditorAlerts(auditorA!, { ids: [999_999] }, { db: ctx.db }))).status).toBe(400);

    expect(await acknowledgeAuditorAlerts(auditorA!, { ids: shownToA.map((a) => a.id) }, { db: ctx.db })).toEqual({
      acknowledged: 4,
    });
    expect(await listPendingAuditorAlerts(auditorA!, { db: ctx.db })).toEqual([]);
    expect(await listPendingAuditorAlerts(auditorB!, { db: ctx.db })).toHaveLength(4);
    const ack = await latestAuditEvent(ctx.db, 'audit.alert_acknowledge');
    expect(ack).toMatchObject({ actorId: auditorA!.id, after: { alertIds: shownToA.map((a) => a.id) } });
    // The changes themselves stay audit events as before.
    const resets = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.reset_password'), eq(auditEvents.entityId, String(auditorB!.id))));
    expect(resets).toHaveLength(1);
  });

  it('an official who became a reviewer cannot approve a figure they submitted or edited since its last return', async () => {
    const { official, official2, reviewer, security } = actors as Required<typeof actors>;
    const base = { indicatorCode: 'INV-INVESTMENT', version: null as number | null };
    // March: official2 drafts it, official submits it.
    const draft = await saveActual(
      official2!,
      { ...base, period: '2026-03', value: '300', action: 'draft' },
      { db: ctx.db, now: NOW },
    );
    const submitted = await saveActual(
      official!,
      { ...base, period: '2026-03', version: draft.actual.version, value: '310', action: 'submit' },
      { db: ctx.db, now: NOW },
    );

    await updateUser(security!, official!.id, { role: 'reviewer' }, { db: ctx.db });
    await updateUser(security!, official2!.id, { role: 'reviewer' }, { db: ctx.db });
    const asReviewer = { ...official!, role: 'reviewer' as const };
    const asReviewer2 = { ...official2!, role: 'reviewer' as const };

    const rowBefore = await ctx.db.select().from(actuals).where(eq(actuals.id, submitted.actual.id));
    const eventsBefore = await eventCount();
    const own = await rejection(
      approveActual(asReviewer, submitted.actual.id, { version: submitted.actual.version }, { db: ctx.db, now: NOW }),
    );
    expect(own.status).toBe(403);
    expect(own.message).toContain('不能审核自己');
    const edited = await rejection(
      approveActual(asReviewer2, submitted.actual.id, { version: submitted.actual.version }, { db: ctx.db, now: NOW }),
    );
    expect(edited.status).toBe(403);
    expect(await ctx.db.select().from(actuals).where(eq(actuals.id, submitted.actual.id))).toEqual(rowBefore);
    expect(await eventCount()).toBe(eventsBefore);

    // Returned, then resubmitted by someone else: an edit before the return no longer counts.
    const returned = await returnActual(
      reviewer!,
      submitted.actual.id,
      { version: submitted.actual.version, reason: '请核实' },
      { db: ctx.db, now: NOW },
    );
    const officialC = await actorFor('rr-official3', 'official', 'fgw');
    const again = await saveActual(
      officialC,
      { ...base, period: '2026-03', version: returned.version, value: '320', action: 'submit' },
      { db: ctx.db, now: NOW },
    );
    const approved = await approveActual(
      asReviewer2,
      again.actual.id,
      { version: again.actual.version },
      { db: ctx.db, now: NOW },
    );
    expect(approved.status).toBe('approved');
  });

  it('a locked account answers exactly as a wrong password does', async () => {
    const user = await actorFor('rr-lock', 'leader');
    const attempt = async (password: string) =>
      authenticate({ username: user.username, password, clientAddress: '10.20.0.1' }).then(
        () => 'ok',
        (e: unknown) => (e instanceof SignInError ? e.code : 'error'),
      );
    for (let i = 0; i < 5; i += 1) expect(await attempt('Wrong#pass0')).toBe('invalid');
    const [row] = await ctx.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await attempt(PASSWORD)).toBe('invalid');
    expect(await attempt('Wrong#pass0')).toBe('invalid');
    // The lockout is on the record and the security administrator sees it and lifts it.
    const locked = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.locked'), eq(auditEvents.entityId, String(user.id))));
    expect(locked).toHaveLength(1);
    expect((await listUsers(actors.security!, { db: ctx.db })).find((u) => u.id === user.id)?.isLocked).toBe(true);
    await unlockUser(actors.security!, user.id, { db: ctx.db });
    expect(await attempt(PASSWORD)).toBe('ok');
  });

  it('50 failed sign-ins append a few throttled events and leave the data version; a figure submission moves it', async () => {
    const target = await actorFor('rr-flooded', 'leader');
    const version = await readDataVersion(ctx.db);
    const events = await eventCount();
    const at = new Date('2026-04-10T05:00:30Z');
    for (let i = 0; i < 25; i += 1) {
      await authenticate({
        username: `nobody${i}`,
        password: 'Wrong#pass0',
        clientAddress: '10.30.0.1',
        now: at,
      }).catch(() => undefined);
      await authenticate({
        username: target.username,
        password: 'Wrong#pass0',
        clientAddress: '10.30.0.2',
        now: at,
      }).catch(() => undefined);
    }
    expect(await readDataVersion(ctx.db)).toBe(version);
    const added = await ctx.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .orderBy(asc(auditEvents.id))
      .offset(events);
    // Per address: the first wrong password, the first throttled; plus the lockout and the first locked attempt.
    expect(added.map((e) => e.action).sort()).toEqual(
      [
        'auth.locked',
        'refusal.sign_in',
        'refusal.sign_in',
        'refusal.sign_in_locked',
        'refusal.sign_in_throttled',
        'refusal.sign_in_throttled',
      ].sort(),
    );
    // The next minute's first refusal carries the count of the one before.
    await authenticate({
      username: 'nobody',
      password: 'Wrong#pass0',
      clientAddress: '10.30.0.1',
      now: new Date(at.getTime() + 60_000),
    }).catch(() => undefined);
    const next = (await auditEventsOf(ctx.db, 'refusal.sign_in_throttled'))[2];
    expect(next?.after).toMatchObject({ previousWindow: { start: '2026-04-10T05:00:00.000Z', count: 5 } });

    await saveActual(
      await actorFor('rr-official4', 'official', 'fgw'),
      { indicatorCode: 'INV-INVESTMENT', period: '2026-02', version: null, value: '200', action: 'submit' },
      { db: ctx.db, now: NOW },
    );
    expect(await readDataVersion(ctx.db)).toBeGreaterThan(version);
  });

  it('records refused writes (401/403) from the request wrapper, one event per address and reason a minute; not refused reads', async () => {
    const route = withActor(async ({ actor }) => {
      if (actor.role !== 'security') throw new AppError('forbidden');
      return { ok: true };
    });
    const call = (method: string) =>
      route(
        new NextRequest('http://localhost/api/admin/users', {
          method,
          headers: { origin: 'http://localhost', host: 'localhost' },
        }),
        { params: Promise.resolve({}) },
      );
    const since =
      (await ctx.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id))).at(-1)?.id ?? 0;

    signedIn.user = null;
    for (let i = 0; i < 10; i += 1) expect((await call('POST')).status).toBe(401);
    signedIn.user = { ...actors.admin!, clientAddress: '10.12.0.2' };
    for (let i = 0; i < 10; i += 1) expect((await call('DELETE')).status).toBe(403);
    expect((await call('GET')).status).toBe(403);

    const recorded = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(gt(auditEvents.id, since), like(auditEvents.action, 'refusal.%')))
      .orderBy(asc(auditEvents.id));
    expect(recorded.map((e) => [e.action, e.clientAddress, e.actorUsername])).toEqual([
      ['refusal.unauthenticated', '10.12.0.1', '(匿名)'],
      ['refusal.forbidden', '10.12.0.2', 'rr-admin'],
    ]);
    expect(recorded[1]).toMatchObject({
      entityType: 'request',
      entityId: 'DELETE /api/admin/users',
      after: { method: 'DELETE', path: '/api/admin/users' },
    });
    // And the refusals are filterable on /audit.
    const filtered = await listAuditEvents(actors.auditorA!, { action: 'refusal.*' }, { db: ctx.db });
    expect(filtered.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['refusal.unauthenticated', 'refusal.forbidden']),
    );
    signedIn.user = null;
  });

  it('counts refusals per address, reason and minute', async () => {
    const at = new Date('2026-05-01T00:00:10Z');
    const input = { clientAddress: '10.40.0.1', reason: 'origin' as const, method: 'POST', path: '/api/x' };
    const results = await Promise.all([0, 1, 2, 3].map(() => recordRefusal(ctx.db, input, at)));
    expect(results.filter((r) => r.recorded)).toHaveLength(1);
    expect((await recordRefusal(ctx.db, { ...input, reason: 'forbidden' }, at)).recorded).toBe(true);
    expect((await recordRefusal(ctx.db, input, new Date(at.getTime() + 61_000))).recorded).toBe(true);
    const last = (await auditEventsOf(ctx.db, 'refusal.origin'))[1];
    expect(last?.after).toMatchObject({ previousWindow: { start: '2026-05-01T00:00:00.000Z', count: 4 } });
  });

  it('an auditor may export the audit log over any range, the whole 十四五 included', async () => {
    const check = await checkAuditLogExport(
      actors.auditorA!,
      { from: '2021-01-01', to: '2025-12-31', format: 'csv' },
      { db: ctx.db },
    );
    expect(check.rowCount).toBeGreaterThanOrEqual(0);
    const all = await checkAuditLogExport(
      actors.auditorA!,
      { from: '2000-01-01', to: '2100-12-31', format: 'xlsx' },
      { db: ctx.db },
    );
    expect(all.rowCount).toBe(await eventCount());
  });
});

it('runs at most two imports at once; a third gets 429 with Retry-After and a Chinese message', async () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const running = [withImportSlot(() => gate), withImportSlot(() => gate)];
  const refused = await rejection(withImportSlot(async () => 'third'));
  expect(refused).toMatchObject({ status: 429, code: 'rate_limited', details: { retryAfterSeconds: 10 } });
  expect(refused.message).toContain('导入');
  release();
  await Promise.all(running);
  expect(await withImportSlot(async () => 'after')).toBe('after');
});
