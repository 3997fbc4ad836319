/**
 * Input rules of plan edits: the shape only (strict objects, lengths). Which fields a path kind takes and whether
 * each is a number is lib/domain/plan-edit.ts's checkPlanPathEdit; the baseline link is checked by the service.
 */
import { z } from 'zod';
import { indicatorCodeField } from './catalog';

const text = (label: string) =>
  z
    .union([z.string().max(64, `「${label}」过长`), z.number(), z.null()], { error: `「${label}」应为数字` })
    .transform((v) => (v === null ? null : String(v)))
    .optional();

export const planIndicatorEditSchema = z.strictObject({
  indicatorCode: indicatorCodeField,
  pathKind: z.string({ error: '「路径类型」不能为空' }).max(32, '「路径类型」过长'),
  finalTarget: text('目标值'),
  annualGrowth: text('年均增长'),
  typedValues: z
    .record(z.string().regex(/^\d{4}$/, '「逐年路径值」的年份应为四位数字'), z.string().max(64, '「逐年路径值」过长'), {
      error: '「逐年路径值」应为年份到数值的对照',
    })
    .nullable()
    .optional(),
  /** The indicator whose December figure of the year before the plan is the baseline; null or absent: this one. */
  baselineIndicatorCode: indicatorCodeField.nullable().optional(),
  reason: z.string({ error: '「说明」应为文字' }).trim().max(400, '「说明」不能超过 400 个字').optional(),
});
