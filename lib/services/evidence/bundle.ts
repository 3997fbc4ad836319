/**
 * The evidence part of an indicator's audit bundle: every 佐证材料 file ever attached to its figures (removed ones
 * too, marked so: the log names them) and a manifest — one ZIP with `manifest.json`, `manifest.csv` and
 * `files/<id>_<name>`. Each manifest line carries the file's SHA-256, the `evidence.upload` audit event that
 * recorded it and the hash that event states, so an auditor can check file ↔ manifest ↔ log. The same manifest
 * is a table of the XLSX/CSV bundle (export-bundle.ts). The download itself is an audit event with its own hash.
 */
import { type Db } from '@/db/client';
import { readEvidenceBytes } from '@/db/evidence-storage';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { getEvidenceContent, listEvidenceUploadEvents, listIndicatorEvidence } from '@/db/queries/evidence';
import { getIndicatorForBundle } from '@/db/queries/export-records';
import type { Actor } from '@/lib/domain/actor';
import { shanghaiTime, type ExportValue } from '@/lib/export/cells';
import { CSV_BOM, csvRecord } from '@/lib/export/csv';
import { ExportOutput } from '@/lib/export/output';
import { col } from '@/lib/export/columns';
import { StoredZipWriter, ZIP32_MAX_BYTES } from '@/lib/export/zip-writer';
import { AppError } from '@/lib/errors';
import { fileStamp, streamDownload, type ExportDownload } from '../exports/run';
import { authorize, type ServiceOptions } from '@/lib/services/options';

export interface EvidenceManifestEntry {
  id: number;
  period: string;
  fileName: string;
  path: string;
  size: number;
  sha256: string;
  contentType: string;
  uploadedBy: string | null;
  uploadedAt: string | null;
  status: '有效' | '已删除';
  removedAt: string | null;
  auditEventId: number | null;
  auditSha256: string | null;
}

export const EVIDENCE_COLUMNS = [
  col('文件编号', 8),
  col('所属期', 8),
  col('文件名', 30),
  col('包内路径', 36),
  col('大小（字节）', 12),
  col('SHA-256', 66),
  col('类型', 20),
  col('上传人'),
  col('上传时间（北京时间）', 20),
  col('状态', 8),
  col('删除时间（北京时间）', 20),
  col('上传审计事件', 10),
  col('审计事件记录的 SHA-256', 66),
];

export function evidenceCells(e: EvidenceManifestEntry): ExportValue[] {
  return [
    e.id,
    e.period,
    e.fileName,
    e.path,
    e.size,
    e.sha256,
    e.contentType,
    e.uploadedBy,
    e.uploadedAt,
    e.status,
    e.removedAt,
    e.auditEventId,
    e.auditSha256,
  ];
}

/** The manifest of an indicator's evidence files that `actor` may read. */
export async function buildEvidenceManifest(
  db: Db,
  actor: Actor,
  indicatorId: number,
): Promise<EvidenceManifestEntry[]> {
  const files = await listIndicatorEvidence(db, { actor, indicatorId });
  const events = await listEvidenceUploadEvents(
    db,
    files.map((f) => f.id),
  );
  return files.map((f) => ({
    id: f.id,
    period: `${f.year}-${String(f.month).padStart(2, '0')}`,
    fileName: f.fileName,
    path: `files/${f.id}_${f.fileName}`,
    size: f.size,
    sha256: f.sha256,
    contentType: f.contentType,
    uploadedBy: f.uploadedBy,
    uploadedAt: shanghaiTime(f.uploadedAt),
    status: f.removedAt ? '已删除' : '有效',
    removedAt: shanghaiTime(f.removedAt),
    auditEventId: events.get(f.id)?.eventId ?? null,
    auditSha256: events.get(f.id)?.sha256 ?? null,
  }));
}

/** GET /api/exports/indicators/[code]/evidence: the indicator's evidence files and manifest as one ZIP (auditors). */
export async function exportIndicatorEvidence(
  actor: Actor,
  code: string,
  options: ServiceOptions = {},
): Promise<ExportDownload> {
  const { db, now } = await authorize(actor, 'export.audit', options);
  const indicator = /^[\w.-]{1,64}$/.test(code) ? await getIndicatorForBundle(db, { code }) : null;
  if (!indicator) throw new AppError('not_found', `未找到指标「${code.slice(0, 64)}」`);
  const manifest = await buildEvidenceManifest(db, actor, indicator.id);
  const total = manifest.reduce((sum, e) => sum + e.size, 0);
  if (total > ZIP32_MAX_BYTES - 64 * 1024 * 1024) {
    throw new AppError(
      'too_large',
      `该指标的佐证材料共 ${Math.round(total / 1024 / 1024)} MB，超过单个压缩包的上限（4 GB），请联系系统管理员分批导出`,
    );
  }
  const fileName = `佐证材料包_${indicator.code}_${fileStamp(now)}.zip`;
  const output = new ExportOutput();
  const record = (after: Record<string, unknown>) =>
    db.transaction((tx) =>
      appendAuditEvent(tx, {
        actor,
        action: 'export.evidence',
        entityType: 'export',
        entityId: fileName,
        indicatorId: indicator.id,
        departmentId: indicator.departmentId,
        after: {
          format: 'zip',
          fileName,
          filters: { indicatorCode: indicator.code },
          fileCount: manifest.length,
          ...after,
        },
      }),
    );
  return streamDownload({
    output,
    fileName,
    contentType: 'application/zip',
    action: 'export.evidence',
    write: async () => {
      const zip = new StoredZipWriter((chunk) => output.write(chunk));
      const header = {
        indicator: { code: indicator.code, name: indicator.name },
        exportedAt: now.toISOString(),
        exportedBy: actor.username,
      };
      await zip.addFile('manifest.json', Buffer.from(JSON.stringify({ ...header, files: manifest }, null, 2)), now);
      const csv =
        CSV_BOM +
        csvRecord(EVIDENCE_COLUMNS.map((c) => c.header)) +
        manifest.map((e) => csvRecord(evidenceCells(e))).join('');
      await zip.addFile('manifest.csv', Buffer.from(csv, 'utf8'), now);
      for (const entry of manifest) {
        const ref = await getEvidenceContent(db, entry.id);
        if (!ref) throw new Error(`evidence ${entry.id} vanished`);
        await zip.addFile(entry.path, await readEvidenceBytes(ref), now);
      }
      return { rowCount: manifest.length, bytes: await zip.finish() };
    },
    record,
  });
}
