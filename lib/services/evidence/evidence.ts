/**
 * 佐证材料 (evidence files) of a figure: attach, download, remove, list. The type is decided from the bytes
 * (lib/domain/evidence-file.ts) before anything is stored; the figure is found through the data layer's scoping
 * (another department's figure is not found: 404) and locked while its files change; the write and its audit
 * event (carrying the SHA-256, name and size) commit in one transaction.
 */
import { type Db } from '@/db/client';
import { evidenceStorage, readEvidenceBytes, sha256Hex, type EvidenceStorage } from '@/db/evidence-storage';
import { getPeriodLock } from '@/db/queries/actuals';
import { appendAuditEvent } from '@/db/queries/audit-append';
import {
  countAttachedEvidence,
  getEvidence,
  getEvidenceFigureForUpdate,
  insertEvidence,
  isEvidenceHashReferenced,
  listEvidence,
  markEvidenceRemoved,
} from '@/db/queries/evidence';
import { can } from '@/lib/domain/permissions';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import {
  classifyEvidence,
  EVIDENCE_MAX_PER_FIGURE,
  EVIDENCE_TOO_MANY,
  isEvidenceEditable,
  sanitizeEvidenceName,
  type EvidenceVerdict,
} from '@/lib/domain/evidence-file';
import { formatPeriodLabel } from '@/lib/domain/period';
import { AppError } from '@/lib/errors';
import { authorize, resolveOptions, type ServiceOptions } from '@/lib/services/options';

export interface EvidenceItem {
  id: number;
  fileName: string;
  size: number;
  sha256: string;
  contentType: string;
}

export interface EvidenceListItem extends EvidenceItem {
  actualId: number;
  uploadedAt: string;
  uploadedBy: string | null;
}

/**
 * Uploads read at once in one server process: each holds its form (up to 20 MB) two or three times over while it
 * is parsed, so a burst must wait its turn (429 with Retry-After) rather than multiply that. The entry form sends
 * one file at a time.
 */
export const EVIDENCE_UPLOAD_CONCURRENCY = 4;
export const EVIDENCE_RETRY_AFTER_SECONDS = 5;
let uploadsRunning = 0;

/** Runs `work` (reading an upload and storing it) in one of this process's upload slots, or refuses at once. */
export async function withEvidenceUploadSlot<T>(work: () => Promise<T>): Promise<T> {
  if (uploadsRunning >= EVIDENCE_UPLOAD_CONCURRENCY) {
    throw new AppError(
      'rate_limited',
      `当前正在上传的佐证材料较多（每台服务器同时最多处理 ${EVIDENCE_UPLOAD_CONCURRENCY} 个），请 ${EVIDENCE_RETRY_AFTER_SECONDS} 秒后重试`,
      undefined,
      { retryAfterSeconds: EVIDENCE_RETRY_AFTER_SECONDS },
    );
  }
  uploadsRunning += 1;
  try {
    return await work();
  } finally {
    uploadsRunning -= 1;
  }
}

const NOT_FOUND_FIGURE = '未找到该数据，或无权查看';
const NOT_FOUND_FILE = '未找到该佐证材料，或无权查看';

function parseId(raw: unknown, message: string): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n <= 0) throw new AppError('not_found', message);
  return n;
}

function refusal(verdict: Exclude<EvidenceVerdict, { ok: true }>): AppError {
  const code =
    verdict.reason === 'too_large'
      ? 'too_large'
      : verdict.reason === 'executable' || verdict.reason === 'unknown' || verdict.reason === 'not_office'
        ? 'unsupported'
        : 'invalid_input';
  return new AppError(code, verdict.message, { file: [verdict.message] });
}

function readOnlyMessage(status: string): string {
  if (status === 'approved') return '该数据已审核通过，佐证材料只读；如需修改，请联系系统管理员重新打开';
  return '该数据已提交，正在等待审核，佐证材料只读；如需修改，请联系审核员退回';
}

async function assertEditable(tx: Db, figure: { status: string; year: number; month: number }) {
  if (!isEvidenceEditable(figure.status)) throw new AppError('locked', readOnlyMessage(figure.status));
  const lock = await getPeriodLock(tx, figure.year, figure.month);
  if (lock) throw new AppError('locked', `${formatPeriodLabel(figure)}已关账，佐证材料不能再修改`);
}

const periodText = (f: { year: number; month: number }) => `${f.year}-${String(f.month).padStart(2, '0')}`;

/** POST /api/actuals/[id]/evidence: attaches one file to an own-department draft or returned figure. */
export async function uploadEvidence(
  actor: Actor,
  actualIdRaw: unknown,
  file: { name: string; bytes: Uint8Array } | null,
  options: ServiceOptions & { storage?: EvidenceStorage } = {},
): Promise<EvidenceItem> {
  requirePermission(actor, 'evidence.attach');
  const actualId = parseId(actualIdRaw, NOT_FOUND_FIGURE);
  if (!file) throw new AppError('invalid_input', '请选择要上传的「佐证材料」文件', { file: ['请选择要上传的文件'] });
  const verdict = classifyEvidence(file.bytes);
  if (!verdict.ok) throw refusal(verdict);
  const fileName = sanitizeEvidenceName(file.name, verdict.type);
  const sha256 = sha256Hex(file.bytes);
  const storage = options.storage ?? evidenceStorage();
  const { db, now } = await resolveOptions(options);
  let created = false;
  try {
    return await db.transaction(async (tx) => {
      const figure = await getEvidenceFigureForUpdate(tx, { actor, actualId });
      if (!figure) throw new AppError('not_found', NOT_FOUND_FIGURE);
      await assertEditable(tx, figure);
      if ((await countAttachedEvidence(tx, figure.id)) >= EVIDENCE_MAX_PER_FIGURE) {
        throw new AppError('invalid_input', EVIDENCE_TOO_MANY, { file: [EVIDENCE_TOO_MANY] });
      }
      const put = await storage.put(sha256, file.bytes);
      created = put.created;
      const row = await insertEvidence(tx, {
        actualId: figure.id,
        fileName,
        size: file.bytes.byteLength,
        sha256,
        contentType: verdict.contentType,
        storage: storage.kind,
        content: put.content,
        uploadedBy: actor.id,
        uploadedAt: now,
      });
      const item = { id: row.id, fileName, size: row.size, sha256, contentType: row.contentType };
      await appendAuditEvent(tx, {
        actor,
        action: 'evidence.upload',
        entityType: 'evidence',
        entityId: row.id,
        departmentId: figure.departmentId,
        indicatorId: figure.indicatorId,
        after: { ...item, actualId: figure.id, period: periodText(figure), storage: storage.kind },
        at: now,
      });
      return item;
    });
  } catch (error) {
    // A copy this upload put in the folder and no committed row refers to (the transaction failed) is taken back.
    if (created && !(await isEvidenceHashReferenced(db, sha256).catch(() => true)))
      await storage.discard(sha256).catch(() => {});
    throw error;
  }
}

/** GET /api/evidence/[id]: the bytes of a file the actor may read, with its stored name and type. */
export async function downloadEvidence(actor: Actor, idRaw: unknown, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'evidence.view', options);
  const id = parseId(idRaw, NOT_FOUND_FILE);
  const row = await getEvidence(db, { actor, id });
  if (!row) throw new AppError('not_found', NOT_FOUND_FILE);
  const bytes = await readEvidenceBytes(row.file);
  return { bytes, fileName: row.file.fileName, contentType: row.file.contentType, sha256: row.file.sha256 };
}

/** DELETE /api/evidence/[id]: removes a file from an own-department figure that is still editable. */
export async function removeEvidence(
  actor: Actor,
  idRaw: unknown,
  options: ServiceOptions = {},
): Promise<{ id: number }> {
  requirePermission(actor, 'evidence.attach');
  const id = parseId(idRaw, NOT_FOUND_FILE);
  const { db, now } = await resolveOptions(options);
  return db.transaction(async (tx) => {
    const row = await getEvidence(tx, { actor, id });
    // The figure is locked first, as an upload locks it: its status cannot change under the removal.
    const figure = row ? await getEvidenceFigureForUpdate(tx, { actor, actualId: row.figure.id }) : null;
    if (!figure || !row) throw new AppError('not_found', NOT_FOUND_FILE);
    await assertEditable(tx, figure);
    if (!(await markEvidenceRemoved(tx, { id, removedBy: actor.id, at: now })))
      throw new AppError('not_found', NOT_FOUND_FILE);
    const { fileName, size, sha256, contentType } = row.file;
    await appendAuditEvent(tx, {
      actor,
      action: 'evidence.remove',
      entityType: 'evidence',
      entityId: id,
      departmentId: figure.departmentId,
      indicatorId: figure.indicatorId,
      before: { id, fileName, size, sha256, contentType, actualId: figure.id, period: periodText(figure) },
      at: now,
    });
    return { id };
  });
}

/** The files of these figures the actor may read, by figure id (the entry form, the review queue, the indicator page). */
export async function listFigureEvidence(
  actor: Actor,
  actualIds: number[],
  options: ServiceOptions = {},
): Promise<Map<number, EvidenceListItem[]>> {
  const { db } = await resolveOptions(options);
  const byFigure = new Map<number, EvidenceListItem[]>();
  if (!actualIds.length || !can(actor, 'evidence.view')) return byFigure;
  const rows = await listEvidence(db, { actor, actualIds });
  for (const r of rows) {
    const list = byFigure.get(r.actualId) ?? [];
    list.push({ ...r, uploadedAt: r.uploadedAt.toISOString() });
    byFigure.set(r.actualId, list);
  }
  return byFigure;
}
