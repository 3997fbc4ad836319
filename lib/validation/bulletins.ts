/** Input of the monthly 通报: the period to generate, both fields required, with the field named in every message. */
import { z } from 'zod';

const integerIn = (label: string, min: number, max: number) =>
  z
    .number({
      error: (issue) =>
        issue.input === undefined ? `请填写「${label}」` : `「${label}」应为 ${min} 到 ${max} 之间的整数`,
    })
    .int(`「${label}」应为 ${min} 到 ${max} 之间的整数`)
    .min(min, `「${label}」应为 ${min} 到 ${max} 之间的整数`)
    .max(max, `「${label}」应为 ${min} 到 ${max} 之间的整数`);

/** `{ year, month }`: numbers, or digit strings (a form's values). */
export const bulletinRequestSchema = z.strictObject(
  {
    year: z.preprocess(
      (v) => (typeof v === 'string' && /^\d{1,6}$/.test(v.trim()) ? Number(v) : v),
      integerIn('年份', 2000, 2100),
    ),
    month: z.preprocess(
      (v) => (typeof v === 'string' && /^\d{1,6}$/.test(v.trim()) ? Number(v) : v),
      integerIn('月份', 1, 12),
    ),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `不认识的字段：${issue.keys.join('、')}` : '请求内容应为 { year, month }',
  },
);

export type BulletinRequest = z.output<typeof bulletinRequestSchema>;

/** The id in /api/bulletins/{id}/…: a positive integer, else not found. */
export const bulletinIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
