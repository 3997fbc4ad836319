/** Field rules the input schemas share; each message names its field. */
import { z } from 'zod';

/** Text: absent → 请填写「label」; not a string → 「label」应为文本. */
export function text(label: string) {
  return z.string({
    error: (issue) =>
      issue.input === undefined || issue.input === null ? `请填写「${label}」` : `「${label}」应为文本`,
  });
}

/** Yes or no. */
export function flag(label: string) {
  return z.boolean({ error: `「${label}」应为“是”或“否”` });
}

/** An update's fields, all optional: refused when none is given. */
export function someChange<T extends z.ZodObject>(schema: T) {
  return schema.refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: '没有需要修改的内容',
  });
}

/**
 * The rules of an entry of a list kept by code (a department, a unit): created with its code and `fields`, then
 * changed in some of `fields` or (de)activated; the code is permanent, since imports and scripts refer to it.
 */
export function codedEntrySchemas<C extends z.ZodType, F extends z.ZodRawShape>(code: C, fields: F) {
  return {
    create: z.strictObject({ code, ...fields }),
    update: someChange(
      z
        .strictObject(fields)
        .partial()
        .extend({ isActive: flag('启用').optional() }),
    ),
  };
}
