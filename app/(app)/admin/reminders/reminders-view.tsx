'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from '@/components/ui/link';
import { useState } from 'react';
import { labelOf, OUTBOX_STATUS_LABELS, REMINDER_CHANNEL_LABELS, REMINDER_KIND_LABELS } from '@/lib/domain/labels';
import type { RemindersView as View } from '@/lib/services/reminders/admin';
import { formatBeijingTime, toFormProblem } from '../_shared/format';
import { remindersApi, remindersQuery } from './queries';
import { Button } from '@/components/ui/button';
import { TableHead } from '@/components/ui/table';

const TABS = [
  { status: null, label: '全部' },
  { status: 'queued', label: OUTBOX_STATUS_LABELS.queued },
  { status: 'sending', label: OUTBOX_STATUS_LABELS.sending },
  { status: 'sent', label: OUTBOX_STATUS_LABELS.sent },
  { status: 'failed', label: OUTBOX_STATUS_LABELS.failed },
] as const;

const STATUS_STYLE: Record<string, string> = {
  queued: 'bg-yellow-50 text-yellow-900',
  sending: 'bg-blue-50 text-blue-900',
  sent: 'bg-green-50 text-green-900',
  failed: 'bg-red-50 text-red-900',
};

function Channels({ settings }: { settings: View['settings'] }) {
  const t = settings.thresholds;
  return (
    <section aria-labelledby="channels-heading" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <h2 id="channels-heading" className="text-lg font-semibold">
        发送渠道
      </h2>
      {settings.configured ? (
        <ul className="mt-2 space-y-1 text-sm">
          <li>
            {REMINDER_CHANNEL_LABELS.email}：
            {settings.email
              ? `已配置（${settings.email.host}:${settings.email.port}，发件人 ${settings.email.from}）`
              : '未配置'}
          </li>
          <li>
            {REMINDER_CHANNEL_LABELS.webhook}：{settings.webhook ? `已配置（${settings.webhook.url}）` : '未配置'}
          </li>
        </ul>
      ) : (
        <p
          role="status"
          className="mt-2 rounded border border-yellow-300 bg-yellow-50 px-3 py-2 text-sm text-yellow-900"
        >
          尚未配置任何发送渠道：系统不会生成、也不会发送任何提醒。请在
          <Link href="/admin/settings#reminders" className="mx-1 underline">
            设置
          </Link>
          中配置电子邮件（SMTP）或 Webhook。
        </p>
      )}
      <p className="mt-2 text-sm text-gray-600">
        规则：截止前 {t.beforeDays.join('、')} 天提醒未提交数据的填报人；逾期 {t.reviewerAfterDays}{' '}
        天再次提醒填报人并告知本单位审核人；逾期 {t.adminAfterDays}{' '}
        天将全市未报清单发给管理员。每条提醒只发送一次（按幂等键去重）。
        <Link href="/admin/settings#reminders" className="ml-1 underline">
          修改设置
        </Link>
      </p>
    </section>
  );
}

/** The outbox: counts by state, the latest messages, and "retry now" for a failed one. */
export function RemindersView({ status }: { status: string | null }) {
  const queryClient = useQueryClient();
  const { data, error } = useQuery(remindersQuery(status));
  const [done, setDone] = useState<string | null>(null);
  const retry = useMutation({
    mutationFn: remindersApi.retry,
    onSuccess: async (item) => {
      setDone(`已重新排队：${item.recipientName}（${item.subject}）`);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'reminders'] });
    },
  });
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">催报提醒</h1>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          加载失败：{error.message}
        </p>
      ) : null}
      {data ? <Channels settings={data.settings} /> : null}
      {data ? (
        <section aria-labelledby="outbox-heading" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
          <h2 id="outbox-heading" className="text-lg font-semibold">
            发送记录
          </h2>
          <nav aria-label="按状态筛选" className="mt-2 flex flex-wrap gap-2 text-sm">
            {TABS.map((tab) => {
              const count = tab.status
                ? data.counts[tab.status]
                : Object.values(data.counts).reduce((a, b) => a + b, 0);
              const current = tab.status === data.status;
              return (
                <Link
                  key={tab.label}
                  href={tab.status ? `/admin/reminders?status=${tab.status}` : '/admin/reminders'}
                  aria-current={current ? 'page' : undefined}
                  className={`rounded border px-2 py-0.5 ${current ? 'border-red-700 bg-red-50' : 'border-gray-300 hover:bg-gray-50'}`}
                >
                  {tab.label}（{count}）
                </Link>
              );
            })}
          </nav>
          {retry.error ? (
            <p role="alert" className="mt-2 text-sm text-red-800">
              {toFormProblem(retry.error).message}
            </p>
          ) : null}
          {done ? (
            <p role="status" className="mt-2 text-sm text-green-800">
              ✓ {done}
            </p>
          ) : null}
          {data.items.length === 0 ? (
            <p className="mt-3 text-sm text-gray-600">暂无提醒消息。</p>
          ) : (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[900px] text-left text-sm">
                <TableHead
                  className="border-b border-gray-200 text-xs text-gray-600"
                  cellPadding="py-1"
                  columns={[
                    { label: '生成时间', className: 'pr-2' },
                    { label: '类型', className: 'pr-2' },
                    { label: '期次', className: 'pr-2' },
                    { label: '收件人', className: 'pr-2' },
                    { label: '渠道', className: 'pr-2' },
                    { label: '状态', className: 'pr-2' },
                    { label: '尝试次数', className: 'pr-2' },
                    { label: '发送/下次尝试', className: 'pr-2' },
                    { label: '最后错误', className: 'pr-2' },
                    '操作',
                  ]}
                />
                <tbody>
                  {data.items.map((m) => (
                    <tr key={m.id} className="border-b border-gray-100 align-top">
                      <td className="py-1 pr-2 whitespace-nowrap">{formatBeijingTime(m.createdAt)}</td>
                      <td className="py-1 pr-2">{labelOf(REMINDER_KIND_LABELS, m.kind)}</td>
                      <td className="py-1 pr-2 whitespace-nowrap">
                        {m.period.year}年{m.period.month}月
                      </td>
                      <td className="py-1 pr-2">
                        {m.recipientName}
                        {m.channel === 'email' ? (
                          <span className="block text-xs text-gray-500">{m.recipient}</span>
                        ) : null}
                      </td>
                      <td className="py-1 pr-2">{labelOf(REMINDER_CHANNEL_LABELS, m.channel)}</td>
                      <td className="py-1 pr-2">
                        <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[m.status] ?? ''}`}>
                          {labelOf(OUTBOX_STATUS_LABELS, m.status)}
                        </span>
                      </td>
                      <td className="py-1 pr-2">{m.attempts}</td>
                      <td className="py-1 pr-2 whitespace-nowrap">
                        {m.status === 'sent'
                          ? formatBeijingTime(m.sentAt)
                          : m.status === 'queued'
                            ? formatBeijingTime(m.nextAttemptAt)
                            : '—'}
                      </td>
                      <td className="max-w-xs py-1 pr-2 text-xs break-words text-red-800">{m.lastError ?? ''}</td>
                      <td className="py-1">
                        {m.status === 'failed' ? (
                          <Button
                            disabled={retry.isPending}
                            onClick={() => {
                              setDone(null);
                              retry.mutate(m.id);
                            }}
                            aria-label={`立即重发给${m.recipientName}`}
                            size="sm"
                          >
                            立即重发
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {data.items.length >= data.limit ? (
                <p className="mt-2 text-xs text-gray-500">仅显示最近 {data.limit} 条。</p>
              ) : null}
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
