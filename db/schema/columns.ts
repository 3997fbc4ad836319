/** The schema's enums and the column helpers the tables share (figures, timestamps, references, bytes). */
import { customType, integer, type AnyPgColumn, numeric, pgEnum, timestamp } from 'drizzle-orm/pg-core';
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
} from '../../lib/domain/types';

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
export const figure = (name: string) => numeric(name, { precision: 20, scale: 6 });
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** When a row was created and last changed. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });
/** A required reference to another table's row: the row cannot exist without it. */
export const refersTo = (name: string, target: () => AnyPgColumn, actions?: { onDelete?: 'cascade' }) =>
  integer(name).notNull().references(target, actions);

/** bytea as bytes: postgres.js gives a Buffer, PGlite a Uint8Array; both are Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  // PGlite hands back a Uint8Array, postgres.js a Buffer: a Buffer over the same bytes either way (no copy).
  fromDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});
