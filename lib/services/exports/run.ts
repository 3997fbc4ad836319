/**
 * Running one export: check the size before any byte is sent, stream the tables, and record the export.
 *
 * The audit event of an export states the file's SHA-256 and row count, which exist only once the last byte
 * is written. So the file is produced (and hashed) first, the event is appended in its own transaction, and
 * only then is the response stream ended. If anything fails midway — the database, the writer, or the event
 * itself — the response stream is errored instead of ended, so the client's download fails rather than
 * leaving a truncated file that looks complete; an attempt that did not complete is still recorded
 * (complete: false) on a best-effort basis, since part of the data may have left the server.
 */
import { serverEnv } from '@/lib/env';
import type { Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import type { Actor } from '@/lib/domain/actor';
import { actorRoleLabel } from '@/lib/domain/labels';
import { shanghaiTime, type ExportValue } from '@/lib/export/cells';
import { ExportCancelledError, ExportOutput } from '@/lib/export/output';
import {
  createTableWriter,
  FORMAT_INFO,
  type ExportFormat,
  type ExportInfo,
  type TableWriter,
  type WriterOptions,
} from '@/lib/export/table-writer';
import { AppError } from '@/lib/errors';
import { resolveOptions, type ServiceOptions } from '@/lib/services/options';

export const DEFAULT_EXPORT_MAX_ROWS = 2_000_000;
/**
 * Rows read and written per step: small enough that each step's garbage stays small (flat memory) and dies
 * young — at 5,000 a million-row export spent 7 s of its 24 in the young generation's collections copying
 * the batch alive at the time; at 1,000, under 1 s.
 */
export const EXPORT_BATCH_SIZE = 1000;

/**
 * Writes each batch, as `cells` turns it into rows, into the table begun last, one batch at a time (memory stays
 * flat); answers how many rows were written.
 */
export async function writeBatches<R>(
  writer: TableWriter,
  batches: AsyncIterable<R[]>,
  cells: (batch: R[]) => readonly (readonly ExportValue[])[] | Promise<readonly (readonly ExportValue[])[]>,
): Promise<number> {
  let written = 0;
  for await (const batch of batches) {
    await writer.writeRows(await cells(batch));
    written += batch.length;
  }
  return written;
}

/** "20250305-140322" in Asia/Shanghai, for file names. */
export function fileStamp(date: Date): string {
  return (shanghaiTime(date) ?? '').replace(/-/g, '').replace(' ', '-').replace(/:/g, '');
}

/** EXPORT_MAX_ROWS, or the default when unset or not a positive integer. */
export function exportMaxRows(setting: string | undefined = serverEnv().exportMaxRows): number {
  const raw = setting?.trim();
  return raw && /^\d{1,12}$/.test(raw) && Number(raw) > 0 ? Number(raw) : DEFAULT_EXPORT_MAX_ROWS;
}

/** Refuses (413, before anything is streamed) an export of more rows than allowed. */
export function assertExportSize(rowCount: number, maxRows = exportMaxRows()): void {
  if (rowCount > maxRows) {
    throw new AppError(
      'too_large',
      `本次导出共 ${rowCount} 行，超过上限 ${maxRows} 行，请缩小时间范围或增加筛选条件后分批导出`,
      undefined,
      { rowCount, maxRows },
    );
  }
}

export interface ExportJob {
  actor: Actor;
  db: Db;
  format: ExportFormat;
  action: 'export.records' | 'export.audit' | 'export.indicator' | 'export.scores';
  /** File name without extension (Chinese allowed). */
  baseName: string;
  /** What was asked for, as recorded in the audit event. */
  filters: Record<string, unknown>;
  /** The filters for people, on the information sheet. */
  filterLines: ExportInfo;
  title: string;
  chainHead: { id: number; hash: string } | null;
  indicatorId?: number | null;
  departmentId?: number | null;
  writerOptions?: WriterOptions;
  now: Date;
  /** Writes the tables; returns the number of data rows written. */
  produce(writer: TableWriter): Promise<number>;
}

export interface ExportResult {
  rowCount: number;
  sha256: string;
  bytes: number;
}

export interface ExportDownload {
  stream: ReadableStream<Uint8Array>;
  fileName: string;
  contentType: string;
  /** Settles when the file is complete and recorded (or failed); the stream ends only after it. */
  done: Promise<ExportResult>;
  /** Bytes produced so far (progress, and proof in tests that a paused reader pauses the export). */
  bytesWritten(): number;
}

function infoSheet(job: ExportJob, rowCount: number): ExportInfo {
  const role = actorRoleLabel(job.actor.role);
  return [
    ['导出内容', job.title],
    ...job.filterLines,
    ['导出时间', `${shanghaiTime(job.now) ?? ''}（北京时间）`],
    ['导出人', `${job.actor.username}（${role}）`],
    ['数据行数', rowCount],
    ['审计链末尾事件', job.chainHead ? `#${job.chainHead.id}` : '（审计日志为空）'],
    ['审计链末尾哈希', job.chainHead?.hash ?? '—'],
    ['说明', '本文件的 SHA-256 与行数记录在审计日志的导出事件中，可据此核对文件未被改动'],
  ];
}

async function record(job: ExportJob, fileName: string, after: Record<string, unknown>): Promise<void> {
  await job.db.transaction((tx) =>
    appendAuditEvent(tx, {
      actor: job.actor,
      action: job.action,
      entityType: 'export',
      entityId: fileName,
      indicatorId: job.indicatorId ?? null,
      departmentId: job.departmentId ?? null,
      after: { format: job.format, fileName, filters: job.filters, chainHead: job.chainHead, ...after },
    }),
  );
}

/**
 * A download of what `write` puts into `output`, settled as this module's header says: complete → recorded with
 * its hash, then the stream ended; failed → the stream errored, then the attempt recorded (best effort). The
 * route never awaits `done`; a failure is already reported to the reader through the stream.
 */
export function streamDownload(args: {
  output: ExportOutput;
  fileName: string;
  contentType: string;
  /** The audit action, for the server log of a failure. */
  action: string;
  /** Writes the file; returns its data rows and its size in bytes. */
  write(): Promise<{ rowCount: number; bytes: number }>;
  /** Appends the export's audit event with these facts after the common ones. */
  record(after: Record<string, unknown>): Promise<unknown>;
}): ExportDownload {
  const { output } = args;
  const done = (async (): Promise<ExportResult> => {
    try {
      const { rowCount, bytes } = await args.write();
      const result = { rowCount, sha256: output.digest(), bytes };
      await args.record({ complete: true, ...result });
      output.end();
      return result;
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      output.fail(failure);
      const cancelled = failure instanceof ExportCancelledError;
      if (!cancelled) console.error('[export] failed', args.action, failure);
      await args
        .record({ complete: false, bytesSent: output.bytes, error: cancelled ? '下载被中止' : '导出失败' })
        .catch((e: unknown) => console.error('[export] could not record the failed export', e));
      throw failure;
    }
  })();
  done.catch(() => {});
  return {
    stream: output.toWebStream(),
    fileName: args.fileName,
    contentType: args.contentType,
    done,
    bytesWritten: () => output.bytes,
  };
}

/** Starts streaming; the caller returns `stream` as the response body at once. */
export function startExport(job: ExportJob): ExportDownload {
  const output = new ExportOutput();
  const format = FORMAT_INFO[job.format];
  const fileName = `${job.baseName}.${format.extension}`;
  const writer = createTableWriter(job.format, output, job.writerOptions);
  return streamDownload({
    output,
    fileName,
    contentType: format.contentType,
    action: job.action,
    write: async () => {
      const rowCount = await job.produce(writer);
      await writer.finish(infoSheet(job, rowCount));
      return { rowCount, bytes: output.bytes };
    },
    record: (after) => record(job, fileName, after),
  });
}

export interface ExportCheck {
  rowCount: number;
  maxRows: number;
  fileName: string;
}

/** An export ready to run: its job, and how many rows it will write. */
export interface PreparedExport {
  job: ExportJob;
  rowCount: number;
}

/** What `?check=1` answers before a download: the row count against the limit, and the file's name. */
export function toCheck(prepared: PreparedExport): ExportCheck {
  const { extension } = FORMAT_INFO[prepared.job.format];
  return { rowCount: prepared.rowCount, maxRows: exportMaxRows(), fileName: `${prepared.job.baseName}.${extension}` };
}

/** An export's request as the route hands it over (its search parameters), before the export's schema reads it. */
export type ExportQuery = Record<string, unknown>;

/** An export's one preparation: permission, filters, row count and the job. */
export type PrepareExport = (actor: Actor, query: ExportQuery, now: Date, db: Db) => Promise<PreparedExport>;

/**
 * An export's two services from its one preparation: the download, and the check the browser makes first
 * (`?check=1`: the row count against the limit, the file name).
 */
export function exportServices(prepare: PrepareExport) {
  return {
    async download(actor: Actor, query: ExportQuery, options: ServiceOptions = {}): Promise<ExportDownload> {
      const { db, now } = await resolveOptions(options);
      return startExport((await prepare(actor, query, now, db)).job);
    },
    async check(actor: Actor, query: ExportQuery, options: ServiceOptions = {}): Promise<ExportCheck> {
      const { db, now } = await resolveOptions(options);
      return toCheck(await prepare(actor, query, now, db));
    },
  };
}
