/**
 * Rows of evidence files (佐证材料). Every read takes the actor and is scoped as the figure is, through
 * `visibleEvidence` (./scope.ts): a row the actor may not read is simply not found.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '@/lib/domain/actor';
import type { Db } from '../client';
import { actuals, auditEvents, evidenceFiles, indicators, users } from '../schema';
import { selectFigures, visibleEvidence } from './scope';
import { firstOrNull, insertedRow } from './rows';

export type EvidenceRecord = typeof evidenceFiles.$inferSelect;
export type NewEvidence = typeof evidenceFiles.$inferInsert;

/** The listed columns: everything but the bytes. */
const LISTED = {
  id: evidenceFiles.id,
  actualId: evidenceFiles.actualId,
  fileName: evidenceFiles.fileName,
  size: evidenceFiles.size,
  sha256: evidenceFiles.sha256,
  contentType: evidenceFiles.contentType,
  uploadedAt: evidenceFiles.uploadedAt,
  uploadedBy: users.displayName,
};

/** The figure a file is attached to, as the evidence rules read it. */
const FIGURE = {
  id: actuals.id,
  status: actuals.status,
  year: actuals.year,
  month: actuals.month,
  indicatorId: actuals.indicatorId,
};

/** The figure `actor` would attach to or remove from, locked for update; null when it may not see it. */
export async function getEvidenceFigureForUpdate(tx: Db, args: { actor: Actor; actualId: number }) {
  return firstOrNull(
    selectFigures(tx, { ...FIGURE, departmentId: indicators.departmentId })
      .where(and(eq(actuals.id, args.actualId), visibleEvidence(args.actor)))
      .for('update', { of: actuals })
      .limit(1),
  );
}

/** Files still attached to a figure (removed ones not counted). */
export async function countAttachedEvidence(tx: Db, actualId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.actualId, actualId), isNull(evidenceFiles.removedAt)));
  return row?.n ?? 0;
}

export async function insertEvidence(tx: Db, values: NewEvidence): Promise<EvidenceRecord> {
  return insertedRow(tx.insert(evidenceFiles).values(values).returning(), 'evidence');
}

/** True when a committed row (removed or not) refers to these bytes. */
export async function isEvidenceHashReferenced(db: Db, sha256: string): Promise<boolean> {
  const [row] = await db
    .select({ id: evidenceFiles.id })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.sha256, sha256))
    .limit(1);
  return row !== undefined;
}

/** One attached file with its figure, bytes included, if `actor` may read it. */
export async function getEvidence(db: Db, args: { actor: Actor; id: number }) {
  return firstOrNull(
    selectFigures(db, {
      file: evidenceFiles,
      figure: FIGURE,
      departmentId: indicators.departmentId,
    })
      .innerJoin(evidenceFiles, eq(evidenceFiles.actualId, actuals.id))
      .where(and(eq(evidenceFiles.id, args.id), isNull(evidenceFiles.removedAt), visibleEvidence(args.actor)))
      .limit(1),
  );
}

export async function markEvidenceRemoved(tx: Db, args: { id: number; removedBy: number | null; at: Date }) {
  return firstOrNull(
    tx
      .update(evidenceFiles)
      .set({ removedBy: args.removedBy, removedAt: args.at })
      .where(and(eq(evidenceFiles.id, args.id), isNull(evidenceFiles.removedAt)))
      .returning({ id: evidenceFiles.id }),
  );
}

/** The files attached to these figures that `actor` may read, oldest first (no bytes). */
export async function listEvidence(db: Db, args: { actor: Actor; actualIds: number[] }) {
  if (!args.actualIds.length) return [];
  return selectFigures(db, LISTED)
    .innerJoin(evidenceFiles, eq(evidenceFiles.actualId, actuals.id))
    .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
    .where(
      and(
        inArray(evidenceFiles.actualId, args.actualIds),
        isNull(evidenceFiles.removedAt),
        visibleEvidence(args.actor),
      ),
    )
    .orderBy(asc(evidenceFiles.uploadedAt), asc(evidenceFiles.id));
}

/** Every file ever attached to an indicator's figures that `actor` may read, removed ones too (no bytes): the bundle's manifest. */
export async function listIndicatorEvidence(db: Db, args: { actor: Actor; indicatorId: number }) {
  return selectFigures(db, {
    ...LISTED,
    storage: evidenceFiles.storage,
    removedAt: evidenceFiles.removedAt,
    year: actuals.year,
    month: actuals.month,
  })
    .innerJoin(evidenceFiles, eq(evidenceFiles.actualId, actuals.id))
    .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
    .where(and(eq(actuals.indicatorId, args.indicatorId), visibleEvidence(args.actor)))
    .orderBy(asc(evidenceFiles.id));
}

/** The stored bytes reference of one file (for the bundle, after listIndicatorEvidence scoped it). */
export function getEvidenceContent(db: Db, id: number) {
  return firstOrNull(
    db
      .select({ sha256: evidenceFiles.sha256, storage: evidenceFiles.storage, content: evidenceFiles.content })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.id, id))
      .limit(1),
  );
}

/** The `evidence.upload` audit events of these files: the hash each event recorded, by file id. */
export async function listEvidenceUploadEvents(db: Db, ids: number[]) {
  if (!ids.length) return new Map<number, { eventId: number; sha256: string | null }>();
  const rows = await db
    .select({ id: auditEvents.id, entityId: auditEvents.entityId, after: auditEvents.after })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'evidence.upload'),
        eq(auditEvents.entityType, 'evidence'),
        inArray(auditEvents.entityId, ids.map(String)),
      ),
    );
  const byFile = new Map<number, { eventId: number; sha256: string | null }>();
  for (const r of rows) {
    const after = r.after as { sha256?: unknown } | null;
    byFile.set(Number(r.entityId), { eventId: r.id, sha256: typeof after?.sha256 === 'string' ? after.sha256 : null });
  }
  return byFile;
}
