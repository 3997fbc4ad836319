'use client';

import { useQuery } from '@tanstack/react-query';
import Link from '@/components/ui/link';
import { useState, type ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { FormFooter, TextField } from '@/components/ui/field';
import { SettingFields } from '../_shared/setting-fields';
import { useSettingsSave } from '../_shared/use-settings-save';
import { reminderSettingsQuery, remindersApi } from '../reminders/queries';

const FIELDS = [
  'email.host',
  'email.port',
  'email.secure',
  'email.username',
  'email.password',
  'email.from',
  'webhook.url',
  'beforeDays',
  'reviewerAfterDays',
  'adminAfterDays',
];
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const num = (value: string) => (value === '' ? Number.NaN : Number(value));

/** A sending channel: a fieldset whose legend is the checkbox that turns it on, its fields shown while on. */
function ChannelFieldset({
  label,
  on,
  onChange,
  children,
}: {
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="space-y-3 rounded border border-gray-200 p-3">
      <legend className="px-1 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
          {label}
        </label>
      </legend>
      {on ? children : null}
    </fieldset>
  );
}

/** 催报提醒: the channels (SMTP e-mail, a JSON webhook) and the thresholds, saved against their version. */
export function ReminderSettingsForm() {
  const { data } = useQuery(reminderSettingsQuery());
  const [emailOn, setEmailOn] = useState<boolean | null>(null);
  const [webhookOn, setWebhookOn] = useState<boolean | null>(null);
  const { problem, submit, footer } = useSettingsSave({
    save: remindersApi.saveSettings,
    invalidate: [
      ['admin', 'reminder-settings'],
      ['admin', 'reminders'],
    ],
    fields: FIELDS,
    savedMessage: '提醒设置已保存',
  });
  if (!data) return null;
  const email = emailOn ?? data.email !== null;
  const webhook = webhookOn ?? data.webhook !== null;
  const errors = (key: string) => problem?.fieldErrors[key];
  /** A text field of the e-mail channel, from its key: its form name, the saved value and the server's errors for it. */
  const emailField = (key: 'host' | 'username' | 'from') => ({
    name: key,
    defaultValue: data.email?.[key] ?? '',
    errors: errors(`email.${key}`),
  });
  const onSubmit = submit((form) => {
    const password = String(form.get('password') ?? '');
    return {
      email: email
        ? {
            host: text(form, 'host'),
            port: num(text(form, 'port')),
            secure: form.get('secure') === 'on',
            username: text(form, 'username'),
            ...(password ? { password } : {}),
            from: text(form, 'from'),
          }
        : null,
      webhook: webhook ? { url: text(form, 'url') } : null,
      beforeDays: text(form, 'beforeDays')
        .split(/[,，、\s]+/)
        .filter(Boolean)
        .map(num),
      reviewerAfterDays: num(text(form, 'reviewerAfterDays')),
      adminAfterDays: num(text(form, 'adminAfterDays')),
      version: data.version,
    };
  });
  const t = data.thresholds;
  return (
    <Card id="reminders" titleId="reminders-heading" title="催报提醒" size="lg">
      <p className="mt-1 text-sm text-gray-600">
        {data.configured
          ? '已配置发送渠道，提醒按下列规则自动发送。'
          : '尚未配置任何发送渠道：系统不会生成、也不会发送任何提醒。'}
        <Link href="/admin/reminders" className="ml-1 underline">
          查看发送记录
        </Link>
      </p>
      <form key={data.version} onSubmit={onSubmit} noValidate className="mt-3 max-w-3xl space-y-4">
        <ChannelFieldset label="电子邮件（SMTP）" on={email} onChange={setEmailOn}>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <TextField label="SMTP 服务器" {...emailField('host')} required />
            <TextField
              label="SMTP 端口"
              name="port"
              defaultValue={String(data.email?.port ?? 465)}
              hint="SSL/TLS 一般为 465，STARTTLS 为 587"
              errors={errors('email.port')}
              required
            />
            <label className="mt-6 flex items-center gap-2 text-sm">
              <input type="checkbox" name="secure" defaultChecked={data.email?.secure ?? true} />
              使用 SSL/TLS 连接
            </label>
            <TextField label="SMTP 用户名" {...emailField('username')} />
            <TextField
              label="SMTP 密码"
              name="password"
              type="password"
              autoComplete="new-password"
              hint={data.email?.hasPassword ? '已设置（加密保存）；留空则保持不变' : '加密保存，保存后不再显示'}
              errors={errors('email.password')}
            />
            <TextField label="发件人地址" {...emailField('from')} required />
          </div>
        </ChannelFieldset>
        <ChannelFieldset label="Webhook（政务微信/钉钉机器人，POST JSON）" on={webhook} onChange={setWebhookOn}>
          <TextField
            label="Webhook 地址"
            name="url"
            hint={
              data.webhook
                ? `已配置：${data.webhook.url}（加密保存；留空则保持不变）`
                : '机器人的完整地址，含 access_token 等参数；加密保存'
            }
            errors={errors('webhook.url')}
          />
        </ChannelFieldset>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <SettingFields
            fields={[
              {
                name: 'beforeDays',
                label: '提前提醒天数',
                value: t.beforeDays.join(','),
                hint: '截止日前几天提醒填报人，逗号分隔（默认 3,1）',
              },
              {
                name: 'reviewerAfterDays',
                label: '逾期几天告知审核人',
                value: String(t.reviewerAfterDays),
                hint: '默认 2：同时再次提醒填报人',
              },
              {
                name: 'adminAfterDays',
                label: '逾期几天汇总给管理员',
                value: String(t.adminAfterDays),
                hint: '默认 5',
              },
            ]}
            errors={errors}
          />
        </div>
        <FormFooter {...footer} label="保存提醒设置" />
      </form>
    </Card>
  );
}
