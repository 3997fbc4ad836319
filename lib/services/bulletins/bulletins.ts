/**
 * The monthly 通报: generate it for a period (the dashboards' views → one bulletin model → Word and PDF), keep both
 * files with their SHA-256 and who made them (the audit event in the same transaction), list them, and serve the
 * stored bytes again — a download never regenerates, so what is downloaded is byte for byte what was issued.
 */
import { createHash } from 'node:crypto';
import {
  getBulletinFile,
  insertBulletin,
  listBulletins as listBulletinRows,
  listFigureExplanations,
  type BulletinFormat,
} from '@/db/queries/bulletins';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { buildBulletinModel } from '@/lib/domain/bulletin';
import { formatShanghaiDateTime } from '@/lib/domain/datetime';
import { actorRoleLabel } from '@/lib/domain/labels';
import { comparePeriods, currentPeriod } from '@/lib/domain/period';
import { WORK_AREAS } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';
import { renderBulletinDocx } from '@/lib/export/bulletin-docx';
import { renderBulletinHtml } from '@/lib/export/bulletin-html';
import { printHtmlToPdf } from '@/lib/export/pdf-print';
import { bulletinIdSchema, bulletinRequestSchema } from '@/lib/validation/bulletins';
import { parseOrThrow } from '@/lib/validation/parse';
import { loadDashboard, rankViews, resolvePeriod } from '../dashboards/dashboard';
import { authorize, resolveOptions, type ServiceOptions } from '@/lib/services/options';

export const BULLETIN_CONTENT_TYPES: Record<BulletinFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** How many bulletins the list shows (newest first). */
const LIST_LIMIT = 200;

export interface BulletinOptions extends ServiceOptions {
  /** HTML → PDF; defaults to the system's Chromium (lib/export/pdf-print.ts). */
  printPdf?: (html: string) => Promise<Uint8Array>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** POST /api/bulletins — generates and stores the bulletin of `{ year, month }`; answers its id. */
export async function generateBulletin(
  actor: Actor,
  input: unknown,
  options: BulletinOptions = {},
): Promise<{ id: number }> {
  requirePermission(actor, 'bulletin.generate');
  const { year, month } = parseOrThrow(bulletinRequestSchema, input);
  const { db, now } = await resolveOptions(options);
  const current = currentPeriod(now);
  if (comparePeriods({ year, month }, current) > 0) {
    const message = `「月份」不能晚于本月（${current.year}年${current.month}月）：尚无该期数据`;
    throw new AppError('invalid_input', message, { month: [message] });
  }
  const { views } = await loadDashboard(actor, { year, month }, { db, now });
  const planned = views.filter((v) => v.section !== 'review');
  const lagging = planned.filter((v) => v.status === 'red' && v.figure !== null);
  const explanations = await listFigureExplanations(db, {
    year,
    figures: lagging.map((v) => ({ indicatorId: v.id, month: v.figure?.month ?? month })),
  });
  const model = buildBulletinModel({
    period: { year, month },
    areas: WORK_AREAS,
    indicators: planned,
    ranking: rankViews(planned),
    explanations,
  });
  const generatedText = `生成时间：${formatShanghaiDateTime(now)}（北京时间）　生成人：${actor.username}（${actorRoleLabel(actor.role)}）`;
  const [docx, pdf] = await Promise.all([
    renderBulletinDocx(model, generatedText),
    (options.printPdf ?? printHtmlToPdf)(renderBulletinHtml(model, generatedText)),
  ]);
  const baseName = `长治市七个主抓手目标任务进展情况通报_${year}年${month}月`;
  const files = (
    [
      ['docx', docx],
      ['pdf', pdf],
    ] as const
  ).map(([format, content]) => ({
    format,
    fileName: `${baseName}.${format}`,
    contentType: BULLETIN_CONTENT_TYPES[format],
    content,
    sha256: sha256(content),
  }));
  const isSample = model.sampleNotice !== null;
  const id = await db.transaction(async (tx) => {
    const bulletinId = await insertBulletin(tx, { actor, year, month, isSample, files, at: now });
    await appendAuditEvent(tx, {
      actor,
      action: 'bulletin.generate',
      entityType: 'bulletin',
      entityId: bulletinId,
      at: now,
      after: {
        year,
        month,
        isSample,
        counts: model.counts,
        files: files.map(({ format, fileName, content, sha256: hash }) => ({
          format,
          fileName,
          size: content.byteLength,
          sha256: hash,
        })),
      },
    });
    return bulletinId;
  });
  return { id };
}

/** GET /api/bulletins — the bulletins generated so far, newest first, with their files' hashes and links. */
export async function listBulletins(actor: Actor, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'bulletin.generate', options);
  const rows = await listBulletinRows(db, { limit: LIST_LIMIT });
  const period = await resolvePeriod(db, actor, {}, now);
  return {
    /** The period the form proposes (the latest with figures) and the years holding figures, newest first. */
    latest: { year: period.year, month: period.month },
    years: period.years.map((y) => y.year),
    current: currentPeriod(now),
    bulletins: rows.map((r) => ({
      id: r.id,
      year: r.year,
      month: r.month,
      createdBy: r.createdByUsername,
      createdAt: r.createdAt.toISOString(),
      createdAtText: formatShanghaiDateTime(r.createdAt),
      isSample: r.isSample,
      files: r.files.map((f) => ({ ...f, url: `/api/bulletins/${r.id}/${f.format}` })),
    })),
  };
}

export type BulletinList = Awaited<ReturnType<typeof listBulletins>>;

/** GET /api/bulletins/{id}/docx|pdf — the stored bytes as issued; an unknown id is a 404. */
export async function getBulletinDownload(
  actor: Actor,
  rawId: string,
  format: BulletinFormat,
  options: ServiceOptions = {},
) {
  requirePermission(actor, 'bulletin.generate');
  const parsed = bulletinIdSchema.safeParse(rawId);
  const notFound = new AppError('not_found', '未找到该通报文件');
  if (!parsed.success) throw notFound;
  const { db } = await resolveOptions(options);
  const file = await getBulletinFile(db, { bulletinId: parsed.data, format });
  if (!file) throw notFound;
  return { content: file.content, fileName: file.fileName, contentType: file.contentType, sha256: file.sha256 };
}
