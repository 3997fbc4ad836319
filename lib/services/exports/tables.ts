/** The columns of each exported table and how a database row becomes a row of cells. */
import type { AuditExportRow } from '@/db/queries/audit';
import type { RecordRow } from '@/db/queries/export-records';
import { formatReportFigure, QUALIFIER_LABELS } from '@/lib/domain/qualifier';
import { STATUS_LABELS } from '@/lib/domain/status';
import { ACTUAL_STATUS_LABELS, actorRoleLabel } from '@/lib/domain/labels';
import type { ProgressStatus } from '@/lib/domain/types';
import { figureCell, shanghaiTime, type ExportValue } from '@/lib/export/cells';
import type { ExportColumn } from '@/lib/export/table-writer';
import { entityTypeLabel } from '@/lib/domain/audit-actions';
import { actionLabel } from '@/lib/validation/audit';

export function roleLabel(role: string | null): string | null {
  if (role === null) return null;
  return actorRoleLabel(role);
}

const yesNo = (b: boolean) => (b ? '是' : '否');

export const AUDIT_COLUMNS: ExportColumn[] = [
  { header: '事件编号', width: 10 },
  { header: '时间（北京时间）', width: 20 },
  { header: '用户', width: 14 },
  { header: '角色', width: 10 },
  { header: '操作', width: 14 },
  { header: '操作代码', width: 20 },
  { header: '对象类型', width: 10 },
  { header: '对象编号', width: 12 },
  { header: '单位编号', width: 8 },
  { header: '指标编号', width: 8 },
  { header: '原因', width: 24 },
  { header: '客户端地址', width: 16 },
  { header: '变更前', width: 40 },
  { header: '变更后', width: 40 },
  { header: '上一哈希（prev_hash）', width: 20 },
  { header: '哈希', width: 20 },
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
  { header: '指标编码', width: 12 },
  { header: '指标名称', width: 28 },
  { header: '口径', width: 30 },
  { header: '主抓手', width: 14 },
  { header: '责任单位', width: 18 },
  { header: '县区', width: 12 },
  { header: '年份', width: 6 },
  { header: '月份', width: 6 },
  { header: '目标值', width: 10 },
  { header: '目标限定词', width: 10 },
  { header: '实际值', width: 10 },
  { header: '限定词', width: 10 },
  { header: '单位', width: 8 },
  { header: '审核状态', width: 8 },
  { header: '进度状态', width: 8 },
  { header: '填报人', width: 12 },
  { header: '填报时间', width: 20 },
  { header: '审核人', width: 12 },
  { header: '审核时间', width: 20 },
  { header: '情况说明', width: 30 },
  { header: '退回人', width: 12 },
  { header: '退回时间', width: 20 },
  { header: '退回原因', width: 20 },
  { header: '备注', width: 24 },
  { header: '版本', width: 6 },
  { header: '示例数据', width: 8 },
  { header: '推算值', width: 8 },
  { header: '推算方法', width: 30 },
  { header: '报告表述', width: 24 },
  { header: '报告所述变化', width: 16 },
  { header: '原文', width: 60 },
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
