import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { FORM_ERROR_KEY, parseOrThrow } from './parse';
import {
  createDepartmentSchema,
  createUserSchema,
  departmentRuleMessage,
  updateDepartmentSchema,
  updateUserSchema,
} from './users';

const GOOD = { username: 'zhangsan', displayName: '张三', role: 'leader', password: 'Kx9#mPq2Lw' };

function fieldErrorsOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('invalid_input');
    return appError.fieldErrors ?? {};
  }
  throw new Error('expected the input to be refused');
}

describe('createUserSchema', () => {
  it('accepts a valid user, trims text and defaults mustChangePassword to true', () => {
    const parsed = parseOrThrow(createUserSchema, { ...GOOD, username: ' zhangsan ', displayName: ' 张三 ' });
    expect(parsed).toEqual({ ...GOOD, departmentCode: null, mustChangePassword: true });
  });

  it('reports every wrong field at once, each message naming its field', () => {
    const errors = fieldErrorsOf(() =>
      parseOrThrow(createUserSchema, { username: 'a!', displayName: '', role: 'boss', password: 'short' }),
    );
    expect(Object.keys(errors).sort()).toEqual(['displayName', 'password', 'role', 'username']);
    expect(errors.username).toEqual(['「用户名」至少 3 个字符', expect.stringContaining('「用户名」只能包含')]);
    expect(errors.displayName).toEqual(['请填写「显示名」']);
    expect(errors.role?.[0]).toContain('「角色」');
    expect(errors.password).toEqual([
      '密码至少需要 10 个字符',
      '密码需包含大写字母、小写字母、数字、符号中的至少 3 类',
    ]);
  });

  it('names missing fields and fields of the wrong type', () => {
    const errors = fieldErrorsOf(() => parseOrThrow(createUserSchema, { username: 42, mustChangePassword: 'yes' }));
    expect(errors.username).toEqual(['「用户名」应为文本']);
    expect(errors.displayName).toEqual(['请填写「显示名」']);
    expect(errors.password).toEqual(['请填写「密码」']);
    expect(errors.mustChangePassword?.[0]).toContain('「首次登录须修改密码」');
  });

  it('requires a department for officials and reviewers, and refuses one for other roles', () => {
    for (const role of ['official', 'reviewer']) {
      const errors = fieldErrorsOf(() => parseOrThrow(createUserSchema, { ...GOOD, role, departmentCode: '  ' }));
      expect(errors.departmentCode?.[0]).toContain('必须指定「所属单位」');
    }
    for (const role of ['admin', 'leader', 'auditor']) {
      const errors = fieldErrorsOf(() => parseOrThrow(createUserSchema, { ...GOOD, role, departmentCode: 'fgw' }));
      expect(errors.departmentCode?.[0]).toContain('不属于任何单位');
    }
    expect(parseOrThrow(createUserSchema, { ...GOOD, role: 'official', departmentCode: ' FGW ' }).departmentCode).toBe(
      'fgw',
    );
  });

  it('checks the department and the password even when another field is wrong', () => {
    const errors = fieldErrorsOf(() =>
      parseOrThrow(createUserSchema, { ...GOOD, displayName: 7, role: 'official', password: 'Zhangsan2025' }),
    );
    expect(Object.keys(errors).sort()).toEqual(['departmentCode', 'displayName', 'password']);
    expect(errors.password).toEqual(['密码不能包含用户名']);
  });

  it('refuses a 10 kB value with a message, not a crash', () => {
    const huge = 'x'.repeat(10_240);
    const errors = fieldErrorsOf(() => parseOrThrow(createUserSchema, { ...GOOD, displayName: huge, password: huge }));
    expect(errors.displayName).toEqual(['「显示名」不能超过 40 个字符']);
    expect(errors.password).toContain('密码不能超过 128 个字符');
  });

  it('summarises the errors in the AppError message', () => {
    expect(() => parseOrThrow(createUserSchema, { username: 'a', displayName: '', role: 'x', password: '' })).toThrow(
      /^「用户名」.*；.*等 4 处问题$/,
    );
  });
});

describe('departmentRuleMessage', () => {
  it('is null exactly when role and department go together', () => {
    expect(departmentRuleMessage('official', true)).toBeNull();
    expect(departmentRuleMessage('leader', false)).toBeNull();
    expect(departmentRuleMessage('reviewer', false)).toContain('审核员');
    expect(departmentRuleMessage('auditor', true)).toContain('审计员');
  });
});

describe('updateUserSchema', () => {
  it('keeps an absent department absent and turns an empty one into null (clear)', () => {
    expect(parseOrThrow(updateUserSchema, { displayName: '李四' })).toEqual({ displayName: '李四' });
    expect(parseOrThrow(updateUserSchema, { email: ' lisi@example.gov.cn ' })).toEqual({
      email: 'lisi@example.gov.cn',
    });
    expect(parseOrThrow(updateUserSchema, { email: '' })).toEqual({ email: '' });
    expect(fieldErrorsOf(() => parseOrThrow(updateUserSchema, { email: 'lisi at example' })).email).toEqual([
      '「电子邮箱」应为电子邮箱地址，如 zhangsan@example.gov.cn',
    ]);
    expect(parseOrThrow(updateUserSchema, { departmentCode: '' })).toEqual({ departmentCode: null });
    expect(parseOrThrow(updateUserSchema, { departmentCode: null })).toEqual({ departmentCode: null });
  });

  it('refuses an empty change', () => {
    expect(fieldErrorsOf(() => parseOrThrow(updateUserSchema, {}))).toEqual({
      [FORM_ERROR_KEY]: ['没有需要修改的内容'],
    });
  });
});

describe('department schemas', () => {
  it('accepts a department and lower-cases its code', () => {
    expect(parseOrThrow(createDepartmentSchema, { code: 'FGW-2', name: '发展改革委', shortName: '发改委' })).toEqual({
      code: 'fgw-2',
      name: '发展改革委',
      shortName: '发改委',
    });
  });

  it('reports code, name and short name problems together', () => {
    const errors = fieldErrorsOf(() =>
      parseOrThrow(createDepartmentSchema, { code: 'f', name: '委', shortName: '一二三四五六七八九十一' }),
    );
    expect(errors).toEqual({
      code: ['「单位代码」应为 2–32 位小写英文字母、数字或连字符（-）'],
      name: ['「单位名称」至少 2 个字符'],
      shortName: ['「单位简称」不能超过 10 个字符'],
    });
    expect(
      fieldErrorsOf(() => parseOrThrow(createDepartmentSchema, { code: 'fgw_1', name: '发改委', shortName: '发改' })),
    ).toHaveProperty('code');
  });

  it('updates need at least one field, and isActive must be a boolean', () => {
    expect(fieldErrorsOf(() => parseOrThrow(updateDepartmentSchema, {}))).toHaveProperty(FORM_ERROR_KEY);
    expect(fieldErrorsOf(() => parseOrThrow(updateDepartmentSchema, { isActive: 'no' })).isActive?.[0]).toContain(
      '「启用」',
    );
  });
});
