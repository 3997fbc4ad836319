/**
 * The single source of table types, one file per feature under db/schema/. Figures are `numeric` (decimal strings in
 * TypeScript), never floats. Change a table, then `npm run db:generate` and commit the migration.
 */
export * from './schema/columns';
export * from './schema/organisation';
export * from './schema/catalogue';
export * from './schema/figures';
export * from './schema/audit';
export * from './schema/work';
export * from './schema/plans';
