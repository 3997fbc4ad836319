/** Input rules of bulk import (批量导入): the kind, the mode, the file, and the template's query. */
import { z } from 'zod';
import { periodField } from './actuals';
import { yearField } from './targets';

export const IMPORT_KINDS = ['actuals', 'targets'] as const;
export type ImportKindInput = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKindInput, string> = { actuals: '实绩数据', targets: '年度目标' };

export const importKindField = z.enum(IMPORT_KINDS, {
  error: '「导入类型」应为 actuals（实绩数据）或 targets（年度目标）',
});

export const IMPORT_MODES = ['dry-run', 'commit'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const runImportSchema = z.strictObject({
  kind: importKindField,
  mode: z.enum(IMPORT_MODES, { error: '「导入方式」应为 dry-run（预检）或 commit（正式导入）' }),
  file: z.instanceof(Uint8Array, { error: '请选择要上传的文件（.xlsx 或 .csv）' }),
});

/** ?department=&year=&period= of a template download; each optional, each checked. */
export const templateQuerySchema = z.strictObject({
  kind: importKindField,
  department: z
    .string()
    .trim()
    .toLowerCase()
    .max(32, '「单位」代码不能超过 32 个字符')
    .regex(/^[a-z0-9_-]*$/, '「单位」代码无效')
    .optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, '「年份」应为四位数字，如 2026')
    .transform(Number)
    .pipe(yearField)
    .optional(),
  period: periodField.optional(),
});
