/** Turns a zod failure into the one error shape every feature returns: all field errors, in Chinese. */
import { z } from 'zod';
import { AppError, ERROR_CODES, type FieldErrors } from '@/lib/errors';

// Messages zod writes itself (an unknown key, a wrong type where no custom message is set) in Chinese too.
z.config(z.locales.zhCN());

/** Key under which issues that belong to no single field (the input as a whole) are reported. */
export const FORM_ERROR_KEY = '_form';

const SUMMARY_LIMIT = 3;

/** Field path ("departmentCode", "phases.3.value") → every message for it, in the order zod found them. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : FORM_ERROR_KEY;
    const messages = (fieldErrors[key] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return fieldErrors;
}

/** One line a person can read: the first few messages, and how many more there are. */
export function summarizeFieldErrors(fieldErrors: FieldErrors): string {
  const messages = Object.values(fieldErrors).flat();
  if (messages.length === 0) return ERROR_CODES.invalid_input.message;
  const shown = messages.slice(0, SUMMARY_LIMIT).join('；');
  return messages.length > SUMMARY_LIMIT ? `${shown}；等 ${messages.length} 处问题` : shown;
}

export const NUL_MESSAGE = '含有不允许的空字符（\\0）';

/**
 * Paths of the strings (values and keys) that hold a NUL character: PostgreSQL cannot store one in text or jsonb
 * and fails the whole statement, so such input is refused up front, whatever the schema (found by wapiti: a 500).
 */
export function nulFieldErrors(input: unknown, path: string[] = [], depth = 0, found: FieldErrors = {}): FieldErrors {
  const key = path.length > 0 ? path.join('.') : FORM_ERROR_KEY;
  if (typeof input === 'string') {
    if (input.includes('\u0000')) found[key] = [NUL_MESSAGE];
  } else if (ArrayBuffer.isView(input) || input instanceof ArrayBuffer) {
    // Bytes (an uploaded file), not text: walked entry by entry, a 10 MB upload cost 20 s before any check. What the
    // file holds is parsed into strings later, and those go through this check with their own schemas.
  } else if (input !== null && typeof input === 'object' && depth < 32) {
    for (const [name, value] of Object.entries(input)) {
      if (name.includes('\u0000')) found[key] = [NUL_MESSAGE];
      else nulFieldErrors(value, [...path, name], depth + 1, found);
    }
  }
  return found;
}

/** The parsed value, or AppError('invalid_input') carrying every field error (not only the first). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  throwIfFieldErrors(nulFieldErrors(input));
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors = toFieldErrors(result.error);
  throw new AppError('invalid_input', summarizeFieldErrors(fieldErrors), fieldErrors);
}

/** Throws AppError('invalid_input') when any field has a message; for rules checked outside a schema. */
export function throwIfFieldErrors(fieldErrors: FieldErrors): void {
  const nonEmpty = Object.fromEntries(Object.entries(fieldErrors).filter(([, messages]) => messages.length > 0));
  if (Object.keys(nonEmpty).length > 0) {
    throw new AppError('invalid_input', summarizeFieldErrors(nonEmpty), nonEmpty);
  }
}
