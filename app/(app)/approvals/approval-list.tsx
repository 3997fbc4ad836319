'use client';

import { usePageQuery } from '@/components/query/use-page-query';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from '@/components/ui/link';
import { useState, type ReactNode } from 'react';
import { EvidenceList } from '@/components/kpi/evidence-list';
import { FigureText } from '@/components/kpi/figure-text';
import { SampleBadge } from '@/components/kpi/status-badge';
import { ApiError, fetchJson } from '@/lib/client-api/client';
import { approvalsQuery } from '@/lib/client-api/queries';
import { formatNumber } from '@/lib/domain/format';
import { formatPeriodLabel } from '@/lib/domain/period';
import type { ApprovalQueue } from '@/lib/services/reporting/entry-sheet';
import { Button } from '@/components/ui/button';

/** One line of a submission's details (备注：…), left out when there is nothing to show. */
function Detail({ term, children }: { term: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div>
      <dt className="inline">{term}：</dt>
      <dd className="inline">{children}</dd>
    </div>
  );
}

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
});

function ApprovalItem({ item }: { item: ApprovalQueue[number] }) {
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (action: 'approve' | 'return') =>
      fetchJson(`/api/actuals/${item.id}/${action}`, {
        method: 'POST',
        body: JSON.stringify(action === 'return' ? { version: item.version, reason } : { version: item.version }),
      }),
    onSuccess: () => {
      setError(null);
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    },
    onError: (e) =>
      setError(e instanceof ApiError && e.fieldErrors?.reason ? e.fieldErrors.reason.join('；') : e.message),
  });
  const changed = item.returned && item.returned.value !== item.value;
  return (
    <li className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 className="font-semibold">
          <Link href={`/indicators/${item.indicator.code}`} className="hover:underline">
            {item.indicator.name}
          </Link>
        </h2>
        <span className="text-sm text-gray-600">
          {formatPeriodLabel(item.period)} · {item.departmentName}
        </span>
        {item.isSample ? <SampleBadge /> : null}
        <span className="text-sm text-gray-500">
          {item.submittedBy ?? (item.isSample ? '示例数据' : '—')} 提交于{' '}
          {item.submittedAt ? timeFormat.format(new Date(item.submittedAt)) : '—'}
        </span>
      </div>
      <p className="mt-2 text-lg font-semibold">
        <FigureText figure={item} unit={item.indicator.unit} />
      </p>
      {item.returned ? (
        <p className="mt-1 rounded bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
          重新提交：退回时为{' '}
          {item.returned.value === null ? '—' : `${formatNumber(item.returned.value)}${item.indicator.unit}`}
          {changed ? `，现为 ${formatNumber(item.value ?? '0')}${item.indicator.unit}（已修改）` : '（数值未改）'}
          ；退回原因：{item.returned.reason}
        </p>
      ) : null}
      <dl className="mt-2 space-y-1 text-sm text-gray-700">
        <Detail term="备注">{item.note}</Detail>
        <Detail term="情况说明">{item.explanation}</Detail>
        <Detail term="佐证材料">
          {item.evidenceUrl ? (
            <a href={item.evidenceUrl} className="text-blue-700 underline" rel="noreferrer noopener" target="_blank">
              {item.evidenceUrl}
            </a>
          ) : null}
        </Detail>
        {item.evidence.length ? (
          <div>
            <dt className="font-semibold">佐证材料（{item.evidence.length} 个文件）：</dt>
            <dd className="mt-1">
              <EvidenceList items={item.evidence} />
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="mt-3 flex flex-wrap items-start gap-2">
        <Button disabled={act.isPending} onClick={() => act.mutate('approve')} variant="success">
          审核通过
        </Button>
        {returning ? (
          <form
            className="flex flex-1 flex-wrap items-start gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              act.mutate('return');
            }}
          >
            <label className="sr-only" htmlFor={`reason-${item.id}`}>
              退回原因
            </label>
            <input
              id={`reason-${item.id}`}
              autoFocus
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="退回原因（必填）：请写明需要修改的地方"
              className="min-w-64 flex-1 rounded border border-gray-300 px-2 py-1.5 text-sm"
            />
            <Button type="submit" disabled={act.isPending} variant="primary">
              确认退回
            </Button>
          </form>
        ) : (
          <Button onClick={() => setReturning(true)} variant="danger">
            退回
          </Button>
        )}
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}

export function ApprovalList() {
  const { data, fallback } = usePageQuery(approvalsQuery(), { tiles: 0, blocks: 2 });
  if (!data) return fallback;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">数据审核 · 待审核 {data.items.length} 项</h1>
      {data.items.length ? (
        <ul className="space-y-3">
          {data.items.map((item) => (
            <ApprovalItem key={`${item.id}-${item.version}`} item={item} />
          ))}
        </ul>
      ) : (
        <p className="rounded border border-gray-200 bg-white p-6 text-center text-gray-500">暂无待审核的数据</p>
      )}
    </div>
  );
}
