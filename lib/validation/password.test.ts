import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORD_COUNT, isCommonPassword } from './common-passwords';
import { checkPassword } from './password';

const TOO_SHORT = '密码至少需要 10 个字符';
const TOO_LONG = '密码不能超过 128 个字符';
const CLASSES = '密码需包含大写字母、小写字母、数字、符号中的至少 3 类';
const HAS_USERNAME = '密码不能包含用户名';
const COMMON = '该密码过于常见，容易被猜到，请换一个';

describe('checkPassword', () => {
  it('accepts 10 characters of 3 classes that are neither the username nor common', () => {
    expect(checkPassword('Kx9mPq2Lwz', 'zhangsan')).toEqual([]);
    expect(checkPassword('kx9#mpq2lw', 'zhangsan')).toEqual([]);
    expect(checkPassword('长治市Kx9mPq2Lw', 'zhangsan')).toEqual([]);
  });

  it('refuses 9 characters and accepts 10 (the boundary)', () => {
    expect(checkPassword('Kx9mPq2Lw', 'zhangsan')).toEqual([TOO_SHORT]);
    expect(checkPassword('Kx9mPq2Lwz', 'zhangsan')).toEqual([]);
  });

  it('refuses more than 128 characters', () => {
    expect(checkPassword(`Aa1${'x'.repeat(126)}`, 'zhangsan')).toEqual([TOO_LONG]);
    expect(checkPassword(`Aa1${'x'.repeat(125)}`, 'zhangsan')).toEqual([]);
  });

  it('needs 3 of the 4 character classes', () => {
    expect(checkPassword('kxqmpzrlwt', 'zhangsan')).toEqual([CLASSES]);
    expect(checkPassword('kx9mpq2lwz', 'zhangsan')).toEqual([CLASSES]);
    expect(checkPassword('KX9MPQ2LWZ', 'zhangsan')).toEqual([CLASSES]);
    expect(checkPassword('Kx9mPq2Lwz', 'zhangsan')).toEqual([]);
    expect(checkPassword('KX9#PQ2LWZ', 'zhangsan')).toEqual([]);
  });

  it('refuses a password containing the username, whatever the case', () => {
    expect(checkPassword('Zhangsan#2025', 'zhangsan')).toEqual([HAS_USERNAME]);
    expect(checkPassword('x!ZHANGSAN9y', 'zhangsan')).toEqual([HAS_USERNAME]);
    expect(checkPassword('Zhangsan#2025', '')).toEqual([]);
  });

  it('refuses a common password even when it meets the other rules', () => {
    expect(checkPassword('Password123', 'zhangsan')).toEqual([COMMON]);
    expect(checkPassword('1Q2W3E4R5T', 'zhangsan')).toEqual([CLASSES, COMMON]);
  });

  it('returns every problem at once', () => {
    expect(checkPassword('abc', 'abc')).toEqual([TOO_SHORT, CLASSES, HAS_USERNAME]);
    expect(checkPassword('password', 'zhangsan')).toEqual([TOO_SHORT, CLASSES, COMMON]);
  });
});

describe('isCommonPassword', () => {
  it('holds the 1,000 most common passwords', () => {
    expect(COMMON_PASSWORD_COUNT).toBe(1000);
  });

  it('knows the top of the list and entries near its end', () => {
    for (const pw of ['123456', 'password', 'qwerty', '1qaz2wsx', 'iloveyou', 'password123', 'cobra']) {
      expect(isCommonPassword(pw), pw).toBe(true);
    }
  });

  it('ignores case', () => {
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(isCommonPassword('QwErTy')).toBe(true);
  });

  it('matches whole passwords only', () => {
    expect(isCommonPassword('Kx9mPq2Lwz')).toBe(false);
    expect(isCommonPassword('password!')).toBe(false);
    expect(isCommonPassword('')).toBe(false);
    expect(isCommonPassword('123456 password')).toBe(false);
  });
});
