/**
 * Generated monthly 通报 and their stored files. Bulletins are city-wide documents: there are no rows to scope by
 * department — who may read them at all is the service's permission check (lib/auth/permissions.ts
 * `bulletin.generate`). The 情况说明 read here are of submitted and approved figures only (the dashboards'
 * scope, ./scope.ts), the same figures the bulletin's statuses rest on.
 */
import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Actor } from '@/lib/domain/actor';
import type { Db } from '../client';
import { dashboardFigures } from './scope';
import { actuals, bulletinFiles, bulletins } from '../schema';
import { firstOrNull, insertedRow } from './rows';

export type BulletinFormat = 'docx' | 'pdf';

export interface BulletinFileInput {
  format: BulletinFormat;
  fileName: string;
  contentType: string;
  content: Uint8Array;
  sha256: string;
}

/** Stores a bulletin and its files; call inside the transaction that appends its audit event. */
export async function insertBulletin(
  tx: Db,
  args: { actor: Actor; year: number; month: number; isSample: boolean; files: BulletinFileInput[]; at: Date },
): Promise<number> {
  const row = await insertedRow(
    tx
      .insert(bulletins)
      .values({
        year: args.year,
        month: args.month,
        createdBy: args.actor.id,
        createdByUsername: args.actor.username,
        isSample: args.isSample,
        createdAt: args.at,
      })
      .returning({ id: bulletins.id }),
    'bulletin',
  );
  await tx
    .insert(bulletinFiles)
    .values(args.files.map((f) => ({ ...f, bulletinId: row.id, size: f.content.byteLength, createdAt: args.at })));
  return row.id;
}

/** The newest bulletins first, each with its files' names, sizes and hashes (not their bytes). */
export async function listBulletins(db: Db, args: { limit: number }) {
  const rows = await db
    .select({
      id: bulletins.id,
      year: bulletins.year,
      month: bulletins.month,
      createdByUsername: bulletins.createdByUsername,
      isSample: bulletins.isSample,
      createdAt: bulletins.createdAt,
    })
    .from(bulletins)
    .orderBy(desc(bulletins.createdAt), desc(bulletins.id))
    .limit(args.limit);
  if (rows.length === 0) return [];
  const files = await db
    .select({
      bulletinId: bulletinFiles.bulletinId,
      format: bulletinFiles.format,
      fileName: bulletinFiles.fileName,
      size: bulletinFiles.size,
      sha256: bulletinFiles.sha256,
    })
    .from(bulletinFiles)
    .where(
      inArray(
        bulletinFiles.bulletinId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    ...r,
    files: files
      .filter((f) => f.bulletinId === r.id)
      .sort((a, b) => a.format.localeCompare(b.format))
      .map(({ format, fileName, size, sha256 }) => ({ format, fileName, size, sha256 })),
  }));
}

/** One stored file of a bulletin with its bytes, or null. */
export async function getBulletinFile(db: Db, args: { bulletinId: number; format: BulletinFormat }) {
  return firstOrNull(
    db
      .select({
        bulletinId: bulletinFiles.bulletinId,
        year: bulletins.year,
        month: bulletins.month,
        fileName: bulletinFiles.fileName,
        contentType: bulletinFiles.contentType,
        sha256: bulletinFiles.sha256,
        content: bulletinFiles.content,
      })
      .from(bulletinFiles)
      .innerJoin(bulletins, eq(bulletins.id, bulletinFiles.bulletinId))
      .where(and(eq(bulletinFiles.bulletinId, args.bulletinId), eq(bulletinFiles.format, args.format)))
      .limit(1),
  );
}

/**
 * The 情况说明 and 备注 of the given figures (indicator, year, month), submitted or approved, as "说明；备注：…"
 * keyed by indicator id; figures with neither are left out.
 */
export async function listFigureExplanations(
  db: Db,
  args: { year: number; figures: readonly { indicatorId: number; month: number }[] },
): Promise<Map<number, string>> {
  const result = new Map<number, string>();
  if (args.figures.length === 0) return result;
  const wanted: SQL[] = args.figures.map(
    (f) => and(eq(actuals.indicatorId, f.indicatorId), eq(actuals.month, f.month)) as SQL,
  );
  const rows = await db
    .select({ indicatorId: actuals.indicatorId, explanation: actuals.explanation, note: actuals.note })
    .from(actuals)
    .where(and(eq(actuals.year, args.year), dashboardFigures(), or(...wanted)));
  for (const row of rows) {
    const parts = [row.explanation?.trim(), row.note?.trim() ? `备注：${row.note.trim()}` : undefined].filter(
      (p): p is string => Boolean(p),
    );
    if (parts.length) result.set(row.indicatorId, parts.join('；'));
  }
  return result;
}
