/**
 * Input rules of annual targets (目标管理) and reporting settings. Figures stay as typed and are parsed by
 * lib/domain/figure-parse in the service with the indicator's unit; objects are strict.
 */
import { z } from 'zod';
import { QUALIFIER_CHOICES } from '@/lib/domain/qualifier';
import { choicesText, PHASING_LABELS } from '@/lib/domain/labels';
import { PHASINGS, QUALIFIERS } from '@/lib/domain/types';
import { indicatorCodeField, versionField } from './catalog';

export const yearField = z
  .number({ error: '「年份」应为四位整数，如 2026' })
  .int('「年份」应为四位整数，如 2026')
  .min(2000, '「年份」应在 2000–2100 之间')
  .max(2100, '「年份」应在 2000–2100 之间');

/** A typed figure: text or a JSON number; parsed later with the indicator's unit and range. */
const typedFigure = (label: string) =>
  z.union([z.string().max(10_240, `「${label}」过长`), z.number()], { error: `「${label}」应为数字` });

export const upsertTargetSchema = z.strictObject({
  indicatorCode: indicatorCodeField,
  year: yearField,
  value: z.unknown(),
  qualifier: z.enum(QUALIFIERS, { error: `「限定词」无效，可选：${QUALIFIER_CHOICES}` }).optional(),
  phasing: z
    .enum(PHASINGS, { error: `「分解方式」应为：${choicesText(PHASINGS, PHASING_LABELS)}` })
    .optional()
    .default('none'),
  phases: z
    .array(
      z.strictObject({
        month: z
          .number({ error: '「分解月份」应为 1–12' })
          .int('「分解月份」应为 1–12')
          .min(1, '「分解月份」应为 1–12')
          .max(12, '「分解月份」应为 1–12'),
        value: typedFigure('分解目标'),
      }),
      { error: '「分解目标」格式不对' },
    )
    .max(12, '「分解目标」最多 12 个月')
    .optional()
    .default([]),
  /** undefined keeps the stored baseline; null or '' clears it. */
  baseline: z.union([typedFigure('基期值'), z.null()]).optional(),
  /** The version the form was loaded with; null when there was no target yet. */
  version: versionField.nullable(),
  reason: z.string({ error: '「修订原因」应为文字' }).trim().max(500, '「修订原因」不能超过 500 个字').optional(),
});
export type UpsertTargetInput = z.output<typeof upsertTargetSchema>;

export const listTargetsQuerySchema = z.strictObject({ year: yearField });

export const reportingSettingsSchema = z.strictObject({
  progressPoints: z
    .number({ error: '「进度容差」应为数字（百分点）' })
    .min(0, '「进度容差」应在 0–100 个百分点之间')
    .max(100, '「进度容差」应在 0–100 个百分点之间'),
  ratePoints: z
    .number({ error: '「比率容差」应为数字（百分点）' })
    .min(0, '「比率容差」应在 0–100 个百分点之间')
    .max(100, '「比率容差」应在 0–100 个百分点之间'),
  dueDay: z
    .number({ error: '「填报截止日」应为 1–28 的整数' })
    .int('「填报截止日」应为 1–28 的整数')
    .min(1, '「填报截止日」应为 1–28 的整数')
    .max(28, '「填报截止日」应为 1–28 的整数'),
  /** The settings' version when the form was loaded (see getSettingsView); a stale save gets 409. */
  version: z.string({ error: '「版本」无效' }).max(64, '「版本」无效'),
});
export type ReportingSettingsInput = z.output<typeof reportingSettingsSchema>;
