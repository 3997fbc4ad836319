/** Input rules of 批示 and their answers. Objects are strict: an unknown field is refused, not ignored. */
import { z } from 'zod';

export const INSTRUCTION_MAX_LENGTH = 2000;

const body = (label: string) =>
  z
    .string({ error: `「${label}」应为文字` })
    .max(INSTRUCTION_MAX_LENGTH, `「${label}」不能超过 ${INSTRUCTION_MAX_LENGTH} 个字`)
    .transform((s) => s.trim())
    .refine((s) => s.length >= 2, `「${label}」必填，至少 2 个字`);

export const createInstructionSchema = z.strictObject({ body: body('批示内容') });
export type CreateInstructionInput = z.output<typeof createInstructionSchema>;

export const answerInstructionSchema = z.strictObject({ body: body('答复内容') });
export type AnswerInstructionInput = z.output<typeof answerInstructionSchema>;

/** The instruction id of a URL: a positive integer. */
export const instructionIdSchema = z.strictObject({
  id: z
    .string({ error: '「批示编号」无效' })
    .regex(/^\d{1,9}$/, '「批示编号」无效')
    .transform(Number)
    .refine((n) => n >= 1, '「批示编号」无效'),
});

/** An indicator code of a URL: upper-case letters, digits and dashes. */
export const indicatorCodeSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/);
