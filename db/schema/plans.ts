/** Five-year plans (五年规划), their indicators, scoring schemes (考核) and score snapshots. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { PathKind } from '../../lib/domain/plan-path';
import type { StoredSchemeBody, SubjectKind } from '../../lib/domain/scoring';
import { figure, createdAt, timestamps, refersTo } from './columns';
import { indicators } from './catalogue';
import { users } from './organisation';

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
