'use client';

import { useState } from 'react';
import { auditApi, auditSearch, type AuditFilterParams } from '@/lib/client-api/audit';
import { ApiError } from '@/lib/client-api/client';
import { Button } from '@/components/ui/button';
import { Options } from '@/components/ui/options';

const INPUT = 'mt-1 w-full rounded border border-gray-300 px-2 py-1 text-sm';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'ok'; text: string } | { kind: 'error'; text: string };

function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = Object.values(error.fieldErrors ?? {}).flat();
    return fields.length ? fields.join('；') : error.message;
  }
  return error instanceof Error ? error.message : '导出失败';
}

/** Asks the server first (filters, size) so a refusal shows here; then lets the browser stream the file to disk. */
function useExport() {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const start = async (url: string) => {
    setStatus({ kind: 'busy' });
    try {
      const check = await auditApi.checkExport(url);
      setStatus({ kind: 'ok', text: `共 ${check.rowCount} 行，正在下载「${check.fileName}」…` });
      window.location.assign(url);
    } catch (error) {
      setStatus({ kind: 'error', text: errorText(error) });
    }
  };
  return { status, start };
}

function StatusLine({ status }: { status: Status }) {
  if (status.kind === 'ok') return <p className="text-sm text-green-800">{status.text}</p>;
  if (status.kind === 'error')
    return (
      <p role="alert" className="text-sm text-red-700">
        导出未开始：{status.text}
      </p>
    );
  return null;
}

function FormatButtons({ disabled, onExport }: { disabled: boolean; onExport: (format: 'csv' | 'xlsx') => void }) {
  return (
    <div className="flex gap-2">
      <Button disabled={disabled} onClick={() => onExport('xlsx')}>
        导出 XLSX
      </Button>
      <Button disabled={disabled} onClick={() => onExport('csv')}>
        导出 CSV
      </Button>
    </div>
  );
}

export function ExportPanel({
  filters,
  indicators,
  canExportAudit,
  canExportRecords,
}: {
  filters: AuditFilterParams;
  indicators: { id: number; code: string; name: string }[];
  canExportAudit: boolean;
  canExportRecords: boolean;
}) {
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');
  const [year, setYear] = useState('');
  const [code, setCode] = useState(indicators[0]?.code ?? '');
  const audit = useExport();
  const records = useExport();
  const bundle = useExport();
  return (
    <section aria-labelledby="export-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <h2 id="export-title" className="text-base font-semibold">
        导出
      </h2>
      <p className="mt-1 text-xs text-gray-500">
        每次导出都记入审计日志，并记录文件的 SHA-256 与行数。XLSX
        第二页列明筛选条件、导出时间、导出人、行数与审计链末尾哈希。
      </p>
      <div className="mt-3 grid gap-4 lg:grid-cols-3">
        {canExportAudit ? (
          <div className="space-y-2 rounded border border-gray-100 p-3">
            <h3 className="text-sm font-semibold">审计日志（使用上方其他筛选条件）</h3>
            <div className="grid grid-cols-2 gap-2">
              <label className="text-xs text-gray-700">
                开始日期
                <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} className={INPUT} />
              </label>
              <label className="text-xs text-gray-700">
                结束日期（含当天）
                <input type="date" value={to} onChange={(e) => setTo(e.target.value)} className={INPUT} />
              </label>
            </div>
            <p className="text-xs text-gray-500">须指定起止日期，跨度不限（如整个“十四五”）。</p>
            <FormatButtons
              disabled={audit.status.kind === 'busy'}
              onExport={(format) =>
                void audit.start(`/api/exports/audit${auditSearch({ ...filters, from, to }, { format })}`)
              }
            />
            <StatusLine status={audit.status} />
          </div>
        ) : null}
        {canExportRecords ? (
          <div className="space-y-2 rounded border border-gray-100 p-3">
            <h3 className="text-sm font-semibold">指标数据（目标、实绩、状态、填报与审核）</h3>
            <label className="block text-xs text-gray-700">
              年份（留空为全部年份）
              <input
                inputMode="numeric"
                value={year}
                onChange={(e) => setYear(e.target.value)}
                placeholder="如 2025"
                className={INPUT}
              />
            </label>
            <FormatButtons
              disabled={records.status.kind === 'busy'}
              onExport={(format) => {
                const q = new URLSearchParams({ format, ...(year.trim() ? { year: year.trim() } : {}) });
                void records.start(`/api/exports/records?${q.toString()}`);
              }}
            />
            <StatusLine status={records.status} />
          </div>
        ) : null}
        {canExportAudit ? (
          <div className="space-y-2 rounded border border-gray-100 p-3">
            <h3 className="text-sm font-semibold">指标审计包（数据、完整历史、审核、说明、批示、佐证材料清单）</h3>
            <label className="block text-xs text-gray-700">
              指标
              <select value={code} onChange={(e) => setCode(e.target.value)} className={INPUT}>
                <Options options={indicators.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))} />
              </select>
            </label>
            <FormatButtons
              disabled={bundle.status.kind === 'busy' || !code}
              onExport={(format) =>
                void bundle.start(`/api/exports/indicators/${encodeURIComponent(code)}?format=${format}`)
              }
            />
            {code ? (
              <p className="text-xs">
                <a
                  href={`/api/exports/indicators/${encodeURIComponent(code)}/evidence`}
                  download
                  className="text-red-800 underline"
                >
                  下载佐证材料包（ZIP：全部文件及清单，哈希与审计日志一致）
                </a>
              </p>
            ) : null}
            <StatusLine status={bundle.status} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
