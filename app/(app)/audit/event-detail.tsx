'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { auditEventQuery } from '@/lib/client-api/audit';
import { diffFields, type FieldDiff } from '@/lib/domain/audit-diff';
import type { AuditFilterOptions } from '@/lib/services/audit/audit-log';
import { showRole, showTime } from './labels';
import { Button } from '@/components/ui/button';
import { TableHead } from '@/components/ui/table';

const MARKS: Record<FieldDiff['status'], { text: string; row: string } | null> = {
  changed: { text: '已修改', row: 'bg-amber-50' },
  added: { text: '新增', row: 'bg-green-50' },
  removed: { text: '删除', row: 'bg-red-50' },
  same: null,
};

function Value({ text }: { text: string | null }) {
  if (text === null) return <span className="text-gray-500">（无）</span>;
  return <pre className="font-mono text-xs break-all whitespace-pre-wrap">{text}</pre>;
}

/** One event: who, when, what, and before/after side by side with the changed fields marked in words and colour. */
export function EventDetail({
  id,
  options,
  onClose,
}: {
  id: number;
  options: AuditFilterOptions;
  onClose: () => void;
}) {
  const { data, error, isPending } = useQuery(auditEventQuery(id));
  const [changedOnly, setChangedOnly] = useState(false);
  const titleId = `event-${id}-title`;
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), [id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const department = options.departments.find((d) => d.id === data?.departmentId);
  const indicator = options.indicators.find((i) => i.id === data?.indicatorId);
  const rows = data ? diffFields(data.before, data.after) : [];
  const shown = changedOnly ? rows.filter((r) => r.status !== 'same') : rows;
  return (
    <aside
      aria-labelledby={titleId}
      className="fixed inset-y-0 right-0 z-40 w-full max-w-2xl overflow-y-auto border-l border-gray-200 bg-white p-4 shadow-2xl"
    >
      <div className="flex items-center gap-2">
        <h2 id={titleId} ref={titleRef} tabIndex={-1} className="mr-auto text-base font-semibold outline-none">
          事件 #{id}
        </h2>
        <Button onClick={onClose} size="sm">
          关闭（Esc）
        </Button>
      </div>
      {isPending ? <p className="mt-3 text-sm text-gray-500">加载中…</p> : null}
      {error ? (
        <p role="alert" className="mt-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      ) : null}
      {data ? (
        <>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-gray-500">时间</dt>
            <dd>{showTime(data.occurredAt)}（北京时间）</dd>
            <dt className="text-gray-500">用户</dt>
            <dd>
              {data.actorUsername ?? '—'}（{showRole(data.actorRole)}）
            </dd>
            <dt className="text-gray-500">操作</dt>
            <dd>
              {data.actionLabel} <span className="text-xs text-gray-500">{data.action}</span>
            </dd>
            <dt className="text-gray-500">对象</dt>
            <dd>{data.entityId ? `${data.entityType} #${data.entityId}` : data.entityType}</dd>
            {department ? (
              <>
                <dt className="text-gray-500">单位</dt>
                <dd>{department.name}</dd>
              </>
            ) : null}
            {indicator ? (
              <>
                <dt className="text-gray-500">指标</dt>
                <dd>
                  {indicator.code} {indicator.name}
                </dd>
              </>
            ) : null}
            <dt className="text-gray-500">原因</dt>
            <dd>{data.reason ?? '—'}</dd>
            <dt className="text-gray-500">客户端地址</dt>
            <dd>{data.clientAddress ?? '—'}</dd>
            <dt className="text-gray-500">哈希</dt>
            <dd className="font-mono text-xs break-all">{data.hash}</dd>
            <dt className="text-gray-500">上一哈希</dt>
            <dd className="font-mono text-xs break-all">{data.prevHash}</dd>
          </dl>
          <div className="mt-4 flex items-center gap-2">
            <h3 className="mr-auto text-sm font-semibold">变更前后对比</h3>
            <label className="flex items-center gap-1 text-xs text-gray-600">
              <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} />
              只看变化的字段
            </label>
          </div>
          {shown.length === 0 ? (
            <p className="mt-2 text-sm text-gray-500">
              {rows.length === 0 ? '此事件没有记录变更前后的值' : '没有变化的字段'}
            </p>
          ) : (
            <table className="mt-2 w-full table-fixed text-sm">
              <TableHead
                cellPadding="px-2 py-1"
                columns={[{ label: '字段', className: 'w-1/4' }, '变更前', '变更后']}
              />
              <tbody className="divide-y divide-gray-100 align-top">
                {shown.map((row) => {
                  const mark = MARKS[row.status];
                  return (
                    <tr key={row.key} className={mark?.row}>
                      <td className="px-2 py-1 font-mono text-xs break-all">
                        {row.key}
                        {mark ? (
                          <span className="ml-1 rounded bg-white px-1 font-sans text-[11px] font-semibold text-gray-800 ring-1 ring-gray-300">
                            {mark.text}
                          </span>
                        ) : null}
                      </td>
                      <td className="px-2 py-1">
                        <Value text={row.before} />
                      </td>
                      <td className="px-2 py-1">
                        <Value text={row.after} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </aside>
  );
}
