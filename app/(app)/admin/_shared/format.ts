import { ApiError } from '@/lib/client-api/client';

/**
 * "MM-DD HH:mm" in Beijing time. Formatted by hand (China has no daylight saving: UTC+8), so the server
 * render and the browser agree to the character and hydration never differs.
 */
export function formatBeijingTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** The server's error as the forms use it: a message, and the messages per field. */
export interface FormProblem {
  message: string;
  fieldErrors: Record<string, string[]>;
}

/**
 * The server's refusal for a form: when every field error is shown beside a field of the form
 * (`shownFields`), the summary only points at them; messages for anything else stay in the summary.
 */
export function toFormProblem(error: unknown, shownFields: readonly string[] = []): FormProblem {
  if (error instanceof ApiError) {
    const fieldErrors = error.fieldErrors ?? {};
    const keys = Object.keys(fieldErrors);
    if (keys.length === 0) return { message: error.message, fieldErrors };
    const elsewhere = keys.filter((key) => !shownFields.includes(key)).flatMap((key) => fieldErrors[key] ?? []);
    const message = elsewhere.length > 0 ? elsewhere.join('；') : '请按提示修改标出的字段';
    return { message, fieldErrors };
  }
  if (error instanceof Error) return { message: error.message, fieldErrors: {} };
  return { message: '操作失败，请稍后重试', fieldErrors: {} };
}
