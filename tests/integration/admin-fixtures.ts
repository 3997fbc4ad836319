/** Shared by the catalog, targets and imports tests: actors, a whole-database snapshot, error assertions. */
import { asc, count, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { actuals, auditEvents, departments, indicators, periodLocks, settings, targetPhases, targets } from '@/db/schema';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { createUser } from '@/lib/services/admin/users';

const PASSWORD = 'Vq7#Lm2-Rt9x-Kw4';

export async function actorFor(db: Db, username: string, role: Actor['role'], departmentCode?: string): Promise<Actor> {
  const { id } = await createUser(
    SYSTEM_ACTOR,
    { username, displayName: username, role, departmentCode, password: PASSWORD, mustChangePassword: false },
    { db },
  );
  const [dept] = departmentCode ? await db.select().from(departments).where(eq(departments.code, departmentCode)) : [];
  return { id, username, role, departmentId: dept?.id ?? null, clientAddress: '127.0.0.1' };
}

/** Everything an admin write or an import could change, as one string to compare before and after. */
export async function snapshot(db: Db): Promise<string> {
  const [a, t, p, i, s, l, [audit]] = await Promise.all([
    db.select().from(actuals).orderBy(asc(actuals.id)),
    db.select().from(targets).orderBy(asc(targets.id)),
    db.select().from(targetPhases).orderBy(asc(targetPhases.targetId), asc(targetPhases.month)),
    db.select().from(indicators).orderBy(asc(indicators.id)),
    db.select().from(settings).orderBy(asc(settings.key)),
    db.select().from(periodLocks).orderBy(asc(periodLocks.year), asc(periodLocks.month)),
    db.select({ n: count() }).from(auditEvents),
  ]);
  return JSON.stringify({ a, t, p, i, s, l, audit: audit?.n ?? 0 });
}

export async function auditCount(db: Db, action?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(action ? eq(auditEvents.action, action) : undefined);
  return row?.n ?? 0;
}

/** Awaits a rejection and checks it is the AppError expected, in Chinese, naming `field` when given. */
export async function expectError(promise: Promise<unknown>, code: AppError['code'], field?: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to be refused').toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code, appError.message).toBe(code);
  expect(appError.message).toMatch(/[\u4e00-\u9fa5]/);
  if (field) expect(Object.keys(appError.fieldErrors ?? {})).toContain(field);
  return appError;
}
