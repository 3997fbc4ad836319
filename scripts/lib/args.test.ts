import { describe, expect, it } from 'vitest';
import {
  firstLine,
  parseDbRolesArgs,
  parseOptions,
  parseRole,
  parseUserAddArgs,
  parseUserResetArgs,
  UsageError,
} from './args';

describe('parseUserAddArgs', () => {
  it('reads the documented options, with --name defaulting to the username', () => {
    expect(parseUserAddArgs(['--username', 'zhangsan', '--role', 'official', '--department', 'fgw'])).toEqual({
      kind: 'run',
      args: {
        username: 'zhangsan',
        role: 'official',
        departmentCode: 'fgw',
        displayName: 'zhangsan',
        mustChangePassword: true,
      },
    });
  });

  it('accepts --key=value, a Chinese role name, a display name and --no-force-change', () => {
    expect(
      parseUserAddArgs(['--username=admin', '--role=系统管理员', '--name', '系统管理员', '--no-force-change']),
    ).toEqual({
      kind: 'run',
      args: { username: 'admin', role: 'admin', displayName: '系统管理员', mustChangePassword: false },
    });
  });

  it('ignores the "--" that npm run may pass through, and answers --help (after checking the rest)', () => {
    expect(parseUserAddArgs(['--', '--username', 'u1x', '--role', 'leader']).kind).toBe('run');
    expect(parseUserAddArgs(['--help'])).toEqual({ kind: 'help' });
    expect(() => parseUserAddArgs(['-h', '--bogus'])).toThrow('未知参数：--bogus');
  });

  it('refuses, in Chinese, what it does not understand', () => {
    const cases: [string[], string][] = [
      [['--role', 'leader'], '缺少参数 --username'],
      [['--username', 'u1'], '缺少参数 --role'],
      [['--username', 'u1', '--role', 'mayor'], '参数 --role 应为以下之一'],
      [['--username', '--role', 'leader'], '参数 --username 缺少值'],
      [['--username', 'a', '--username', 'b', '--role', 'leader'], '参数 --username 重复'],
      [['--usr', 'a'], '未知参数：--usr'],
      [['--constructor', 'a'], '未知参数：--constructor'],
      [['zhangsan'], '无法识别的参数：zhangsan'],
      [['--no-force-change=yes'], '参数 --no-force-change 不带值'],
    ];
    for (const [argv, message] of cases) {
      expect(() => parseUserAddArgs(argv), argv.join(' ')).toThrow(UsageError);
      expect(() => parseUserAddArgs(argv), argv.join(' ')).toThrow(message);
    }
  });
});

describe('parseUserResetArgs', () => {
  it('needs --username and nothing else', () => {
    expect(parseUserResetArgs(['--username', ' admin '])).toEqual({ kind: 'run', args: { username: 'admin' } });
    expect(() => parseUserResetArgs([])).toThrow('缺少参数 --username');
    expect(() => parseUserResetArgs(['--username', 'a', '--role', 'admin'])).toThrow('未知参数：--role');
  });
});

describe('parseRole', () => {
  it('takes the code in any case or the Chinese name', () => {
    expect(parseRole('Reviewer')).toBe('reviewer');
    expect(parseRole('审计员')).toBe('auditor');
    expect(() => parseRole('')).toThrow(UsageError);
  });
});

describe('parseOptions', () => {
  it('keeps values that contain "=" after the first one', () => {
    expect(parseOptions(['--name=a=b'], { name: 'string' })).toEqual({ name: 'a=b' });
  });
});

describe('firstLine', () => {
  it('takes the first line without its ending or a BOM, and keeps spaces inside the password', () => {
    expect(firstLine('Kx9#mPq2Lw\n')).toBe('Kx9#mPq2Lw');
    expect(firstLine('Kx9#mPq2Lw\r\nsecond\n')).toBe('Kx9#mPq2Lw');
    expect(firstLine('\uFEFFa b c')).toBe('a b c');
    expect(firstLine('')).toBe('');
  });
});

describe('parseDbRolesArgs', () => {
  it('needs --app-user, a plain lower-case identifier', () => {
    expect(parseDbRolesArgs(['--', '--app-user', 'zhuashou_app'])).toEqual({
      kind: 'run',
      args: { appUser: 'zhuashou_app' },
    });
    expect(() => parseDbRolesArgs([])).toThrow('缺少参数 --app-user');
    expect(() => parseDbRolesArgs(['--app-user', 'app"; drop role postgres; --'])).toThrow(/登录名「.*」无效/);
    expect(() => parseDbRolesArgs(['--app-user', 'pg_admin'])).toThrow(/保留/);
  });
});
