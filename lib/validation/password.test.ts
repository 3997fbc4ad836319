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
    // A filler that is not a repetition (which the walk rule refuses on its own).
    const filler = (n: number) => Array.from({ length: n }, (_, i) => 'kxmpqzrw'[(i * 5) % 8] ?? 'k').join('');
    expect(checkPassword(`Aa1${filler(126)}`, 'zhangsan')).toEqual([TOO_LONG]);
    expect(checkPassword(`Aa1${filler(125)}`, 'zhangsan')).toEqual([]);
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

describe('checkPassword: guessable passwords (issue 12)', () => {
  const variant = (base: string) => expect.stringContaining(`常见密码「${base}」的变形`);

  it('refuses common passwords dressed up: case, leetspeak, digits and symbols around them', () => {
    expect(checkPassword('Password123!', 'zhangsan')).toEqual([variant('password')]);
    expect(checkPassword('P@ssw0rd2024', 'zhangsan')).toEqual([variant('password')]);
    expect(checkPassword('qwerty123!', 'zhangsan')).toEqual([variant('qwerty')]);
    expect(checkPassword('Qwerty123!', 'zhangsan')).toEqual([variant('qwerty')]);
    expect(checkPassword('Woaini1314!', 'zhangsan')).toEqual([variant('woaini')]);
    expect(checkPassword('Aa5201314!', 'zhangsan')).toEqual([variant('5201314')]);
    expect(checkPassword('Zhangwei@1988', 'zhangsan')).toEqual([variant('zhangwei')]);
    expect(checkPassword('!M0nkey2023', 'zhangsan')).toEqual([variant('monkey')]);
  });

  it('refuses keyboard walks and runs', () => {
    const walk = expect.stringContaining('键盘上相邻的按键');
    expect(checkPassword('1qaz@WSX3edc', 'zhangsan')).toEqual([walk]);
    expect(checkPassword('Zaq1@wsxCde3', 'zhangsan')).toEqual([walk]);
    expect(checkPassword('Abcdefg1234!', 'zhangsan')).toEqual([walk]);
    expect(checkPassword('Aaaaaa111111!', 'zhangsan')).toEqual([walk]);
  });

  it('refuses the username reversed, in leetspeak or with digits', () => {
    const reversed = '密码不能包含用户名（包括倒写或用数字、符号替换字母的写法）';
    expect(checkPassword('Nasgnahz#2025', 'zhangsan')).toEqual([reversed]);
    expect(checkPassword('Zh@ngs@n#2025', 'zhangsan')).toEqual([reversed]);
    expect(checkPassword('Zhangsan#2025', 'zhangsan')).toEqual([HAS_USERNAME]);
  });

  it('refuses the pinyin of the display name (full, given name, given name first)', () => {
    expect(checkPassword('Zhangwei#Kq81', 'u01', '张伟')).toEqual(['密码不能包含显示名的拼音（zhangwei）']);
    expect(checkPassword('Weizhang#Kq81', 'u01', '张伟')).toEqual(['密码不能包含显示名的拼音（weizhang）']);
    expect(checkPassword('Jianguo#Kq81', 'u01', '王建国')).toEqual(['密码不能包含显示名的拼音（jianguo）']);
    expect(checkPassword('Sh@nxiaoyu7#', 'u01', '单晓雨')).toEqual(['密码不能包含显示名的拼音（shanxiaoyu）']);
    expect(checkPassword('Kx9#mPq2Lw', 'u01', '张伟')).toEqual([]);
  });

  it('still accepts strong passwords, random ones included', () => {
    for (const pw of [
      'Kx9#mPq2Lw',
      'E2e-Test-Pass#2026',
      'Zs-Strong#2026x',
      'Nw7$tRb4Qe',
      '长治市Kx9mPq2Lw',
      'Correct-Horse-Battery-9',
    ]) {
      expect(checkPassword(pw, 'someone', '测试用户'), pw).toEqual([]);
    }
  });
});

describe('isCommonPassword', () => {
  it('holds the 1,000 most common passwords, Chinese favourites and generated pinyin names and years (thousands)', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThan(5000);
    for (const pw of ['woaini', '5201314', 'aini1314', 'zhangwei', 'wangfang', 'liuyang', '1988', 'zaq12wsx']) {
      expect(isCommonPassword(pw), pw).toBe(true);
    }
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
