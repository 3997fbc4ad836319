/** Who works in the system: the work areas, departments, 县区 units, user accounts and the sign-in throttle. */
import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { roleEnum, unitKindEnum, timestamps } from './columns';

export const workAreas = pgTable('work_areas', {
  id: smallint('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
});

export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  ...timestamps(),
});

/** 县区: the city itself and its districts, counties and development zones (lib/domain/units.ts). */
export const units = pgTable('units', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: unitKindEnum('kind').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
  ...timestamps(),
});

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: roleEnum('role').notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    /** A county/district/zone official or reviewer: enters or reviews that unit's figures only. */
    unitId: integer('unit_id').references(() => units.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** argon2id hashes of the previous passwords, newest first (4 kept: with the current one, the last 5 are refused). */
    passwordHistory: jsonb('password_history').$type<string[]>().notNull().default([]),
    /** The TOTP seed, encrypted at rest (`v1:…`, lib/auth/data-key.ts). */
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The last 30-second step whose code was accepted: a code is never accepted twice (RFC 6238 §5.2). */
    totpLastStep: integer('totp_last_step'),
    /** Salted argon2id hashes of unused one-time recovery codes. */
    recoveryCodes: jsonb('recovery_codes').$type<string[]>().notNull().default([]),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Bumped to end every session of the user at once (sign-out, disable, role change, reset). */
    sessionVersion: integer('session_version').notNull().default(1),
    isDisabled: boolean('is_disabled').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Where e-mail reminders go (催报提醒); none: the user gets no e-mail. */
    email: text('email'),
    ...timestamps(),
  },
  (t) => [
    check(
      'users_department_for_role',
      sql`(${t.role} in ('official', 'reviewer')) = (${t.departmentId} is not null or ${t.unitId} is not null)`,
    ),
    check('users_unit_for_role', sql`${t.unitId} is null or ${t.role} in ('official', 'reviewer')`),
  ],
);

/** Per-address sign-in throttle, in the database so that every app instance sees it. */
export const loginThrottle = pgTable('login_throttle', {
  address: text('address').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull().default(0),
});
