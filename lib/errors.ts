/** One error type for every failure a user can act on: a stable code, an HTTP status, a Chinese message. */

export const ERROR_CODES = {
  unauthenticated: { status: 401, message: '请先登录' },
  forbidden: { status: 403, message: '没有权限执行此操作' },
  not_found: { status: 404, message: '未找到' },
  invalid_input: { status: 400, message: '输入有误，请检查标出的字段' },
  conflict: { status: 409, message: '数据已被他人修改，请核对后再保存' },
  locked: { status: 423, message: '该数据已锁定，不能修改' },
  too_large: { status: 413, message: '提交的内容过大' },
  unsupported: { status: 415, message: '不支持的内容类型' },
  rate_limited: { status: 429, message: '操作过于频繁，请稍后再试' },
  unavailable: { status: 503, message: '数据库暂时不可用，请稍后重试' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Field name → messages (all of them, not only the first). */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fieldErrors?: FieldErrors,
    /** Extra data for the client (e.g. the current value on a conflict). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
  }

  toJSON() {
    return {
      error: { code: this.code, message: this.message, fieldErrors: this.fieldErrors, details: this.details },
    };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02',
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
]);

/** True when the error means the database is unreachable (so the answer is 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return hasErrorCode(error, (code) => CONNECTION_ERROR_CODES.has(code));
}

/** True when the error is a unique-constraint violation (23505): another writer stored the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return hasErrorCode(error, (code) => code === '23505');
}

/** Whether the error, or one of its causes (the ORM wraps the driver's error), carries a code that `matches`. */
function hasErrorCode(error: unknown, matches: (code: string) => boolean): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && matches(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
