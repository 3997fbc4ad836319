/** Reported figures and what hangs on them: actuals, evidence files, period locks, settings, leaders' 批示 and answers. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { type ChangeBasis, type ChangeUnit } from '../../lib/domain/types';
import { qualifierEnum, actualStatusEnum, figure, createdAt, updatedAt, timestamps, refersTo, bytea } from './columns';
import { indicators } from './catalogue';
import { units, users } from './organisation';

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
