/** Input rules for units (县区), their roll-up and the decomposition of targets. Messages name their field. */
import { z } from 'zod';
import { choicesText } from '@/lib/domain/labels';
import { ROLLUP_RULE_LABELS } from '@/lib/domain/rollup';
import { ROLLUP_RULES, UNIT_KINDS } from '@/lib/domain/types';
import { UNIT_CODE_PATTERN, UNIT_KIND_LABELS } from '@/lib/domain/units';
import { codedEntrySchemas, flag, text } from './fields';

const unitCodeField = text('县区代码')
  .trim()
  .toLowerCase()
  .regex(UNIT_CODE_PATTERN, '「县区代码」应为 2–32 位小写英文字母、数字或连字符，以字母开头');
const unitNameField = text('县区名称').trim().min(2, '「县区名称」至少 2 个字').max(40, '「县区名称」不能超过 40 个字');
const unitKindField = z.enum(UNIT_KINDS, {
  error: `「类型」应为以下之一：${choicesText(UNIT_KINDS, UNIT_KIND_LABELS)}`,
});
const sortField = z
  .number({ error: '「排序」应为整数' })
  .int('「排序」应为整数')
  .min(0, '「排序」不能为负数')
  .max(9999, '「排序」不能超过 9999');

const unitSchemas = codedEntrySchemas(unitCodeField, {
  name: unitNameField,
  kind: unitKindField,
  sortOrder: sortField.optional(),
});
export const createUnitSchema = unitSchemas.create;
export const updateUnitSchema = unitSchemas.update;

export const rollupSettingSchema = z.strictObject({
  trackedByUnit: flag('按县区填报'),
  rule: z
    .enum(ROLLUP_RULES, { error: `「汇总方式」应为以下之一：${choicesText(ROLLUP_RULES, ROLLUP_RULE_LABELS)}` })
    .nullish(),
  weightIndicatorCode: text('权重指标').trim().max(64, '「权重指标」编码无效').nullish(),
});

const shareValue = z.union([z.string(), z.number()], { error: '分解目标应为数字' }).transform((v) => String(v).trim());
const yearField = z
  .number({ error: '「年度」应为整数' })
  .int('「年度」应为整数')
  .min(2000, '「年度」无效')
  .max(2100, '「年度」无效');

export const decompositionSchema = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      year: yearField,
      mode: z.literal('shares'),
      shares: z
        .array(
          z.strictObject({
            unitCode: text('县区').trim().toLowerCase().max(32, '「县区」编码无效'),
            value: shareValue,
          }),
          { error: '「分解目标」应为列表' },
        )
        .max(100, '县区过多'),
    }),
    z.strictObject({ year: yearField, mode: z.literal('min_each'), value: shareValue }),
  ],
  { error: '「分解方式」应为 shares（逐个县区）或 min_each（各县区不低于）' },
);
export type DecompositionRequest = z.output<typeof decompositionSchema>;
