/**
 * Input rules of the indicator catalog (指标管理). Objects are strict: an unknown field is refused.
 * Figures (the allowed range) stay as typed here and are parsed by lib/domain/figure-parse in the service.
 */
import { z } from 'zod';
import { AREA_SLUGS, DIRECTIONS, FREQUENCIES, INDICATOR_KINDS, PLAN_TYPES } from '@/lib/domain/types';

import { DIRECTION_LABELS, FREQUENCY_LABELS, KIND_LABELS, PLAN_TYPE_LABELS } from '@/lib/domain/labels';

const { qualitative: _statement, ...ENTERABLE_KIND_LABELS } = KIND_LABELS;

function text(label: string, max: number) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null ? `请填写「${label}」` : `「${label}」应为文字`,
    })
    .trim()
    .max(max, `「${label}」不能超过 ${max} 个字`);
}

const choices = (labels: Record<string, string>) => Object.values(labels).join('、');

export const indicatorCodeField = z
  .string({ error: '请填写「指标编码」' })
  .trim()
  .toUpperCase()
  .min(2, '「指标编码」至少 2 个字符')
  .max(64, '「指标编码」不能超过 64 个字符')
  .regex(
    /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/,
    '「指标编码」只能由英文字母、数字和连字符组成，以字母开头，如 INV-NEW-PROJECTS',
  );

export const versionField = z
  .number({ error: '「版本号」应为整数' })
  .int('「版本号」应为整数')
  .min(1, '「版本号」无效')
  .max(1_000_000, '「版本号」无效');

/** A bound of the allowed range as typed ("0", "1,000", ""): '' or null means no bound. */
const boundField = z.union([z.string().max(40, '「允许范围」的数字过长'), z.number(), z.null()], {
  error: '「允许范围」应为数字或留空',
});

const fields = {
  name: text('指标名称', 100).min(1, '请填写「指标名称」'),
  unit: text('单位', 20).min(1, '请填写「单位」（如 亿元、个、%）'),
  // 定性表述 holds the report's own words and is loaded from the report only: it cannot be created or chosen here.
  kind: z
    .enum(INDICATOR_KINDS, { error: `「指标类型」应为：${choices(ENTERABLE_KIND_LABELS)}` })
    .refine((k) => k !== 'qualitative', {
      error: '「指标类型」“定性表述”仅用于政府工作报告中的定性表述，不能新建或改为此类型',
    }),
  direction: z.enum(DIRECTIONS, { error: `「方向」应为：${choices(DIRECTION_LABELS)}` }),
  frequency: z.enum(FREQUENCIES, { error: `「填报频率」应为：${choices(FREQUENCY_LABELS)}` }),
  planType: z.enum(PLAN_TYPES, { error: `「指标属性」应为：${choices(PLAN_TYPE_LABELS)}` }),
  definition: text('口径说明', 2000),
  departmentCode: text('责任单位', 32).toLowerCase().min(1, '请选择「责任单位」'),
  areaSlug: z.enum(AREA_SLUGS, { error: '「所属抓手」无效' }).nullable(),
  minValue: boundField,
  maxValue: boundField,
};

export const createIndicatorSchema = z.strictObject({
  code: indicatorCodeField,
  ...fields,
  definition: fields.definition.optional().default(''),
  direction: fields.direction.optional().default('up'),
  planType: fields.planType.optional().default('expected'),
  areaSlug: fields.areaSlug.optional().default(null),
  minValue: boundField.optional().default(null),
  maxValue: boundField.optional().default(null),
});
export type CreateIndicatorInput = z.output<typeof createIndicatorSchema>;

export const updateIndicatorSchema = z
  .strictObject(fields)
  .partial()
  .extend({ version: versionField, reason: text('修改原因', 500).optional() });
export type UpdateIndicatorInput = z.output<typeof updateIndicatorSchema>;

export const retireIndicatorSchema = z.strictObject({
  action: z.enum(['retire', 'unretire'], { error: '「操作」应为 retire（停用）或 unretire（恢复启用）' }),
  version: versionField,
  reason: text('原因', 500).optional(),
});

export const deleteIndicatorSchema = z.strictObject({ version: versionField });
