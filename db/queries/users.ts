/**
 * User rows. Password hashes and secrets never leave this layer except to the sign-in and user services;
 * the admin list (`listUserSummaries`) selects none of them. Users are not department-owned rows: only a
 * holder of 'user.manage' reaches the list and the writes (checked by lib/services/admin/users.ts).
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Role } from '@/lib/domain/types';
import type { Db } from '../client';
import { departments, loginThrottle, units, users } from '../schema';
import { firstOrNull, insertedRow } from './rows';

export function getUserByUsername(db: Db, username: string) {
  return firstOrNull(db.select().from(users).where(eq(users.username, username)).limit(1));
}

export function getUserById(db: Db, id: number) {
  return firstOrNull(db.select().from(users).where(eq(users.id, id)).limit(1));
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof getUserById>>>;
export type NewUserRow = typeof users.$inferInsert;
export type UserChange = PgUpdateSetSource<typeof users>;

/** A user as the admin pages see it: no hash, no secret, no recovery codes. */
export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  /** The county/district/zone (县区) the user belongs to, if any. */
  unitCode: string | null;
  unitName: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  isDisabled: boolean;
  isLocked: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  passwordChangedAt: Date | null;
  createdAt: Date;
}

const summaryColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  role: users.role,
  departmentId: users.departmentId,
  departmentCode: departments.code,
  departmentName: departments.name,
  unitCode: units.code,
  unitName: units.name,
  mustChangePassword: users.mustChangePassword,
  totpEnabled: users.totpEnabled,
  isDisabled: users.isDisabled,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  passwordChangedAt: users.passwordChangedAt,
  createdAt: users.createdAt,
};

/** Every user (or the one with `id`) with their department, in id order; `isLocked` as of `now`. */
export async function listUserSummaries(db: Db, options: { id?: number; now?: Date } = {}): Promise<UserSummary[]> {
  const now = options.now ?? new Date();
  const rows = await db
    .select(summaryColumns)
    .from(users)
    .leftJoin(departments, eq(users.departmentId, departments.id))
    .leftJoin(units, eq(users.unitId, units.id))
    .where(options.id === undefined ? undefined : eq(users.id, options.id))
    .orderBy(asc(users.id));
  return rows.map((row) => ({ ...row, isLocked: row.lockedUntil !== null && row.lockedUntil > now }));
}

/** The user row, locked (FOR UPDATE) for the rest of the transaction, or null. */
export function lockUserForUpdate(tx: Db, id: number): Promise<UserRow | null> {
  return firstOrNull(tx.select().from(users).where(eq(users.id, id)).for('update'));
}

/**
 * Locks every enabled user holding one of `roles`, in id order (so two concurrent demotions queue instead
 * of deadlocking), and returns their ids.
 */
export async function lockEnabledUsersWithRoles(tx: Db, roles: Role[]): Promise<number[]> {
  if (roles.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, roles), eq(users.isDisabled, false)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((row) => row.id);
}

/** Case-insensitive: "Admin" beside "admin" would be two accounts a person cannot tell apart. */
export async function isUsernameTaken(db: Db, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return row !== undefined;
}

/** The department a user form names by code (id, name, whether active), or null. */
export function getDepartmentRefByCode(db: Db, code: string) {
  return firstOrNull(
    db
      .select({ id: departments.id, name: departments.name, isActive: departments.isActive })
      .from(departments)
      .where(eq(departments.code, code)),
  );
}

export async function insertUser(tx: Db, values: NewUserRow): Promise<UserRow> {
  return insertedRow(tx.insert(users).values(values).returning(), 'user');
}

/** Applies `change` (and a fresh updatedAt); the row after, or null when there is no such user. */
export function updateUserRow(tx: Db, id: number, change: UserChange): Promise<UserRow | null> {
  return firstOrNull(
    tx
      .update(users)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning(),
  );
}

/** SQL for "the session version plus one": every session issued before ends at its next request. */
export function nextSessionVersion() {
  return sql`${users.sessionVersion} + 1`;
}

/** Failures recorded for an address in the current window. */
export async function getAddressFailures(db: Db, address: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .select({ failures: loginThrottle.failures })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.address, address), gt(loginThrottle.windowStart, windowStart)));
  return row?.failures ?? 0;
}

export async function recordAddressFailure(db: Db, address: string, now: Date, windowStart: Date): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ address, windowStart: now, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.address,
      set: {
        failures: sql`case when ${loginThrottle.windowStart} > ${windowStart.toISOString()}::timestamptz then ${loginThrottle.failures} + 1 else 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} > ${windowStart.toISOString()}::timestamptz then ${loginThrottle.windowStart} else ${now.toISOString()}::timestamptz end`,
      },
    });
}

/** Users whose stored TOTP secret is set (to re-encrypt those still in plain text at start). */
export async function listStoredTotpSecrets(db: Db): Promise<{ id: number; totpSecret: string }[]> {
  const rows = await db
    .select({ id: users.id, totpSecret: users.totpSecret })
    .from(users)
    .where(sql`${users.totpSecret} is not null`);
  return rows.flatMap((row) => (row.totpSecret === null ? [] : [{ id: row.id, totpSecret: row.totpSecret }]));
}

/** Replaces a stored TOTP secret only if it is still `expected` (a concurrent enrolment wins). */
export async function replaceTotpSecret(db: Db, id: number, expected: string, next: string): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: next })
    .where(and(eq(users.id, id), eq(users.totpSecret, expected)));
}
