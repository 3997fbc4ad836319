'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { auditListQuery, type AuditFilterParams } from '@/lib/client-api/audit';
import { ApiError } from '@/lib/client-api/client';
import type { AuditEventSummary, AuditFilterOptions } from '@/lib/services/audit/audit-log';
import { AuditFilters } from './audit-filters';
import { ChainStatus } from './chain-status';
import { EventDetail } from './event-detail';
import { ExportPanel } from './export-panel';
import { showRole, showTime } from './labels';
import { Button } from '@/components/ui/button';
import { TableHead } from '@/components/ui/table';

function ErrorBox({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const fields = error instanceof ApiError ? Object.values(error.fieldErrors ?? {}).flat() : [];
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 p-4 text-sm text-red-800">
      <p>加载失败：{error.message}</p>
      {fields.length > 1 ? (
        <ul className="mt-1 list-disc pl-5">
          {fields.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <Button onClick={onRetry} variant="danger" size="sm" className="mt-2">
        重试
      </Button>
    </div>
  );
}

function EventRow({
  event,
  isSelected,
  onOpen,
}: {
  event: AuditEventSummary;
  isSelected: boolean;
  onOpen: () => void;
}) {
  const entity = event.entityId ? `${event.entityType} #${event.entityId}` : event.entityType;
  return (
    <tr className={isSelected ? 'bg-sky-50' : undefined}>
      <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{showTime(event.occurredAt)}</td>
      <td className="px-2 py-2 whitespace-nowrap">{event.actorUsername ?? '—'}</td>
      <td className="px-2 py-2 whitespace-nowrap text-gray-600">{showRole(event.actorRole)}</td>
      <td className="px-2 py-2 whitespace-nowrap" title={event.action}>
        {event.actionLabel}
      </td>
      <td className="max-w-[14rem] truncate px-2 py-2 text-gray-600" title={entity}>
        {entity}
      </td>
      <td className="max-w-[16rem] truncate px-2 py-2 text-gray-600" title={event.reason ?? undefined}>
        {event.reason ?? ''}
      </td>
      <td className="px-2 py-2 whitespace-nowrap">
        <Button onClick={onOpen} aria-pressed={isSelected} size="sm">
          查看 #{event.id}
        </Button>
      </td>
    </tr>
  );
}

export function AuditView({
  filters,
  options,
  canVerify,
  canExportAudit,
  canExportRecords,
}: {
  filters: AuditFilterParams;
  options: AuditFilterOptions;
  canVerify: boolean;
  canExportAudit: boolean;
  canExportRecords: boolean;
}) {
  const [selected, setSelected] = useState<number | null>(null);
  const closeDetail = useCallback(() => setSelected(null), []);
  const list = useInfiniteQuery(auditListQuery(filters));
  const events = list.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">审计日志</h1>
      {canVerify ? <ChainStatus onOpenEvent={setSelected} /> : null}
      <AuditFilters filters={filters} options={options} />
      {canExportAudit || canExportRecords ? (
        <ExportPanel
          filters={filters}
          indicators={options.indicators}
          canExportAudit={canExportAudit}
          canExportRecords={canExportRecords}
        />
      ) : null}
      <div>
        <section aria-labelledby="audit-list-title" className="rounded-lg border border-gray-200 bg-white shadow-sm">
          <h2 id="audit-list-title" className="border-b border-gray-100 px-4 py-3 text-base font-semibold">
            事件（按时间倒序）
          </h2>
          {list.isPending ? (
            <div className="h-40 animate-pulse bg-gray-100" aria-label="加载中" />
          ) : !list.data ? (
            <div className="p-4">
              <ErrorBox error={list.error ?? new Error('未知错误')} onRetry={() => list.refetch()} />
            </div>
          ) : events.length === 0 ? (
            <p className="px-4 py-6 text-sm text-gray-500">没有符合条件的事件</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full min-w-[860px] text-sm">
                <TableHead
                  columns={[
                    { label: '时间（北京时间）', className: 'px-3' },
                    '用户',
                    '角色',
                    '操作',
                    '对象',
                    '原因',
                    '详情',
                  ]}
                />
                <tbody className="divide-y divide-gray-100">
                  {events.map((event) => (
                    <EventRow
                      key={event.id}
                      event={event}
                      isSelected={selected === event.id}
                      onOpen={() => setSelected(event.id)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.hasNextPage ? (
            <div className="border-t border-gray-100 px-4 py-3">
              <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? '加载中…' : '加载更多'}
              </Button>
            </div>
          ) : events.length > 0 ? (
            <p className="border-t border-gray-100 px-4 py-3 text-xs text-gray-500">已显示全部 {events.length} 条</p>
          ) : null}
          {list.isFetchNextPageError && list.error ? (
            <div className="px-4 pb-3">
              <ErrorBox error={list.error} onRetry={() => list.fetchNextPage()} />
            </div>
          ) : null}
        </section>
        {selected !== null ? <EventDetail id={selected} options={options} onClose={closeDetail} /> : null}
      </div>
    </div>
  );
}
