/**
 * The single source of table types. Figures are `numeric` (decimal strings in TypeScript), never floats.
 * Change it, then `npm run db:generate` and commit the migration.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  type AnyPgColumn,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  ACTUAL_STATUSES,
  DIRECTIONS,
  FREQUENCIES,
  INDICATOR_KINDS,
  PLAN_TYPES,
  QUALIFIERS,
  ROLES,
  ROLLUP_RULES,
  UNIT_KINDS,
  type ChangeBasis,
  type ChangeUnit,
} from '../lib/domain/types';
import type { PathKind } from '../lib/domain/plan-path';
import type { StoredSchemeBody, SubjectKind } from '../lib/domain/scoring';

export const roleEnum = pgEnum('role', ROLES);
export const indicatorKindEnum = pgEnum('indicator_kind', INDICATOR_KINDS);
export const directionEnum = pgEnum('direction', DIRECTIONS);
export const frequencyEnum = pgEnum('frequency', FREQUENCIES);
export const planTypeEnum = pgEnum('plan_type', PLAN_TYPES);
export const qualifierEnum = pgEnum('qualifier', QUALIFIERS);
export const actualStatusEnum = pgEnum('actual_status', ACTUAL_STATUSES);
export const phasingEnum = pgEnum('phasing', ['none', 'monthly', 'quarterly']);
export const unitKindEnum = pgEnum('unit_kind', UNIT_KINDS);
export const rollupRuleEnum = pgEnum('rollup_rule', ROLLUP_RULES);
export const indicatorSectionEnum = pgEnum('indicator_section', ['area', 'highlights', 'review', 'custom']);

/** Figures: up to 20 digits with 6 decimals covers 亿元 to the 元 and rates to 0.000001. */
const figure = (name: string) => numeric(name, { precision: 20, scale: 6 });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** When a row was created and last changed. */
const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });
/** A required reference to another table's row: the row cannot exist without it. */
const refersTo = (name: string, target: () => AnyPgColumn, actions?: { onDelete?: 'cascade' }) =>
  integer(name).notNull().references(target, actions);

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

export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    kind: indicatorKindEnum('kind').notNull(),
    direction: directionEnum('direction').notNull().default('up'),
    frequency: frequencyEnum('frequency').notNull(),
    planType: planTypeEnum('plan_type').notNull().default('expected'),
    definition: text('definition').notNull().default(''),
    areaId: smallint('area_id').references(() => workAreas.id),
    section: indicatorSectionEnum('section').notNull().default('area'),
    reviewGroup: text('review_group'),
    departmentId: refersTo('department_id', () => departments.id),
    minValue: figure('min_value'),
    maxValue: figure('max_value'),
    /** For milestones counted as done/total: the total. */
    milestoneTotal: figure('milestone_total'),
    headlineOrder: smallint('headline_order'),
    /** Reported by each county/district (分解到县区) and rolled up to the city by `rollup_rule`. */
    trackedByUnit: boolean('tracked_by_unit').notNull().default(false),
    rollupRule: rollupRuleEnum('rollup_rule'),
    /** For the weighted rule: the indicator whose unit figures weigh each unit's rate. */
    rollupWeightIndicatorId: integer('rollup_weight_indicator_id').references((): AnyPgColumn => indicators.id),
    sortOrder: integer('sort_order').notNull().default(0),
    sourceText: text('source_text'),
    isRetired: boolean('is_retired').notNull().default(false),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('indicators_area_idx').on(t.areaId, t.sortOrder),
    index('indicators_department_idx').on(t.departmentId),
    check('indicators_rollup', sql`not ${t.trackedByUnit} or ${t.rollupRule} is not null`),
    check('indicators_rollup_weight', sql`(${t.rollupRule} = 'weighted') = (${t.rollupWeightIndicatorId} is not null)`),
  ],
);

export const targets = pgTable(
  'targets',
  {
    id: serial('id').primaryKey(),
    indicatorId: refersTo('indicator_id', () => indicators.id),
    year: smallint('year').notNull(),
    value: figure('value'),
    valueText: text('value_text'),
    qualifier: qualifierEnum('qualifier').notNull().default('exact'),
    phasing: phasingEnum('phasing').notNull().default('none'),
    /** Prior year-end value, the start of a level indicator's linear path. */
    baseline: figure('baseline'),
    isSample: boolean('is_sample').notNull().default(false),
    isRevised: boolean('is_revised').notNull().default(false),
    revisionReason: text('revision_reason'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [uniqueIndex('targets_indicator_year_uq').on(t.indicatorId, t.year), index('targets_year_idx').on(t.year)],
);

/** 分解目标: per month (1–12) or per quarter end (3, 6, 9, 12). Cumulative kinds store the to-date value. */
export const targetPhases = pgTable(
  'target_phases',
  {
    targetId: refersTo('target_id', () => targets.id, { onDelete: 'cascade' }),
    month: smallint('month').notNull(),
    value: figure('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.targetId, t.month] }),
    check('target_phases_month', sql`${t.month} between 1 and 12`),
  ],
);

/** A city target handed down to a unit (分解到县区): a share, or a floor every unit must reach (qualifier at_least). */
export const unitTargets = pgTable(
  'unit_targets',
  {
    id: serial('id').primaryKey(),
    indicatorId: refersTo('indicator_id', () => indicators.id),
    year: smallint('year').notNull(),
    unitId: refersTo('unit_id', () => units.id),
    value: figure('value').notNull(),
    qualifier: qualifierEnum('qualifier').notNull().default('exact'),
    isSample: boolean('is_sample').notNull().default(false),
    updatedBy: integer('updated_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [uniqueIndex('unit_targets_indicator_year_unit_uq').on(t.indicatorId, t.year, t.unitId)],
);

export const actuals = pgTable(
  'actuals',
  {
    id: serial('id').primaryKey(),
    indicatorId: refersTo('indicator_id', () => indicators.id),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    /** The county/district/zone the figure is of; null for the city's own figure. */
    unitId: integer('unit_id').references(() => units.id),
    value: figure('value'),
    valueText: text('value_text'),
    qualifier: qualifierEnum('qualifier').notNull().default('exact'),
    status: actualStatusEnum('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    note: text('note'),
    /** 情况说明: required when the figure puts the indicator behind expected progress. */
    explanation: text('explanation'),
    evidenceUrl: text('evidence_url'),
    isSample: boolean('is_sample').notNull().default(false),
    isDerived: boolean('is_derived').notNull().default(false),
    derivedNote: text('derived_note'),
    /** Where a figure came from when not entered: the report sentence. */
    sourceText: text('source_text'),
    /**
     * A change the report states for this figure (增长17.7%, 提高1.15个百分点, 同比多增82亿元): it is the change
     * shown, never recomputed. Value in `stated_change_unit` (percent | points | absolute = the indicator's unit),
     * against `stated_change_basis` (prior_year | plan_start), with the report's words.
     */
    statedChange: figure('stated_change'),
    statedChangeUnit: text('stated_change_unit').$type<ChangeUnit>(),
    statedChangeBasis: text('stated_change_basis').$type<ChangeBasis>(),
    statedChangeText: text('stated_change_text'),
    enteredBy: integer('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    returnedBy: integer('returned_by').references(() => users.id),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    /** The value when it was returned, so a resubmission can show what changed. */
    returnedValue: figure('returned_value'),
    reopenedBy: integer('reopened_by').references(() => users.id),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenReason: text('reopen_reason'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('actuals_indicator_period_uq')
      .on(t.indicatorId, t.year, t.month)
      .where(sql`${t.unitId} is null`),
    uniqueIndex('actuals_unit_period_uq')
      .on(t.indicatorId, t.unitId, t.year, t.month)
      .where(sql`${t.unitId} is not null`),
    index('actuals_unit_idx').on(t.unitId, t.year, t.month),
    index('actuals_period_idx').on(t.year, t.month),
    index('actuals_status_idx').on(t.status, t.year, t.month),
    check('actuals_month', sql`${t.month} between 1 and 12`),
    check(
      'actuals_stated_change',
      sql`(${t.statedChange} is null and ${t.statedChangeUnit} is null and ${t.statedChangeBasis} is null and ${t.statedChangeText} is null)
        or (${t.statedChange} is not null and ${t.statedChangeUnit} in ('percent', 'points', 'absolute')
          and ${t.statedChangeBasis} in ('prior_year', 'plan_start') and ${t.statedChangeText} is not null)`,
    ),
  ],
);

/** bytea as bytes: postgres.js gives a Buffer, PGlite a Uint8Array; both are Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  // PGlite hands back a Uint8Array, postgres.js a Buffer: a Buffer over the same bytes either way (no copy).
  fromDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * 佐证材料: files attached to a figure. The bytes live in `content` (storage `database`) or in the EVIDENCE_DIR
 * folder under their SHA-256 (storage `folder`); the row says which, so a file stays readable after the setting
 * changes. A removal keeps the row and the bytes (the audit log names them): `removed_at` hides it from the figure.
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: serial('id').primaryKey(),
    actualId: refersTo('actual_id', () => actuals.id),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    contentType: text('content_type').notNull(),
    storage: text('storage').$type<'database' | 'folder'>().notNull(),
    content: bytea('content'),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    removedBy: integer('removed_by').references(() => users.id),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('evidence_files_actual_idx').on(t.actualId),
    check('evidence_files_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('evidence_files_size', sql`${t.size} > 0`),
    check(
      'evidence_files_storage',
      sql`(${t.storage} = 'database' and ${t.content} is not null) or (${t.storage} = 'folder' and ${t.content} is null)`,
    ),
  ],
);

/** A period closed for the whole city: no entry, no change. */
export const periodLocks = pgTable(
  'period_locks',
  {
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    lockedBy: integer('locked_by').references(() => users.id),
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.year, t.month] })],
);

/** Named settings (tolerances, entry deadline day). Values are JSON validated by their reader. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/** 批示: a leader's instruction on an indicator. */
export const instructions = pgTable(
  'instructions',
  {
    id: serial('id').primaryKey(),
    indicatorId: refersTo('indicator_id', () => indicators.id),
    authorId: refersTo('author_id', () => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('instructions_indicator_idx').on(t.indicatorId, t.createdAt)],
);

export const instructionAnswers = pgTable(
  'instruction_answers',
  {
    id: serial('id').primaryKey(),
    instructionId: refersTo('instruction_id', () => instructions.id),
    authorId: refersTo('author_id', () => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('instruction_answers_instruction_idx').on(t.instructionId)],
);

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

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * 催报提醒 outbox: one row per message and channel. `idempotency_key` is unique, so planning the same reminder
 * twice enqueues nothing the second time. A worker claims a row (status sending, a lease until `lease_until`, a
 * fresh claim token) in one transaction before sending and marks it sent after; a row left `sending` by a worker
 * that died is claimed again once the lease has expired and sent with the SAME key (SMTP Message-ID, webhook
 * header), so that a receiver deduplicating by that key sees one message.
 */
export const reminderOutbox = pgTable(
  'reminder_outbox',
  {
    id: serial('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    recipientUserId: integer('recipient_user_id').references(() => users.id),
    recipientName: text('recipient_name').notNull(),
    /** The e-mail address, or "webhook" (the URL is read from the settings when sending). */
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<OutboxStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    claimToken: text('claim_token'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('reminder_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('reminder_outbox_created_idx').on(t.createdAt, t.id),
    check('reminder_outbox_status', sql`${t.status} in ('queued', 'sending', 'sent', 'failed')`),
    check('reminder_outbox_channel', sql`${t.channel} in ('email', 'webhook')`),
  ],
);

/** Named leases for work that one instance at a time does (the reminder worker): taken when expired or already held. */
export const workerLeases = pgTable('worker_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
/** Binary content: PGlite hands back a Uint8Array, postgres.js a Buffer (a Uint8Array too). */
/** A generated monthly 通报 (bulletin): the period, who made it and when. Its files are `bulletin_files`. */
export const bulletins = pgTable(
  'bulletins',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    /** The user's id and name as the audit log keeps them (no foreign key: the record outlives the account). */
    createdBy: integer('created_by'),
    createdByUsername: text('created_by_username').notNull(),
    /** Made from sample data (示例数据): shown so in the list. */
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('bulletins_created_idx').on(t.createdAt),
    check('bulletins_month_ck', sql`${t.month} between 1 and 12`),
  ],
);

/**
 * The bytes of each generated file, kept as issued: a download serves these bytes (never a regeneration), so the
 * SHA-256 recorded here and in the audit event matches what is downloaded.
 */
export const bulletinFiles = pgTable(
  'bulletin_files',
  {
    id: serial('id').primaryKey(),
    bulletinId: refersTo('bulletin_id', () => bulletins.id),
    format: text('format').$type<'docx' | 'pdf'>().notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bulletin_files_bulletin_format_uq').on(t.bulletinId, t.format),
    check('bulletin_files_format_ck', sql`${t.format} in ('docx', 'pdf')`),
  ],
);

/** A five-year plan period (十四五 2021–2025, 十五五 2026–2030). */
export const plans = pgTable('plans', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  firstYear: smallint('first_year').notNull(),
  lastYear: smallint('last_year').notNull(),
  note: text('note'),
  createdAt: createdAt(),
});

/**
 * An indicator of a plan with its final-year target (a value, or 年均增长 X%) and its annual path. The baseline is
 * not copied: it is the December figure of `baseline_indicator_id` (null: `indicator_id` itself) in
 * `first_year − 1` (for 十五五, the 十四五 review's 2025 figure), read when the path is drawn.
 */
export const planIndicators = pgTable(
  'plan_indicators',
  {
    id: serial('id').primaryKey(),
    planId: refersTo('plan_id', () => plans.id),
    indicatorId: refersTo('indicator_id', () => indicators.id),
    pathKind: text('path_kind').$type<PathKind>().notNull(),
    /** The indicator whose figure is the baseline, when another than this one (same unit); null: this one. */
    baselineIndicatorId: integer('baseline_indicator_id').references(() => indicators.id),
    finalTarget: figure('final_target'),
    /** 年均增长 X%, percent. */
    annualGrowth: figure('annual_growth'),
    /** Typed paths: year → decimal string. */
    typedValues: jsonb('typed_values').$type<Record<string, string>>(),
    /** The plan's own words for the target, or 示例数据 when the report names none. */
    sourceText: text('source_text'),
    isSample: boolean('is_sample').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('plan_indicators_plan_indicator_uq').on(t.planId, t.indicatorId),
    check('plan_indicators_path_kind', sql`${t.pathKind} in ('straight', 'compound', 'typed')`),
  ],
);

/**
 * A 考核 scheme of a year, versioned: a draft is edited in place; once published it is never changed — a change
 * makes the next version. `body` is lib/domain/scoring.ts's SchemeBody (a legacy body, stored before area weights,
 * has no `areas`: lib/domain/scoring-scheme.ts upgradeLegacyScheme reads it). `subject_kind` is the kind the first
 * versions scored; a run now scores departments and units alike, each snapshot row naming its own kind.
 */
export const scoringSchemes = pgTable(
  'scoring_schemes',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull(),
    version: integer('version').notNull(),
    status: text('status').$type<'draft' | 'published'>().notNull().default('draft'),
    subjectKind: text('subject_kind').$type<SubjectKind>().notNull().default('department'),
    body: jsonb('body').$type<StoredSchemeBody>().notNull(),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    publishedBy: integer('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('scoring_schemes_year_version_uq').on(t.year, t.version),
    check('scoring_schemes_status', sql`${t.status} in ('draft', 'published')`),
  ],
);

/**
 * A published score: a snapshot with its scheme version, the inputs used and the formula written out. Append-only
 * (a trigger refuses UPDATE and DELETE): a later scheme change publishes new rows and leaves these as they were.
 */
export const scoreSnapshots = pgTable(
  'score_snapshots',
  {
    id: serial('id').primaryKey(),
    schemeId: refersTo('scheme_id', () => scoringSchemes.id),
    year: smallint('year').notNull(),
    schemeVersion: integer('scheme_version').notNull(),
    subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
    subjectId: integer('subject_id').notNull(),
    subjectCode: text('subject_code').notNull(),
    subjectName: text('subject_name').notNull(),
    rank: smallint('rank').notNull(),
    total: figure('total').notNull(),
    base: figure('base').notNull(),
    deduction: figure('deduction').notNull(),
    bonus: figure('bonus').notNull(),
    inputs: jsonb('inputs').notNull(),
    formula: text('formula').notNull(),
    isSample: boolean('is_sample').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('score_snapshots_scheme_subject_uq').on(t.schemeId, t.subjectKind, t.subjectId),
    index('score_snapshots_year_idx').on(t.year, t.schemeVersion),
  ],
);
