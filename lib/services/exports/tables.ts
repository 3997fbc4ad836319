/** The columns of each exported table and how a database row becomes a row of cells. */
import type { AuditExportRow } from '@/db/queries/audit';
import type { RecordRow } from '@/db/queries/export-records';
import { formatReportFigure, QUALIFIER_LABELS } from '@/lib/domain/qualifier';
import { STATUS_LABELS } from '@/lib/domain/status';
import { ACTUAL_STATUS_LABELS, actorRoleLabel } from '@/lib/domain/labels';
import type { ProgressStatus } from '@/lib/domain/types';
import { figureCell, shanghaiTime, type ExportValue } from '@/lib/export/cells';
import { col, type ExportColumn } from '@/lib/export/columns';
import { actionLabel, entityTypeLabel } from '@/lib/domain/audit-actions';

export function roleLabel(role: string | null): string | null {
  if (role === null) return null;
  return actorRoleLabel(role);
}

const yesNo = (b: boolean) => (b ? '是' : '否');

export const AUDIT_COLUMNS: ExportColumn[] = [
  col('事件编号', 10),
  col('时间（北京时间）', 20),
  col('用户'),
  col('角色', 10),
  col('操作'),
  col('操作代码', 20),
  col('对象类型', 10),
  col('对象编号', 12),
  col('单位编号', 8),
  col('指标编号', 8),
  col('原因', 24),
  col('客户端地址', 16),
  col('变更前', 40),
  col('变更后', 40),
  col('上一哈希（prev_hash）', 20),
  col('哈希', 20),
];

/** One audit event's cells; before/after are the database's JSON text, written as they are. */
export function auditCells(row: AuditExportRow): ExportValue[] {
  return [
    row.id,
    shanghaiTime(row.occurredAt),
    row.actorUsername,
    roleLabel(row.actorRole),
    actionLabel(row.action),
    row.action,
    entityTypeLabel(row.entityType),
    row.entityId,
    row.departmentId,
    row.indicatorId,
    row.reason,
    row.clientAddress,
    row.before,
    row.after,
    row.prevHash,
    row.hash,
  ];
}

export const RECORD_COLUMNS: ExportColumn[] = [
  col('指标编码', 12),
  col('指标名称', 28),
  col('口径', 30),
  col('主抓手'),
  col('责任单位', 18),
  col('县区', 12),
  col('年份', 6),
  col('月份', 6),
  col('目标值', 10),
  col('目标限定词', 10),
  col('实际值', 10),
  col('限定词', 10),
  col('单位', 8),
  col('审核状态', 8),
  col('进度状态', 8),
  col('填报人', 12),
  col('填报时间', 20),
  col('审核人', 12),
  col('审核时间', 20),
  col('情况说明', 30),
  col('退回人', 12),
  col('退回时间', 20),
  col('退回原因', 20),
  col('备注', 24),
  col('版本', 6),
  col('示例数据', 8),
  col('推算值', 8),
  col('推算方法', 30),
  col('报告表述', 24),
  col('报告所述变化', 16),
  col('原文', 60),
];

/** A figure with no number (a milestone "全部完成", a textual target) is exported as its text. */
function figureOrText(value: string | null, text: string | null): ExportValue {
  return value === null ? text : figureCell(value);
}

export function recordCells(row: RecordRow, progress: ProgressStatus | null): ExportValue[] {
  return [
    row.code,
    row.name,
    row.definition,
    row.areaName,
    row.departmentName,
    row.unitName ?? '全市',
    row.year,
    row.month,
    figureOrText(row.targetValue, row.targetValueText),
    row.targetQualifier ? QUALIFIER_LABELS[row.targetQualifier] : null,
    figureOrText(row.value, row.valueText),
    QUALIFIER_LABELS[row.qualifier],
    row.unit,
    ACTUAL_STATUS_LABELS[row.status],
    progress ? STATUS_LABELS[progress] : null,
    row.enteredBy,
    shanghaiTime(row.enteredAt),
    row.approvedBy,
    shanghaiTime(row.approvedAt),
    row.explanation,
    row.returnedBy,
    shanghaiTime(row.returnedAt),
    row.returnReason,
    row.note,
    row.version,
    yesNo(row.isSample),
    yesNo(row.isDerived),
    row.derivedNote,
    // The report's own wording of a published figure ("突破160亿元", "1374公里全线贯通", "八成以上"), and its sentence.
    row.sourceText === null ? null : formatReportFigure(row, row.unit),
    row.statedChangeText,
    row.sourceText,
  ];
}
