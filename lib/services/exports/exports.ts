/**
 * Exports: the records (figures with targets, status and who entered/approved them) and the audit log, as
 * streamed CSV or XLSX. Each checks its permission, validates the filters, counts first (a too-large export
 * is refused before a byte is sent) and is itself recorded in the audit log with its row count and SHA-256
 * (see export-run.ts for when and why). `check…` variants answer the count without streaming, so the page
 * can show a refusal before starting a download.
 */
import { type Db } from '@/db/client';
import { countAuditEvents, getChainHead, iterateAuditExportRows, iterateAuditWindows } from '@/db/queries/audit';
import { WindowBuffers } from '@/db/queries/audit-packed';
import { countRecords, iterateRecords, type RecordFilter } from '@/db/queries/export-records';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { shanghaiTime } from '@/lib/export/cells';
import type { ExportInfo } from '@/lib/export/table-writer';
import { auditExportSchema, recordsExportSchema } from '@/lib/validation/audit';
import { parseOrThrow } from '@/lib/validation/parse';
import { runInThreads, windowThreadsFor } from '@/lib/services/audit/window-threads';
import { recordProgressStatuses } from './status';
import {
  assertExportSize,
  EXPORT_BATCH_SIZE,
  exportServices,
  fileStamp,
  type ExportJob,
  type ExportQuery,
  writeBatches,
  type PreparedExport,
} from './run';
import { AUDIT_COLUMNS, auditCells, RECORD_COLUMNS, recordCells, roleLabel } from './tables';

/**
 * Bytes of COPY text per window of the audit CSV: about 700 events. Its threads make almost no garbage (bytes in,
 * bytes out), so larger windows than verify's cost no collections, and each window is one message each way and one
 * write to the client. A million events over HTTP: 4.6–4.9 s with 32 KB windows, 3.4–3.6 s with 256 KB (the COPY
 * floor 2.55 s); the difference was mostly the server's socket writes, 11,000 against 1,400.
 */
const CSV_WINDOW_BYTES = 256 * 1024;

/** The filters that narrow an export to one department or one indicator. */
interface SubjectFilter {
  departmentId?: number;
  indicatorId?: number;
}

/**
 * The job of an export narrowed by filters (the audit log, the records): `request` as it came, and `job` what the
 * export itself says; its audit event is filed under the department and indicator the filters name.
 */
function filteredJob(
  request: Pick<ExportJob, 'actor' | 'db' | 'format' | 'chainHead' | 'now'> & { filter: SubjectFilter },
  job: Pick<ExportJob, 'action' | 'baseName' | 'filters' | 'filterLines' | 'title' | 'produce'>,
): ExportJob {
  const { filter, ...context } = request;
  return { ...context, ...job, departmentId: filter.departmentId ?? null, indicatorId: filter.indicatorId ?? null };
}

/** The lines of the department and indicator filters both exports take, on the information sheet. */
function subjectLines(filter: SubjectFilter): ExportInfo {
  const lines: ExportInfo = [];
  if (filter.departmentId !== undefined) lines.push(['单位编号', filter.departmentId]);
  if (filter.indicatorId !== undefined) lines.push(['指标编号', filter.indicatorId]);
  return lines;
}

async function prepareAuditExport(actor: Actor, query: ExportQuery, now: Date, db: Db): Promise<PreparedExport> {
  requirePermission(actor, 'export.audit');
  const { format, ...filter } = parseOrThrow(auditExportSchema, query);
  // The head at the start bounds the export: its rows, its count and the chain head it states agree.
  const chainHead = await getChainHead(db);
  const throughId = chainHead?.id ?? null;
  const rowCount = await countAuditEvents(db, { actor, filter, throughId });
  assertExportSize(rowCount);
  const day = (d: Date | undefined) => (shanghaiTime(d) ?? '').slice(0, 10).replace(/-/g, '');
  const lastDay = filter.to ? new Date(filter.to.getTime() - 1) : undefined;
  const filterLines: ExportInfo = [
    ['开始时间', `${shanghaiTime(filter.from) ?? ''}（含）`],
    ['结束时间', `${shanghaiTime(filter.to) ?? ''}（不含）`],
  ];
  if (filter.username) filterLines.push(['用户', filter.username]);
  if (filter.role) filterLines.push(['角色', roleLabel(filter.role) ?? filter.role]);
  if (filter.action) filterLines.push(['操作', filter.action]);
  if (filter.entityType) filterLines.push(['对象类型', filter.entityType]);
  filterLines.push(...subjectLines(filter));
  const job = filteredJob(
    { actor, db, format, chainHead, now, filter },
    {
      action: 'export.audit',
      baseName: `审计日志_${day(filter.from)}-${day(lastDay)}_${fileStamp(now)}`,
      filters: { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() },
      filterLines,
      title: '审计日志',
      async produce(writer) {
        await writer.startTable('审计日志', AUDIT_COLUMNS);
        const buffers = new WindowBuffers();
        const walk = { actor, filter, throughId, batchSize: EXPORT_BATCH_SIZE, windowBytes: CSV_WINDOW_BYTES, buffers };
        if (writer.writeCsvRecords) {
          // CSV: worker threads write each window's records as bytes (./audit-csv.ts: what auditCells and csvRecord
          // below write, without making the events).
          let written = 0;
          for await (const { records, rows } of runInThreads(
            'audit-csv',
            iterateAuditWindows(db, walk, 'text'),
            windowThreadsFor(db),
            buffers,
          )) {
            await writer.writeCsvRecords(records);
            written += rows;
          }
          return written;
        }
        return writeBatches(writer, iterateAuditExportRows(db, walk), (batch) => batch.map(auditCells));
      },
    },
  );
  return { job, rowCount };
}

function recordFilterLines(filter: RecordFilter): ExportInfo {
  const lines: ExportInfo = [['年份', filter.year ?? '全部']];
  if (filter.fromMonth !== undefined || filter.toMonth !== undefined) {
    lines.push(['月份', `${filter.fromMonth ?? 1}–${filter.toMonth ?? 12} 月`]);
  }
  if (filter.areaId !== undefined) lines.push(['主抓手', filter.areaId]);
  lines.push(...subjectLines(filter));
  return lines;
}

async function prepareRecordsExport(actor: Actor, query: ExportQuery, now: Date, db: Db): Promise<PreparedExport> {
  requirePermission(actor, 'export.records');
  const { format, ...filter } = parseOrThrow(recordsExportSchema, query);
  const rowCount = await countRecords(db, { actor, filter });
  assertExportSize(rowCount);
  const chainHead = await getChainHead(db);
  const job = filteredJob(
    { actor, db, format, chainHead, now, filter },
    {
      action: 'export.records',
      baseName: `数据导出_${filter.year ?? '全部年份'}_${fileStamp(now)}`,
      filters: filter,
      filterLines: recordFilterLines(filter),
      title: '指标数据（目标、实绩、状态、填报与审核）',
      async produce(writer) {
        await writer.startTable('数据', RECORD_COLUMNS);
        return writeBatches(writer, iterateRecords(db, { actor, filter }), async (batch) => {
          const statuses = await recordProgressStatuses(db, actor, batch, now);
          // A unit's figure is judged on the unit views against its own target, not against the city's path here.
          return batch.map((row) => recordCells(row, row.unitId === null ? (statuses.get(row.id) ?? null) : null));
        });
      },
    },
  );
  return { job, rowCount };
}

const auditLog = exportServices(prepareAuditExport);
const records = exportServices(prepareRecordsExport);

/** GET /api/exports/audit: the audit log for a time range (both ends, any span) and filters. */
export const exportAuditLog = auditLog.download;
export const checkAuditLogExport = auditLog.check;
/** GET /api/exports/records: figures with their targets, status, who entered and approved them. */
export const exportRecords = records.download;
export const checkRecordsExport = records.check;

export { exportIndicatorBundle, checkIndicatorBundle } from './bundle';
export type { ExportCheck } from './run';
