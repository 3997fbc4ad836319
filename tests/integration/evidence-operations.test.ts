/**
 * 佐证材料 beyond the HTTP round trip: the per-figure limit, the per-process upload slots, a stored file that
 * the database itself keeps unchanged, and backups that carry the bytes kept in the database.
 */
import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '@/db/backup';
import { databaseEvidenceStorage } from '@/db/evidence-storage';
import { openDatabase } from '@/db/client';
import { evidenceFiles, indicators, targets } from '@/db/schema';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { saveActual } from '@/lib/services/reporting/actual-entry';
import { verifyAuditChain } from '@/lib/services/audit/audit-log';
import { seedCatalogue } from './fixtures/catalogue';
import {
  EVIDENCE_RETRY_AFTER_SECONDS,
  EVIDENCE_UPLOAD_CONCURRENCY,
  uploadEvidence,
  withEvidenceUploadSlot,
} from '@/lib/services/evidence/evidence';
import { forEachEngine } from '../helpers/test-db';
import { evidenceActor, pdfBytes } from './evidence-fixtures';

const NOW = new Date('2026-06-10T04:00:00Z');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

forEachEngine('evidence operations', (ctx) => {
  let official: Actor;
  let figureId = 0;
  const attach = (name: string, bytes = pdfBytes(name)) =>
    uploadEvidence(official, figureId, { name, bytes }, { db: ctx.db, storage: databaseEvidenceStorage(), now: NOW });

  beforeAll(async () => {
    await seedCatalogue(ctx.handle);
    official = await evidenceActor(ctx.db, 'ops-official', 'official', 'fgw');
    const [ind] = await ctx.db.select().from(indicators).where(eq(indicators.code, 'INV-INVESTMENT'));
    await ctx.db.insert(targets).values({ indicatorId: ind!.id, year: 2026, value: '1100' });
    const saved = await saveActual(
      official,
      {
        indicatorCode: 'INV-INVESTMENT',
        period: '2026-05',
        version: null,
        value: '500',
        explanation: '示例说明',
        action: 'draft',
      },
      { db: ctx.db, now: NOW },
    );
    figureId = saved.actual.id;
  });

  it('refuses an eleventh file on one figure, naming the limit', async () => {
    for (let i = 0; i < 10; i += 1) await attach(`${i}.pdf`);
    const error = await attach('10.pdf').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('最多 10 个');
    expect((error as AppError).fieldErrors?.file).toBeDefined();
    expect(await ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.actualId, figureId))).toHaveLength(10);
  });

  it("a burst of uploads beyond the process's slots is refused with 429 and Retry-After; the slots then free again", async () => {
    const releases: (() => void)[] = [];
    const held = Array.from({ length: EVIDENCE_UPLOAD_CONCURRENCY }, () =>
      withEvidenceUploadSlot(() => new Promise<void>((resolve) => releases.push(resolve))),
    );
    const error = await withEvidenceUploadSlot(async () => 'ran').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    expect((error as AppError).details?.retryAfterSeconds).toBe(EVIDENCE_RETRY_AFTER_SECONDS);
    for (const release of releases) release();
    await Promise.all(held);
    expect(await withEvidenceUploadSlot(async () => 'free')).toBe('free');
  });

  it('a stored file cannot be changed, even by a direct UPDATE: only its removal is recorded', async () => {
    const [row] = await ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.actualId, figureId)).limit(1);
    await expect(
      ctx.db
        .update(evidenceFiles)
        .set({ sha256: 'f'.repeat(64) })
        .where(eq(evidenceFiles.id, row!.id)),
    ).rejects.toThrow();
    await expect(
      ctx.db
        .update(evidenceFiles)
        .set({ content: new Uint8Array([1]) })
        .where(eq(evidenceFiles.id, row!.id)),
    ).rejects.toThrow();
    const [after] = await ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, row!.id));
    expect(after?.sha256).toBe(row?.sha256);
    expect(sha(after!.content!)).toBe(row?.sha256);
  });

  it('a backup carries the bytes kept in the database; the restore gives them back byte for byte, the chain intact', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await backupDatabase(ctx.db, out);
    const target = await openDatabase({ dir: 'memory://' });
    try {
      const counts = await restoreDatabase(target.db, Readable.from(Buffer.concat(chunks)));
      expect(counts.evidence_files).toBe(10);
      const hashed = (rows: (typeof evidenceFiles.$inferSelect)[]) =>
        rows.map((r) => ({ ...r, content: r.content && sha(r.content) }));
      const before = await ctx.db.select().from(evidenceFiles).orderBy(evidenceFiles.id);
      const after = await target.db.select().from(evidenceFiles).orderBy(evidenceFiles.id);
      expect(hashed(after)).toEqual(hashed(before));
      for (const r of after) expect(sha(r.content!)).toBe(r.sha256);
      expect((await verifyAuditChain(SYSTEM_ACTOR, {}, { db: target.db })).ok).toBe(true);
    } finally {
      await target.close();
    }
  });
});
