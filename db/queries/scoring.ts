/**
 * 考核 schemes and published score snapshots. Schemes and snapshots are city-wide (the permission check is the
 * service's: scoring.manage to write, score.view to read); figures for scoring are read in the `approved` scope
 * (./scope.ts) through ./figures.ts.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { StoredSchemeBody, SubjectKind } from '@/lib/domain/scoring';
import type { Db } from '../client';
import { actuals, departments, indicators, scoreSnapshots, scoringSchemes } from '../schema';
import { firstOrNull, insertedRow } from './rows';

export type SchemeRecord = typeof scoringSchemes.$inferSelect;
export type SnapshotRecord = typeof scoreSnapshots.$inferSelect;
export type NewSnapshot = typeof scoreSnapshots.$inferInsert;

/** The latest version of the year's scheme (draft or published), locked for update when in a transaction. */
export async function getLatestScheme(db: Db, year: number, forUpdate = false): Promise<SchemeRecord | null> {
  const q = db
    .select()
    .from(scoringSchemes)
    .where(eq(scoringSchemes.year, year))
    .orderBy(desc(scoringSchemes.version))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function getScheme(
  db: Db,
  year: number,
  version: number,
  forUpdate = false,
): Promise<SchemeRecord | null> {
  const q = db
    .select()
    .from(scoringSchemes)
    .where(and(eq(scoringSchemes.year, year), eq(scoringSchemes.version, version)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** Versions of the year's scheme, newest first, with their status and how many scores each published. */
export async function listSchemeVersions(db: Db, year: number) {
  return db
    .select({
      version: scoringSchemes.version,
      status: scoringSchemes.status,
      isSample: scoringSchemes.isSample,
      publishedAt: scoringSchemes.publishedAt,
      updatedAt: scoringSchemes.updatedAt,
      scores: sql<number>`(select count(*)::int from ${scoreSnapshots} where ${scoreSnapshots.schemeId} = ${scoringSchemes.id})`,
    })
    .from(scoringSchemes)
    .where(eq(scoringSchemes.year, year))
    .orderBy(desc(scoringSchemes.version));
}

export async function insertScheme(
  tx: Db,
  values: {
    year: number;
    version: number;
    body: StoredSchemeBody;
    subjectKind: SubjectKind;
    isSample: boolean;
    createdBy: number | null;
  },
): Promise<SchemeRecord> {
  return insertedRow(
    tx
      .insert(scoringSchemes)
      .values({ ...values, updatedBy: values.createdBy })
      .returning(),
    'scheme',
  );
}

/** Changes a draft's body; a published scheme is never changed (the where clause keeps it so). */
export function updateDraftScheme(
  tx: Db,
  id: number,
  body: StoredSchemeBody,
  updatedBy: number | null,
): Promise<SchemeRecord | null> {
  return firstOrNull(
    tx
      .update(scoringSchemes)
      .set({ body, updatedBy, updatedAt: new Date() })
      .where(and(eq(scoringSchemes.id, id), eq(scoringSchemes.status, 'draft')))
      .returning(),
  );
}

export async function markSchemePublished(tx: Db, id: number, publishedBy: number | null, at: Date): Promise<void> {
  await tx
    .update(scoringSchemes)
    .set({ status: 'published', publishedBy, publishedAt: at, updatedAt: at })
    .where(eq(scoringSchemes.id, id));
}

/** Active departments: the subjects scored on their own indicators. */
export async function listScoringDepartments(db: Db) {
  return db
    .select({ id: departments.id, code: departments.code, name: departments.name, shortName: departments.shortName })
    .from(departments)
    .where(eq(departments.isActive, true))
    .orderBy(asc(departments.id));
}

/**
 * Per indicator and unit (null: the city's own figures) of the year: figures returned at least once (退回), a
 * deduction input.
 */
export async function countReturnedFigures(
  db: Db,
  year: number,
  indicatorIds: number[],
): Promise<{ indicatorId: number; unitId: number | null; n: number }[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select({ indicatorId: actuals.indicatorId, unitId: actuals.unitId, n: count() })
    .from(actuals)
    .where(and(eq(actuals.year, year), isNotNull(actuals.returnedAt), inArray(actuals.indicatorId, indicatorIds)))
    .groupBy(actuals.indicatorId, actuals.unitId);
}

/**
 * The year's submitted or approved figures by indicator, unit (null: the city's own) and month (for 逾期未报,
 * lib/domain/overdue.ts).
 */
export async function listSubmittedFigures(
  db: Db,
  year: number,
  indicatorIds: number[],
): Promise<{ indicatorId: number; unitId: number | null; month: number }[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .select({ indicatorId: actuals.indicatorId, unitId: actuals.unitId, month: actuals.month })
    .from(actuals)
    .where(
      and(
        eq(actuals.year, year),
        inArray(actuals.status, ['submitted', 'approved']),
        inArray(actuals.indicatorId, indicatorIds),
        gte(actuals.month, 1),
      ),
    );
}

export async function insertSnapshots(tx: Db, rows: NewSnapshot[]): Promise<void> {
  if (rows.length) await tx.insert(scoreSnapshots).values(rows);
}

/** The published snapshot of one scheme version, best first. */
export async function listSnapshots(db: Db, schemeId: number): Promise<SnapshotRecord[]> {
  return db
    .select()
    .from(scoreSnapshots)
    .where(eq(scoreSnapshots.schemeId, schemeId))
    .orderBy(asc(scoreSnapshots.rank), asc(scoreSnapshots.subjectCode));
}

/** The latest published version of the year, if any. */
export function getLatestPublishedScheme(db: Db, year: number): Promise<SchemeRecord | null> {
  return firstOrNull(
    db
      .select()
      .from(scoringSchemes)
      .where(and(eq(scoringSchemes.year, year), eq(scoringSchemes.status, 'published')))
      .orderBy(desc(scoringSchemes.version))
      .limit(1),
  );
}

/** Active indicators by code (for validating a scheme's items). */
export async function listIndicatorsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      name: indicators.name,
      kind: indicators.kind,
      direction: indicators.direction,
    })
    .from(indicators)
    .where(and(inArray(indicators.code, codes), eq(indicators.isRetired, false)));
}
