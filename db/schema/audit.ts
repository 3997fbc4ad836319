/** The audit log and what guards it: the hash-chained events, seed runs, the data version, refusal windows, auditor alerts. */
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt, refersTo } from './columns';
import { users } from './organisation';

/**
 * Append-only, hash-chained log of every write. Triggers (see the custom migration) refuse UPDATE, DELETE
 * and TRUNCATE. `hash` = SHA-256 over the canonical event and `prev_hash`.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: integer('actor_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    departmentId: integer('department_id'),
    indicatorId: integer('indicator_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    clientAddress: text('client_address'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [
    index('audit_events_occurred_idx').on(t.occurredAt, t.id),
    index('audit_events_actor_idx').on(t.actorId, t.id),
    index('audit_events_action_idx').on(t.action, t.id),
    index('audit_events_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_events_indicator_idx').on(t.indicatorId, t.id),
    index('audit_events_department_idx').on(t.departmentId, t.id),
  ],
);

/** Marks data the seed created, so that seeding twice changes nothing and the sample year is identifiable. */
export const seedRuns = pgTable('seed_runs', {
  name: text('name').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  details: jsonb('details'),
});

/**
 * The version of the data the dashboards show (one row, id 1): bumped in the transaction of every audited
 * write that changes figures, targets, the catalog, settings or departments — not by sign-ins, refusals,
 * exports or account changes — so that the read model (lib/services/dashboards/read-model.ts) is recomputed only when
 * what it shows may have changed. Bumps are serialised by the audit chain lock, so it grows in commit order.
 */
export const dataVersion = pgTable('data_version', {
  id: smallint('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
});

/**
 * Refused requests counted per client address, reason and minute (lib/services/audit/refusals.ts): the first
 * refusal of a minute appends one audit event carrying the count of the address's previous minute for that
 * reason; later ones only count here. One row per address and reason.
 */
export const refusalWindows = pgTable(
  'refusal_windows',
  {
    address: text('address').notNull(),
    reason: text('reason').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
    previousWindowStart: timestamp('previous_window_start', { withTimezone: true }),
    previousCount: integer('previous_count'),
  },
  (t) => [primaryKey({ columns: [t.address, t.reason] })],
);

/**
 * Changes to auditor accounts (granted the role, password reset, second factor switched off) that every
 * auditor is shown at sign-in until they acknowledge it (三员分立: no other administrator can quietly
 * give itself the auditor's view). The audit event of the change is recorded as well.
 */
export const auditorAlerts = pgTable('auditor_alerts', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(),
  subjectUserId: refersTo('subject_user_id', () => users.id),
  subjectUsername: text('subject_username').notNull(),
  actorUsername: text('actor_username'),
  actorRole: text('actor_role'),
  clientAddress: text('client_address'),
  createdAt: createdAt(),
});

export const auditorAlertAcks = pgTable(
  'auditor_alert_acks',
  {
    alertId: refersTo('alert_id', () => auditorAlerts.id),
    auditorId: refersTo('auditor_id', () => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.auditorId] })],
);
