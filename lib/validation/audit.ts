/**
 * Input rules of the audit log and the exports: filters (from the query string, so every value arrives as
 * text and '' means "not given"), the export format, and the checkpoint JSON. Every message names its field.
 */
import { z } from 'zod';
import { isKnownActionFilter } from '@/lib/domain/audit-actions';
import { ROLES } from '@/lib/domain/types';

export {
  actionLabel,
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  isKnownActionFilter,
  LEGACY_AUDIT_ACTIONS,
  type AuditAction,
} from '@/lib/domain/audit-actions';

export const DEFAULT_PAGE_SIZE = 50;

const SHANGHAI_OFFSET = '+08:00';
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An instant from "2025-03-01" (midnight in Asia/Shanghai; with `endOfDay`, the next midnight, so that a
 * date as the end of a range includes that whole day) or "2025-03-01T08:30[:ss][Z|±hh:mm]" (Shanghai without an offset).
 */
export function parseInstant(text: string, endOfDay: boolean): Date | null {
  const value = text.trim();
  const dateOnly = DATE_RE.test(value);
  const m = dateOnly ? null : DATETIME_RE.exec(value);
  const day = dateOnly ? value : m?.[1];
  if (!day || !isCalendarDay(day)) return null;
  // The bounds apply to the day as written (Shanghai), not to its UTC instant: 2000-01-01 is 1999 in UTC.
  const year = Number(day.slice(0, 4));
  if (year < 2000 || year > 2100) return null;
  const iso = dateOnly ? `${day}T00:00:00${SHANGHAI_OFFSET}` : `${day}T${m?.[2] ?? ''}${m?.[3] ?? SHANGHAI_OFFSET}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return dateOnly && endOfDay ? new Date(date.getTime() + 86_400_000) : date;
}

/** True for a real day: 2025-02-30 is refused (Date would silently roll it over into March). */
function isCalendarDay(day: string): boolean {
  const [y, mo, d] = day.split('-').map(Number);
  if (y === undefined || mo === undefined || d === undefined) return false;
  const utc = new Date(Date.UTC(y, mo - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === mo - 1 && utc.getUTCDate() === d;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const idText = (label: string) =>
  z
    .string({ error: `「${label}」应为编号` })
    .regex(/^\d{1,9}$/, `「${label}」应为正整数编号`)
    .transform(Number)
    .refine((n) => n > 0, `「${label}」应为正整数编号`);

const instantText = (label: string, endOfDay: boolean) =>
  z
    .string({ error: `「${label}」应为日期` })
    .max(40, `「${label}」格式不对`)
    .transform((s, ctx) => {
      const date = parseInstant(s, endOfDay);
      if (!date) {
        ctx.addIssue({
          code: 'custom',
          message: `「${label}」${s.slice(0, 40)} 无效，应为 2000–2100 年间的 YYYY-MM-DD 或 YYYY-MM-DDTHH:mm`,
        });
        return z.NEVER;
      }
      return date;
    });

const filterFields = {
  from: optional(instantText('开始时间', false)),
  to: optional(instantText('结束时间', true)),
  username: optional(z.string().trim().max(64, '「用户」不能超过 64 个字符')),
  role: optional(z.enum([...ROLES, 'system'], { error: '「角色」不是已知的角色' })),
  action: optional(
    z.string().trim().max(64, '「操作」不是已知的操作').refine(isKnownActionFilter, '「操作」不是已知的操作'),
  ),
  entityType: optional(
    z
      .string()
      .trim()
      .regex(/^[a-z_]{1,32}$/, '「对象类型」无效'),
  ),
  departmentId: optional(idText('单位')),
  indicatorId: optional(idText('指标')),
};

function checkRange(value: { from?: Date; to?: Date }, ctx: z.RefinementCtx, forExport: boolean): void {
  if (value.from && value.to && value.to.getTime() <= value.from.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '「结束时间」应晚于「开始时间」' });
  }
  if (!forExport) return;
  if (!value.from) ctx.addIssue({ code: 'custom', path: ['from'], message: '导出须指定「开始时间」' });
  if (!value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '导出须指定「结束时间」' });
  // Any span may be exported (the whole 十四五 and more): the export streams, and its row cap has its own message.
}

/** Filters of the audit list (either end of the time range may be open). */
export const auditFilterSchema = z.object(filterFields).superRefine((v, ctx) => checkRange(v, ctx, false));
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const auditListSchema = z
  .object({
    ...filterFields,
    cursor: optional(z.string().max(200, '分页参数无效')),
    limit: optional(
      z
        .string()
        .regex(/^\d{1,3}$/, '「每页条数」应为 1–200 的整数')
        .transform(Number)
        .refine((n) => n >= 1 && n <= 200, '「每页条数」应为 1–200 的整数'),
    ),
  })
  .superRefine((v, ctx) => checkRange(v, ctx, false));
export type AuditListQuery = z.output<typeof auditListSchema>;

export const exportFormatField = z.preprocess(
  (v) => blankToUndefined(v) ?? 'xlsx',
  z.enum(['csv', 'xlsx'], { error: '「格式」应为 csv 或 xlsx' }),
);
export type ExportFormat = z.output<typeof exportFormatField>;

/** An audit-log export: both ends of the time range required, any span apart. */
export const auditExportSchema = z
  .object({ ...filterFields, format: exportFormatField })
  .superRefine((v, ctx) => checkRange(v, ctx, true));
export type AuditExportQuery = z.output<typeof auditExportSchema>;

const monthText = (label: string) =>
  z
    .string()
    .regex(/^\d{1,2}$/, `「${label}」应为 1–12 的整数`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= 12, `「${label}」应为 1–12 的整数`);

/** A records export: a year (optional: all years), a month range within it, a work area, a department, an indicator. */
export const recordsExportSchema = z
  .object({
    format: exportFormatField,
    year: optional(
      z
        .string()
        .regex(/^\d{4}$/, '「年份」应为 2000–2100 的整数')
        .transform(Number)
        .refine((n) => n >= 2000 && n <= 2100, '「年份」应为 2000–2100 的整数'),
    ),
    fromMonth: optional(monthText('起始月份')),
    toMonth: optional(monthText('截止月份')),
    areaId: optional(
      z
        .string()
        .regex(/^[1-7]$/, '「主抓手」应为 1–7')
        .transform(Number),
    ),
    departmentId: optional(idText('单位')),
    indicatorId: optional(idText('指标')),
  })
  .superRefine((v, ctx) => {
    if ((v.fromMonth !== undefined || v.toMonth !== undefined) && v.year === undefined) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: '按月份筛选时须指定「年份」' });
    }
    if (v.fromMonth !== undefined && v.toMonth !== undefined && v.toMonth < v.fromMonth) {
      ctx.addIssue({ code: 'custom', path: ['toMonth'], message: '「截止月份」不能早于「起始月份」' });
    }
  });
export type RecordsExportQuery = z.output<typeof recordsExportSchema>;

export const bundleExportSchema = z.object({ format: exportFormatField });

const HASH_RE = /^[0-9a-f]{64}$/;

/** The checkpoint file an auditor keeps and hands back to verify against. */
export const checkpointSchema = z.strictObject({
  kind: z.literal('zhuashou.audit-checkpoint', { error: '不是抓手平台的审计检查点文件' }),
  version: z.literal(1, { error: '检查点文件版本不受支持' }),
  count: z.number({ error: '检查点的「事件数」无效' }).int().min(0, '检查点的「事件数」无效'),
  headId: z.number({ error: '检查点的「末尾事件编号」无效' }).int().positive().nullable(),
  headHash: z.string({ error: '检查点的「末尾哈希」无效' }).regex(HASH_RE, '检查点的「末尾哈希」无效'),
  createdAt: z.string({ error: '检查点的「生成时间」无效' }).max(40),
  createdBy: z.string({ error: '检查点的「生成人」无效' }).max(64),
});
export type AuditCheckpoint = z.output<typeof checkpointSchema>;
