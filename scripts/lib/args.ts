/**
 * Command-line arguments of the user scripts, parsed by pure functions (no process, no I/O) so that they
 * can be tested. `--name value` and `--name=value` both work; anything unknown is refused, in Chinese.
 */
import { loginNameProblem } from '@/lib/domain/db-login';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/domain/types';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type OptionKind = 'string' | 'boolean';
type OptionValues = Partial<Record<string, string | true>>;

/** Options by name (without the leading --); `--help` / `-h` are always understood. */
export function parseOptions(argv: readonly string[], spec: Readonly<Record<string, OptionKind>>): OptionValues {
  const values: OptionValues = {};
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] ?? '';
    if (token === '--') continue;
    if (token === '-h' || token === '--help') {
      values.help = true;
      continue;
    }
    if (!token.startsWith('--') || token.length === 2) throw new UsageError(`无法识别的参数：${token}`);
    const eq = token.indexOf('=');
    const name = token.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : token.slice(eq + 1);
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!kind) throw new UsageError(`未知参数：--${name}`);
    if (values[name] !== undefined) throw new UsageError(`参数 --${name} 重复`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`参数 --${name} 不带值`);
      values[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i += 1;
      }
    }
    if (value === undefined || value.trim() === '') throw new UsageError(`参数 --${name} 缺少值`);
    values[name] = value;
  }
  return values;
}

function requiredString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string') throw new UsageError(`缺少参数 --${name}`);
  return value.trim();
}

function optionalString(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** A role by its code (official) or its Chinese name (填报员). */
export function parseRole(value: string): Role {
  const wanted = value.trim();
  const role = ROLES.find((code) => code === wanted.toLowerCase() || ROLE_LABELS[code] === wanted);
  if (!role) {
    const choices = ROLES.map((code) => `${code}（${ROLE_LABELS[code]}）`).join('、');
    throw new UsageError(`参数 --role 应为以下之一：${choices}`);
  }
  return role;
}

export const USER_ADD_USAGE = [
  '用法：npm run user:add -- --username 用户名 --role 角色 [--department 单位代码] [--name 显示名] [--no-force-change]',
  '  角色：admin（系统管理员）、security（安全管理员）、official（填报员）、reviewer（审核员）、leader（领导）、auditor（审计员）',
  '  填报员和审核员必须用 --department 指定所属单位的代码；其他角色不属于任何单位。',
  '  密码取自环境变量 USER_PASSWORD，否则从标准输入读取一行。',
  '  默认新用户首次登录须修改密码；--no-force-change 取消这一要求。',
].join('\n');

export const USER_RESET_USAGE = [
  '用法：npm run user:reset -- --username 用户名',
  '  生成一次性密码并显示一次；该用户下次登录须修改密码，已登录的会话全部失效，登录锁定随之解除。',
].join('\n');

export interface UserAddArgs {
  username: string;
  role: Role;
  departmentCode?: string;
  /** Defaults to the username. */
  displayName: string;
  mustChangePassword: boolean;
}

export type Parsed<T> = { kind: 'help' } | { kind: 'run'; args: T };

export function parseUserAddArgs(argv: readonly string[]): Parsed<UserAddArgs> {
  const values = parseOptions(argv, {
    username: 'string',
    role: 'string',
    department: 'string',
    name: 'string',
    'no-force-change': 'boolean',
  });
  if (values.help) return { kind: 'help' };
  const username = requiredString(values, 'username');
  const role = parseRole(requiredString(values, 'role'));
  const departmentCode = optionalString(values, 'department');
  return {
    kind: 'run',
    args: {
      username,
      role,
      ...(departmentCode === undefined ? {} : { departmentCode }),
      displayName: optionalString(values, 'name') ?? username,
      mustChangePassword: values['no-force-change'] !== true,
    },
  };
}

export function parseUserResetArgs(argv: readonly string[]): Parsed<{ username: string }> {
  const values = parseOptions(argv, { username: 'string' });
  if (values.help) return { kind: 'help' };
  return { kind: 'run', args: { username: requiredString(values, 'username') } };
}

/** The first line of what was piped in (without its line ending or a byte-order mark). */
export function firstLine(text: string): string {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const end = withoutBom.indexOf('\n');
  const line = end < 0 ? withoutBom : withoutBom.slice(0, end);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

export const DB_ROLES_USAGE = [
  '用法：APP_DB_PASSWORD=… npm run db:roles -- --app-user 登录名',
  '  以表的所有者（须有 CREATEROLE）或超级用户的 DATABASE_URL 运行：先执行迁移，再建立（或更新密码）应用的数据库登录，',
  '  并授予它恰好所需的权限：各表的增删改查，审计日志 audit_events 只能读取和追加，不拥有任何表。可重复执行。',
  '  之后应用以 DATABASE_URL=该登录、DATABASE_OWNER_URL=所有者 运行（迁移用所有者执行）。',
  '  登录名只能由小写字母、数字和下划线组成；密码（至少 16 个可打印 ASCII 字符）取自环境变量 APP_DB_PASSWORD。',
].join('\n');

export function parseDbRolesArgs(argv: readonly string[]): Parsed<{ appUser: string }> {
  const values = parseOptions(argv, { 'app-user': 'string' });
  if (values.help) return { kind: 'help' };
  const appUser = requiredString(values, 'app-user');
  const problem = loginNameProblem(appUser);
  if (problem) throw new UsageError(problem);
  return { kind: 'run', args: { appUser } };
}
