/**
 * Input rules of 考核 schemes: the shape only (strict objects, lengths). Whether numbers are numbers, weights add
 * to 100, rules fit their indicators and caps are not below zero is lib/domain/scoring-scheme.ts's validateScheme.
 */
import { z } from 'zod';
import { choicesText, SCORING_RULE_LABELS } from '@/lib/domain/labels';
import { SCORING_RULES } from '@/lib/domain/scoring';
import { AREA_SLUGS, WORK_AREAS } from '@/lib/domain/types';
import { yearField } from './targets';

const figureText = (label: string) =>
  z
    .union([z.string().trim().max(32, `「${label}」过长`), z.number()], { error: `「${label}」应为数字` })
    .transform((v) => String(v));

export const schemeInputSchema = z.strictObject({
  year: yearField,
  areas: z
    .array(
      z.strictObject({
        area: z.enum(AREA_SLUGS, { error: `「主抓手」应为：${WORK_AREAS.map((a) => a.name).join('、')}` }),
        weight: figureText('主抓手权重'),
      }),
      { error: '「主抓手权重」应为列表' },
    )
    .max(WORK_AREAS.length, `主抓手最多 ${WORK_AREAS.length} 个`),
  items: z
    .array(
      z.strictObject({
        indicatorCode: z
          .string({ error: '「指标」不能为空' })
          .trim()
          .min(1, '「指标」不能为空')
          .max(64, '「指标编码」过长'),
        weight: figureText('权重'),
        rule: z.enum(SCORING_RULES, { error: `「计分规则」应为：${choicesText(SCORING_RULES, SCORING_RULE_LABELS)}` }),
        ceiling: figureText('计分上限'),
      }),
    )
    .max(500, '考核指标最多 500 项'),
  latePoints: figureText('逾期报送每项扣分'),
  returnedPoints: figureText('数据退回每项扣分'),
  deductionCap: figureText('扣分上限'),
  bonuses: z
    .array(
      z.strictObject({
        name: z.string().trim().max(100, '加分项「名称」最多 100 字'),
        points: figureText('加分分值'),
        subjects: z.array(z.string().trim().max(64)).max(500),
      }),
    )
    .max(50, '加分项最多 50 项'),
  bonusCap: figureText('加分上限'),
  reason: z.string().trim().max(500, '「修改说明」最多 500 字').optional(),
});
export type SchemeInput = z.infer<typeof schemeInputSchema>;

export const publishInputSchema = z.strictObject({
  year: yearField,
  version: z.number({ error: '「方案版本」应为整数' }).int('「方案版本」应为整数').min(1, '「方案版本」应为整数'),
});

export const scoresQuerySchema = z.strictObject({
  year: yearField,
  version: publishInputSchema.shape.version.optional(),
});
