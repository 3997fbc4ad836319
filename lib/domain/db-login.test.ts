import { describe, expect, it } from 'vitest';
import { loginNameProblem, loginPasswordProblem } from './db-login';

describe('loginNameProblem', () => {
  it('accepts plain lower-case identifiers', () => {
    expect(loginNameProblem('zhuashou_app')).toBeNull();
    expect(loginNameProblem('_app2')).toBeNull();
    expect(loginNameProblem('a'.repeat(63))).toBeNull();
  });

  it('refuses what would need quoting or could break out of the statement', () => {
    for (const bad of [
      '',
      'App',
      '1app',
      'app-user',
      'app user',
      'app"; drop table users; --',
      "app'",
      'a'.repeat(64),
      '用户',
    ]) {
      expect(loginNameProblem(bad), bad).toMatch(/无效/);
    }
  });

  it('refuses reserved names', () => {
    expect(loginNameProblem('pg_monitor')).toMatch(/保留/);
    expect(loginNameProblem('public')).toMatch(/保留/);
    expect(loginNameProblem('postgres')).toMatch(/保留/);
  });
});

describe('loginPasswordProblem', () => {
  it('wants 16 printable ASCII characters', () => {
    expect(loginPasswordProblem('short')).toMatch(/至少 16/);
    expect(loginPasswordProblem('with a space 12345')).toMatch(/ASCII/);
    expect(loginPasswordProblem('密码密码密码密码密码密码密码密码')).toMatch(/ASCII/);
    expect(loginPasswordProblem('Tr0ub4dor&3-horse-battery')).toBeNull();
  });
});
