/**
 * The audit bundle of one indicator: one download with the indicator, its targets, every figure (with who
 * entered, approved or returned it and the explanations), the full audit history of the indicator, its
 * instructions (批示) with their answers, and the manifest of its 佐证材料 files (hashes matching their upload
 * events; the files themselves come as a ZIP, evidence-bundle.ts). XLSX: one sheet each; CSV: one titled section each.
 */
import { type Db } from '@/db/client';
import { countAuditEvents, getChainHead, iterateAuditExportRows } from '@/db/queries/audit';
import {
  countRecords,
  getIndicatorForBundle,
  iterateRecords,
  listIndicatorInstructions,
  listIndicatorTargets,
} from '@/db/queries/export-records';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { QUALIFIER_LABELS } from '@/lib/domain/qualifier';
import { figureCell, shanghaiTime } from '@/lib/export/cells';
import { col } from '@/lib/export/columns';
import { AppError } from '@/lib/errors';
import { bundleExportSchema } from '@/lib/validation/audit';
import { parseOrThrow } from '@/lib/validation/parse';
import { recordProgressStatuses } from './status';
import {
  assertExportSize,
  EXPORT_BATCH_SIZE,
  exportServices,
  fileStamp,
  writeBatches,
  type ExportJob,
  type ExportQuery,
} from './run';
import { buildEvidenceManifest, EVIDENCE_COLUMNS, evidenceCells } from '@/lib/services/evidence/bundle';
import { DIRECTION_LABELS, FREQUENCY_LABELS, KIND_LABELS, PHASING_LABELS } from '@/lib/domain/labels';
import { AUDIT_COLUMNS, auditCells, RECORD_COLUMNS, recordCells } from './tables';
import type { ServiceOptions } from '@/lib/services/options';

const INDICATOR_COLUMNS = [
  col('指标编码'),
  col('指标名称', 28),
  col('单位', 8),
  col('类型', 10),
  col('方向', 8),
  col('频度', 8),
  col('口径', 40),
  col('主抓手'),
  col('责任单位', 18),
  col('是否停用', 8),
  col('来源原文', 50),
];
const TARGET_COLUMNS = [
  col('年份', 6),
  col('目标值', 10),
  col('限定词', 10),
  col('分解方式', 10),
  col('分解目标', 40),
  col('基数', 10),
  col('示例数据', 8),
  col('是否调整', 8),
  col('调整原因', 24),
  col('版本', 6),
  col('最后修改（北京时间）', 20),
];
const INSTRUCTION_COLUMNS = [
  col('批示编号', 8),
  col('批示时间（北京时间）', 20),
  col('批示人'),
  col('批示内容', 50),
  col('答复时间（北京时间）', 20),
  col('答复人'),
  col('答复内容', 50),
];
const CSV_WIDTH = Math.max(
  ...[INDICATOR_COLUMNS, TARGET_COLUMNS, INSTRUCTION_COLUMNS, RECORD_COLUMNS, AUDIT_COLUMNS, EVIDENCE_COLUMNS].map(
    (c) => c.length,
  ),
);

async function prepareBundle(actor: Actor, code: string, query: ExportQuery, now: Date, db: Db) {
  requirePermission(actor, 'export.audit');
  const { format } = parseOrThrow(bundleExportSchema, query);
  const indicator = /^[\w.-]{1,64}$/.test(code) ? await getIndicatorForBundle(db, { code }) : null;
  if (!indicator) throw new AppError('not_found', `未找到指标「${code.slice(0, 64)}」`);
  const chainHead = await getChainHead(db);
  const throughId = chainHead?.id ?? null;
  const history = { indicatorId: indicator.id };
  const targets = await listIndicatorTargets(db, { indicatorId: indicator.id });
  const instructions = await listIndicatorInstructions(db, { indicatorId: indicator.id });
  const figureCount = await countRecords(db, { actor, filter: history });
  const historyCount = await countAuditEvents(db, { actor, filter: history, throughId });
  const evidence = await buildEvidenceManifest(db, actor, indicator.id);
  const rowCount = 1 + targets.length + instructions.length + figureCount + historyCount + evidence.length;
  assertExportSize(rowCount);
  const job: ExportJob = {
    actor,
    db: db,
    format,
    action: 'export.indicator',
    baseName: `指标审计包_${indicator.code}_${fileStamp(now)}`,
    filters: { indicatorCode: indicator.code },
    filterLines: [['指标', `${indicator.code} ${indicator.name}`]],
    title: '指标审计包（指标、目标、数据、历史记录、批示、佐证材料清单）',
    chainHead,
    indicatorId: indicator.id,
    departmentId: indicator.departmentId,
    writerOptions: { multiTable: true, csvWidth: CSV_WIDTH },
    now,
    async produce(writer) {
      await writer.startTable('指标', INDICATOR_COLUMNS);
      await writer.writeRows([
        [
          indicator.code,
          indicator.name,
          indicator.unit,
          KIND_LABELS[indicator.kind],
          DIRECTION_LABELS[indicator.direction],
          FREQUENCY_LABELS[indicator.frequency],
          indicator.definition,
          indicator.areaName,
          indicator.departmentName,
          indicator.isRetired ? '是' : '否',
          indicator.sourceText,
        ],
      ]);
      await writer.startTable('目标', TARGET_COLUMNS);
      await writer.writeRows(
        targets.map((t) => [
          t.year,
          t.value === null ? t.valueText : figureCell(t.value),
          QUALIFIER_LABELS[t.qualifier],
          PHASING_LABELS[t.phasing],
          t.phases,
          figureCell(t.baseline),
          t.isSample ? '是' : '否',
          t.isRevised ? '是' : '否',
          t.revisionReason,
          t.version,
          shanghaiTime(t.updatedAt),
        ]),
      );
      let written = 1 + targets.length;
      await writer.startTable('数据', RECORD_COLUMNS);
      written += await writeBatches(writer, iterateRecords(db, { actor, filter: history }), async (batch) => {
        const statuses = await recordProgressStatuses(db, actor, batch, now);
        return batch.map((row) => recordCells(row, statuses.get(row.id) ?? null));
      });
      await writer.startTable('历史记录', AUDIT_COLUMNS);
      const events = iterateAuditExportRows(db, { actor, filter: history, throughId, batchSize: EXPORT_BATCH_SIZE });
      written += await writeBatches(writer, events, (batch) => batch.map(auditCells));
      await writer.startTable('批示', INSTRUCTION_COLUMNS);
      await writer.writeRows(
        instructions.map((i) => [
          i.id,
          shanghaiTime(i.createdAt),
          i.author,
          i.body,
          shanghaiTime(i.answerAt),
          i.answerAuthor,
          i.answer,
        ]),
      );
      await writer.startTable('佐证材料', EVIDENCE_COLUMNS);
      await writer.writeRows(evidence.map(evidenceCells));
      return written + instructions.length + evidence.length;
    },
  };
  return { job, rowCount };
}

/** The audit bundle of the indicator `code`: an export as every other (exportServices: the download and its check). */
const bundleOf = (code: string) =>
  exportServices((actor, query, now, db) => prepareBundle(actor, code, query, now, db));

/** GET /api/exports/indicators/[code]: the indicator's audit bundle (auditors). */
export const exportIndicatorBundle = (actor: Actor, code: string, query: ExportQuery, options?: ServiceOptions) =>
  bundleOf(code).download(actor, query, options);

export const checkIndicatorBundle = (actor: Actor, code: string, query: ExportQuery, options?: ServiceOptions) =>
  bundleOf(code).check(actor, query, options);
