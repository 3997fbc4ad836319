/**
 * Rules for the application's PostgreSQL login (`npm run db:roles`): its name goes into DDL, which takes no bound
 * parameters, so it must be a plain lower-case identifier; its password is sent only as a SCRAM verifier.
 */

const LOGIN_NAME_RE = /^[a-z_][a-z0-9_]{0,62}$/;
/** Names PostgreSQL reserves or that name the wrong thing. */
const RESERVED_NAMES = new Set([
  'public',
  'postgres',
  'none',
  'current_user',
  'session_user',
  'current_role',
  'user',
  'all',
]);
export const MIN_LOGIN_PASSWORD_LENGTH = 16;

/** Why a login name is refused (Chinese, naming the rule), or null when it is acceptable. */
export function loginNameProblem(name: string): string | null {
  if (!LOGIN_NAME_RE.test(name)) {
    return `登录名「${name}」无效：只能由小写字母、数字和下划线组成，以字母或下划线开头，最长 63 个字符`;
  }
  if (name.startsWith('pg_') || RESERVED_NAMES.has(name)) return `登录名「${name}」是 PostgreSQL 保留的名称，请换一个`;
  return null;
}

/** Why a login password is refused, or null. Printable ASCII only, so that every client hashes the same bytes. */
export function loginPasswordProblem(password: string): string | null {
  if (password.length < MIN_LOGIN_PASSWORD_LENGTH) return `数据库登录密码至少 ${MIN_LOGIN_PASSWORD_LENGTH} 个字符`;
  if (!/^[\x21-\x7e]+$/.test(password)) return '数据库登录密码只能包含可打印的 ASCII 字符（不含空格）';
  return null;
}
