/**
 * Input rules for users and departments. Every message is Chinese and names its field (「用户名」…);
 * cross-field rules (role ↔ department, password ↔ username) run even when other fields are wrong, so a
 * form gets every problem at once.
 */
import { z } from 'zod';
import { userEmailField } from './reminders';
import { requiresDepartment } from '@/lib/domain/permissions';
import { choicesText } from '@/lib/domain/labels';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/domain/types';
import { checkPassword } from './password';
import { codedEntrySchemas, flag, someChange, text } from './fields';

const ROLE_LIST_TEXT = choicesText(ROLES, ROLE_LABELS);

export const usernameField = text('用户名')
  .trim()
  .min(3, '「用户名」至少 3 个字符')
  .max(32, '「用户名」不能超过 32 个字符')
  .regex(/^[a-zA-Z0-9_.-]+$/, '「用户名」只能包含英文字母、数字、下划线（_）、点（.）和连字符（-）');

export const displayNameField = text('显示名')
  .trim()
  .min(1, '请填写「显示名」')
  .max(40, '「显示名」不能超过 40 个字符');

export const roleField = z.enum(ROLES, { error: `「角色」应为以下之一：${ROLE_LIST_TEXT}` });

/** A department code as typed in a user form; '' means none. */
const departmentCodeText = text('所属单位').trim().toLowerCase().max(32, '「所属单位」代码不能超过 32 个字符');

export const userIdField = z
  .number({ error: '「用户编号」应为数字' })
  .int('「用户编号」应为整数')
  .positive('「用户编号」应为正整数')
  .max(2_147_483_647, '「用户编号」超出范围');

export const departmentIdField = z
  .number({ error: '「单位编号」应为数字' })
  .int('「单位编号」应为整数')
  .positive('「单位编号」应为正整数')
  .max(2_147_483_647, '「单位编号」超出范围');

/**
 * The message when a role and a department do not go together, or null when they do. An official or reviewer
 * belongs to a department, to a unit (县区), or to a department within a unit.
 */
export function departmentRuleMessage(role: Role, hasDepartment: boolean, hasUnit = false): string | null {
  if (requiresDepartment(role) && !hasDepartment && !hasUnit) return `「${ROLE_LABELS[role]}」必须指定「所属单位」`;
  if (!requiresDepartment(role) && hasDepartment)
    return `「${ROLE_LABELS[role]}」不属于任何单位，请不要指定「所属单位」`;
  return null;
}

/** The message when a unit is given to a role that has none, or null. */
export function unitRuleMessage(role: Role, hasUnit: boolean): string | null {
  return !requiresDepartment(role) && hasUnit ? `「${ROLE_LABELS[role]}」不属于任何县区，请不要指定「所属县区」` : null;
}

/** A unit code as typed in a user form; '' means none. */
const unitCodeText = text('所属县区').trim().toLowerCase().max(32, '「所属县区」代码不能超过 32 个字符');

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Everything wrong with a new password; the username and display-name rules apply only once those fields
 * are themselves valid.
 */
export function passwordIssues(password: unknown, username: unknown, displayName?: unknown): string[] {
  if (typeof password !== 'string') return [];
  if (password === '') return ['请填写「密码」'];
  const validUsername = usernameField.safeParse(username);
  const validName = displayNameField.safeParse(displayName);
  return checkPassword(
    password,
    validUsername.success ? validUsername.data : '',
    validName.success ? validName.data : '',
  );
}

/** Fields may still hold raw input here (the refinement runs even when they failed), hence `unknown`. */
interface LooseUserInput {
  username?: unknown;
  displayName?: unknown;
  role?: unknown;
  departmentCode?: unknown;
  unitCode?: unknown;
  password?: unknown;
}

const ALWAYS = { when: () => true };

export const createUserSchema = z
  .strictObject({
    username: usernameField,
    displayName: displayNameField,
    role: roleField,
    departmentCode: departmentCodeText.nullish().transform((code) => code || null),
    unitCode: unitCodeText.nullish().transform((code) => code || undefined),
    password: text('密码').max(256, '密码不能超过 128 个字符'),
    mustChangePassword: flag('首次登录须修改密码').default(true),
    /** For e-mail reminders (催报提醒); absent or empty: none. */
    email: userEmailField.optional(),
  })
  .superRefine((value: LooseUserInput, ctx) => {
    const role = roleField.safeParse(value.role);
    const departmentMessage = role.success
      ? departmentRuleMessage(role.data, hasText(value.departmentCode), hasText(value.unitCode))
      : null;
    if (departmentMessage) ctx.addIssue({ code: 'custom', path: ['departmentCode'], message: departmentMessage });
    const unitMessage = role.success ? unitRuleMessage(role.data, hasText(value.unitCode)) : null;
    if (unitMessage) ctx.addIssue({ code: 'custom', path: ['unitCode'], message: unitMessage });
    for (const message of passwordIssues(value.password, value.username, value.displayName)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message });
    }
  }, ALWAYS);
export type CreateUserInput = z.output<typeof createUserSchema>;

/**
 * A change to a user. `departmentCode`, `unitCode`: absent keeps it, null or '' clears it. Whether role, department
 * and unit then go together depends on the stored user, so the service checks that (departmentRuleMessage,
 * unitRuleMessage).
 */
export const updateUserSchema = someChange(
  z.strictObject({
    displayName: displayNameField.optional(),
    role: roleField.optional(),
    departmentCode: departmentCodeText
      .nullable()
      .optional()
      .transform((code) => (code === undefined ? undefined : code || null)),
    /** Absent keeps it; null or '' clears it (a city-level user). */
    unitCode: unitCodeText
      .nullable()
      .optional()
      .transform((code) => (code === undefined ? undefined : code || null)),
    /** Absent keeps it; '' clears it. */
    email: userEmailField.optional(),
  }),
);
export type UpdateUserInput = z.output<typeof updateUserSchema>;

/** A user named by id (update, disable, reset, unlock…). */
export const userIdSchema = z.object({ id: userIdField });
/** An administrator's reset: only the user; the new password is generated. */
export const resetPasswordSchema = userIdSchema;

export const setUserDisabledSchema = z.object({ id: userIdField, disabled: flag('停用') });

/** The shape of a password change; the rules that need the stored user run in the service. */
export const changeOwnPasswordSchema = z.strictObject({
  currentPassword: text('当前密码').min(1, '请填写「当前密码」').max(256, '「当前密码」不正确'),
  newPassword: text('新密码').min(1, '请填写「新密码」').max(256, '「新密码」不能超过 128 个字符'),
});
export type ChangeOwnPasswordInput = z.output<typeof changeOwnPasswordSchema>;

export const totpCodeSchema = z.strictObject({
  code: text('动态验证码')
    .trim()
    .regex(/^\d{6}$/, '「动态验证码」应为 6 位数字'),
});

const departmentCodeField = text('单位代码')
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]{2,32}$/, '「单位代码」应为 2–32 位小写英文字母、数字或连字符（-）');
const departmentNameField = text('单位名称')
  .trim()
  .min(2, '「单位名称」至少 2 个字符')
  .max(40, '「单位名称」不能超过 40 个字符');
const departmentShortNameField = text('单位简称')
  .trim()
  .min(1, '请填写「单位简称」')
  .max(10, '「单位简称」不能超过 10 个字符');

const departmentSchemas = codedEntrySchemas(departmentCodeField, {
  name: departmentNameField,
  shortName: departmentShortNameField,
});
export const createDepartmentSchema = departmentSchemas.create;
export type CreateDepartmentInput = z.output<typeof createDepartmentSchema>;

export const departmentIdSchema = z.object({ id: departmentIdField });

export const updateDepartmentSchema = departmentSchemas.update;
export type UpdateDepartmentInput = z.output<typeof updateDepartmentSchema>;
