/** Input rules of the reminder settings (催报提醒): channels and thresholds. Objects are strict; messages name the field. */
import { z } from 'zod';

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `「${label}」应为 ${min}–${max} 的整数` })
    .int(`「${label}」应为 ${min}–${max} 的整数`)
    .min(min, `「${label}」应为 ${min}–${max} 的整数`)
    .max(max, `「${label}」应为 ${min}–${max} 的整数`);

const HOST = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const ADDRESS = /^[^\s@<>()",;:]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;

export const smtpSettingsSchema = z.strictObject({
  host: z
    .string({ error: '请填写「SMTP 服务器」' })
    .trim()
    .min(1, '请填写「SMTP 服务器」')
    .regex(HOST, '「SMTP 服务器」应为主机名或 IP 地址，如 smtp.example.gov.cn'),
  port: int('SMTP 端口', 1, 65535),
  secure: z.boolean({ error: '「SSL/TLS」应为是或否' }),
  username: z
    .string({ error: '「SMTP 用户名」应为文字' })
    .trim()
    .max(200, '「SMTP 用户名」不能超过 200 个字符')
    .default(''),
  /** Absent or empty: keep the stored password. */
  password: z.string({ error: '「SMTP 密码」应为文字' }).max(200, '「SMTP 密码」不能超过 200 个字符').optional(),
  from: z
    .string({ error: '请填写「发件人地址」' })
    .trim()
    .max(254, '「发件人地址」过长')
    .regex(ADDRESS, '「发件人地址」应为电子邮箱地址，如 cuiban@example.gov.cn'),
});

const webhookUrl = z
  .string({ error: '「Webhook 地址」应为网址' })
  .trim()
  .max(2000, '「Webhook 地址」不能超过 2000 个字符')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        url.hostname !== '' &&
        url.username === '' &&
        url.password === ''
      );
    } catch {
      return false;
    }
  }, '「Webhook 地址」应为 http(s):// 开头的完整网址，如政务微信或钉钉机器人的地址');

export const reminderSettingsSchema = z
  .strictObject({
    /** null: no e-mail. */
    email: smtpSettingsSchema.nullable(),
    /** null: no webhook; `url` absent or empty keeps the stored address. */
    webhook: z.strictObject({ url: z.union([webhookUrl, z.literal('')]).optional() }).nullable(),
    beforeDays: z
      .array(int('提前提醒天数', 0, 30), { error: '「提前提醒天数」应为整数列表，如 3,1' })
      .min(1, '「提前提醒天数」至少填一个，如 3,1')
      .max(5, '「提前提醒天数」最多 5 个')
      .refine((days) => new Set(days).size === days.length, '「提前提醒天数」不能重复'),
    reviewerAfterDays: int('逾期几天告知审核人', 1, 30),
    adminAfterDays: int('逾期几天汇总给管理员', 1, 60),
    version: z.string({ error: '缺少设置版本，请刷新页面后重试' }).max(40),
  })
  .refine((v) => v.adminAfterDays >= v.reviewerAfterDays, {
    path: ['adminAfterDays'],
    message: '「逾期几天汇总给管理员」不能早于「逾期几天告知审核人」',
  });
export type ReminderSettingsInput = z.output<typeof reminderSettingsSchema>;

/** A user's e-mail address for reminders: empty clears it. */
export const userEmailField = z
  .string({ error: '「电子邮箱」应为文字' })
  .trim()
  .max(254, '「电子邮箱」过长')
  .refine((v) => v === '' || ADDRESS.test(v), '「电子邮箱」应为电子邮箱地址，如 zhangsan@example.gov.cn');
