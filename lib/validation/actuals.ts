/** Input rules of the reporting cycle. Objects are strict: an unknown field is refused, not ignored. */
import { z } from 'zod';
import { QUALIFIER_CHOICES } from '@/lib/domain/qualifier';
import { parsePeriod } from '@/lib/domain/period';
import { QUALIFIERS } from '@/lib/domain/types';

const text = (label: string, max: number) =>
  z
    .string({ error: `「${label}」应为文字` })
    .max(max, `「${label}」不能超过 ${max} 个字`)
    .transform((s) => s.trim());

const version = z
  .number({ error: '「版本号」应为整数' })
  .int('「版本号」应为整数')
  .min(1, '「版本号」无效')
  .max(1_000_000, '「版本号」无效');

export const periodField = z
  .string({ error: '「填报期」应为 YYYY-MM 格式，如 2026-03' })
  .max(20, '「填报期」格式不对，应为 YYYY-MM，如 2026-03')
  .transform((s, ctx) => {
    const p = parsePeriod(s.trim());
    if (!p) {
      ctx.addIssue({
        code: 'custom',
        message: `「填报期」${s.slice(0, 20)} 无效，应为 YYYY-MM（月份 1–12），如 2026-03`,
      });
      return z.NEVER;
    }
    return p;
  });

const evidenceUrl = z
  .string({ error: '「佐证材料链接」应为文字' })
  .max(500, '「佐证材料链接」不能超过 500 个字符')
  .transform((s) => s.trim())
  .refine(
    (s) => s === '' || /^(https?:\/\/|\/)[^\s<>"']+$/i.test(s),
    '「佐证材料链接」应以 http://、https:// 或 / 开头，且不含空格',
  )
  // "//host" and "/\host" look like paths of this site but a browser opens them on another host.
  .refine(
    (s) => !/^\/[/\\]/.test(s) && !s.includes('\\'),
    '「佐证材料链接」不能以 // 或 /\\ 开头，也不能含反斜杠：站内路径请以单个 / 开头，外部链接请写完整的 http:// 或 https:// 地址',
  );

export const saveActualSchema = z.strictObject({
  indicatorCode: z.string({ error: '「指标编码」必填' }).min(1, '「指标编码」必填').max(64, '「指标编码」无效'),
  period: periodField,
  /** As typed: parsed by lib/domain/figure-parse with the indicator's unit and range. */
  value: z.unknown(),
  qualifier: z.enum(QUALIFIERS, { error: `「限定词」无效，可选：${QUALIFIER_CHOICES}` }).optional(),
  note: text('备注', 1000).optional(),
  explanation: text('情况说明', 2000).optional(),
  evidenceUrl: evidenceUrl.optional(),
  /** The county/district/zone the figure is of (a unit's official: its own, the default); absent for the city's own. */
  unitCode: z.string({ error: '「县区」应为文字' }).trim().max(32, '「县区」编码无效').optional(),
  /** The version the form was loaded with; null when the figure did not exist yet. */
  version: version.nullable(),
  action: z.enum(['draft', 'submit'], { error: '「操作」应为 draft（保存草稿）或 submit（提交）' }),
});
export type SaveActualInput = z.output<typeof saveActualSchema>;

export const reviewActualSchema = z.strictObject({
  version,
  reason: text('退回原因', 1000).optional(),
});

export const returnActualSchema = z.strictObject({
  version,
  reason: text('退回原因', 1000).refine((s) => s.length >= 2, '「退回原因」必填，请写明需要修改的地方'),
});

export const reopenActualSchema = z.strictObject({
  version,
  reason: text('重新打开原因', 1000).refine((s) => s.length >= 2, '「重新打开原因」必填'),
});

export const periodLockSchema = z.strictObject({
  period: periodField,
  reason: text('原因', 500).optional(),
});
