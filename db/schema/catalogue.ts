/** The indicator catalogue and its targets: yearly targets, their monthly or quarterly phases, shares handed down to units. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  type AnyPgColumn,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  indicatorKindEnum,
  directionEnum,
  frequencyEnum,
  planTypeEnum,
  qualifierEnum,
  phasingEnum,
  rollupRuleEnum,
  indicatorSectionEnum,
  figure,
  timestamps,
  refersTo,
} from './columns';
import { departments, units, users, workAreas } from './organisation';

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
