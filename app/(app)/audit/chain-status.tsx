'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { auditApi, auditVerifyQuery } from '@/lib/client-api/audit';
import type { VerifyReport } from '@/lib/services/audit/audit-log';
import { showTime } from './labels';
import { Button } from '@/components/ui/button';

function ReportBox({ report, onOpenEvent }: { report: VerifyReport; onOpenEvent: (id: number) => void }) {
  const tone = report.ok ? 'border-green-200 bg-green-50 text-green-900' : 'border-red-300 bg-red-50 text-red-900';
  return (
    <div className={`rounded border p-3 text-sm ${tone}`} role={report.ok ? 'status' : 'alert'}>
      <p className="font-semibold">{report.ok ? '✓ 审计链完整' : '✗ 审计链校验未通过'}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-gray-600">事件数</dt>
        <dd>{report.count}</dd>
        <dt className="text-gray-600">末尾事件</dt>
        <dd>{report.headId === null ? '—' : `#${report.headId}`}</dd>
        <dt className="text-gray-600">末尾哈希</dt>
        <dd className="font-mono text-xs break-all">{report.headHash}</dd>
        <dt className="text-gray-600">校验时间</dt>
        <dd>{showTime(report.verifiedAt)}</dd>
      </dl>
      {report.firstBreak ? (
        <p className="mt-2">
          {report.firstBreak.message}
          {report.breakCount > 1 ? `（共 ${report.breakCount} 处不符）` : ''}
          <Button
            onClick={() => report.firstBreak && onOpenEvent(report.firstBreak.id)}
            variant="danger"
            size="sm"
            className="ml-2"
          >
            查看事件 #{report.firstBreak.id}
          </Button>
        </p>
      ) : null}
      {report.checkpoint ? (
        <p className="mt-2">
          <span className="font-semibold">{report.checkpoint.ok ? '✓ 检查点：' : '✗ 检查点：'}</span>
          {report.checkpoint.message}
        </p>
      ) : null}
    </div>
  );
}

/** The chain's state at the top of the page: verify (again), download a checkpoint, compare with a kept one. */
export function ChainStatus({ onOpenEvent }: { onOpenEvent: (id: number) => void }) {
  const fileId = useId();
  const verify = useQuery(auditVerifyQuery());
  const checkpoint = useMutation({
    mutationFn: () => auditApi.downloadSmall('/api/audit/checkpoint', '审计检查点.json'),
  });
  const compare = useMutation({
    mutationFn: async (file: File) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new Error('所选文件不是有效的 JSON 检查点文件');
      }
      return auditApi.verifyAgainst(parsed);
    },
  });
  const report = compare.data ?? verify.data;
  return (
    <section aria-labelledby="chain-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="chain-title" className="mr-auto text-base font-semibold">
          审计链状态
        </h2>
        <Button
          onClick={() => {
            compare.reset();
            void verify.refetch();
          }}
          disabled={verify.isFetching}
        >
          {verify.isFetching ? '正在校验…' : '重新校验'}
        </Button>
        <Button onClick={() => checkpoint.mutate()} disabled={checkpoint.isPending}>
          {checkpoint.isPending ? '正在生成…' : '下载检查点'}
        </Button>
        <label
          htmlFor={fileId}
          className="cursor-pointer rounded border border-gray-300 px-3 py-1 text-sm hover:bg-gray-100"
        >
          与检查点比对…
        </label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) compare.mutate(file);
            e.target.value = '';
          }}
        />
      </div>
      <div className="mt-3" aria-live="polite">
        {verify.isPending || compare.isPending ? (
          <p className="text-sm text-gray-600">正在逐条校验审计链，事件较多时需要一些时间…</p>
        ) : report ? (
          <ReportBox report={report} onOpenEvent={onOpenEvent} />
        ) : null}
        {[verify.error, checkpoint.error, compare.error].map((error) =>
          error ? (
            <p key={error.message} role="alert" className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
              {error.message}
            </p>
          ) : null,
        )}
        {checkpoint.isSuccess ? (
          <p className="mt-2 text-sm text-gray-600">检查点已下载，请保存在本系统之外；日后可用“与检查点比对”核对。</p>
        ) : null}
      </div>
    </section>
  );
}
