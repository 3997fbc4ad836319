/**
 * The columns every read of a figure or a target selects, named once: a new column of the figure (a qualifier, a
 * sample flag) reaches the indicator page, the dashboards and the exports together.
 */
import { aliasedTable, eq } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { actuals, indicators, targets, users } from '../schema';

/** A figure as entered and reviewed: its period, value as typed, status and where it came from. */
export const figureColumns = {
  id: actuals.id,
  year: actuals.year,
  month: actuals.month,
  value: actuals.value,
  valueText: actuals.valueText,
  qualifier: actuals.qualifier,
  status: actuals.status,
  version: actuals.version,
  isSample: actuals.isSample,
  isDerived: actuals.isDerived,
  derivedNote: actuals.derivedNote,
  sourceText: actuals.sourceText,
};

/** A year's target: its value as typed, how it is phased over the year, and whether it was revised. */
export const targetColumns = {
  id: targets.id,
  year: targets.year,
  value: targets.value,
  valueText: targets.valueText,
  qualifier: targets.qualifier,
  phasing: targets.phasing,
  baseline: targets.baseline,
  isSample: targets.isSample,
  isRevised: targets.isRevised,
};

/** An indicator as a list of figures or targets names it: its code, name, unit and kind. */
export const indicatorRefColumns = {
  id: indicators.id,
  code: indicators.code,
  name: indicators.name,
  unit: indicators.unit,
  kind: indicators.kind,
};

/** The people at each step of a figure, each an alias of `users` that `joinFigurePeople` joins. */
export const figurePeople = {
  enteredBy: aliasedTable(users, 'entered_by_user'),
  submittedBy: aliasedTable(users, 'submitted_by_user'),
  approvedBy: aliasedTable(users, 'approved_by_user'),
  returnedBy: aliasedTable(users, 'returned_by_user'),
};

/** Left-joins `figurePeople` to a (dynamic) query of figures, so that it can select their names. */
export function joinFigurePeople<T extends PgSelect>(query: T) {
  const { enteredBy, submittedBy, approvedBy, returnedBy } = figurePeople;
  return query
    .leftJoin(enteredBy, eq(enteredBy.id, actuals.enteredBy))
    .leftJoin(submittedBy, eq(submittedBy.id, actuals.submittedBy))
    .leftJoin(approvedBy, eq(approvedBy.id, actuals.approvedBy))
    .leftJoin(returnedBy, eq(returnedBy.id, actuals.returnedBy));
}
