import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from './parse';
import { reminderSettingsSchema } from './reminders';

const GOOD = {
  email: {
    host: 'smtp.example.gov.cn',
    port: 465,
    secure: true,
    username: 'cuiban',
    password: 'x',
    from: 'cuiban@example.gov.cn',
  },
  webhook: { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc' },
  beforeDays: [3, 1],
  reviewerAfterDays: 2,
  adminAfterDays: 5,
  version: 'initial',
};

function fieldErrors(input: unknown): Record<string, string[]> {
  try {
    parseOrThrow(reminderSettingsSchema, input);
  } catch (error) {
    if (error instanceof AppError) return error.fieldErrors ?? {};
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reminderSettingsSchema', () => {
  it('accepts both channels, or none at all (then nothing is sent)', () => {
    expect(parseOrThrow(reminderSettingsSchema, GOOD).email?.host).toBe('smtp.example.gov.cn');
    expect(parseOrThrow(reminderSettingsSchema, { ...GOOD, email: null, webhook: null }).webhook).toBeNull();
  });

  it('refuses a webhook address that is not http(s) or carries a user and password', () => {
    for (const url of ['ftp://bot/x', 'javascript:alert(1)', 'https://user:pw@bot.example/x', 'not a url']) {
      expect(fieldErrors({ ...GOOD, webhook: { url } })['webhook.url']?.[0], url).toContain('「Webhook 地址」');
    }
  });

  it('names each bad field in Chinese: host, port, sender, days', () => {
    const errors = fieldErrors({
      ...GOOD,
      email: { ...GOOD.email, host: 'a b', port: 0, from: 'x' },
      beforeDays: [],
      reviewerAfterDays: 0,
    });
    expect(errors['email.host']?.[0]).toContain('「SMTP 服务器」');
    expect(errors['email.port']).toEqual(['「SMTP 端口」应为 1–65535 的整数']);
    expect(errors['email.from']?.[0]).toContain('「发件人地址」');
    expect(errors.beforeDays).toEqual(['「提前提醒天数」至少填一个，如 3,1']);
    expect(errors.reviewerAfterDays).toEqual(['「逾期几天告知审核人」应为 1–30 的整数']);
  });

  it('refuses repeated days, and admins told before reviewers', () => {
    expect(fieldErrors({ ...GOOD, beforeDays: [1, 1] }).beforeDays).toEqual(['「提前提醒天数」不能重复']);
    expect(fieldErrors({ ...GOOD, reviewerAfterDays: 5, adminAfterDays: 2 }).adminAfterDays?.[0]).toContain('不能早于');
  });
});
