'use client';

import { useState } from 'react';
import type { ImportResult } from '@/lib/services/imports/imports';
import { DataTable } from '@/components/ui/table';

const SHOWN_ROWS = 1000;
const STATUS = {
  ok: { text: '✓ 可导入', className: 'text-green-800' },
  error: { text: '✗ 有错误', className: 'text-red-800' },
  unchanged: { text: '— 不导入', className: 'text-gray-600' },
} as const;

/** Every row of a dry run with its result and messages; errors first on request. */
export function ResultTable({ result }: { result: ImportResult }) {
  const [onlyErrors, setOnlyErrors] = useState(result.errorCount > 0);
  const rows = onlyErrors ? result.rows.filter((r) => r.status === 'error') : result.rows;
  const periodLabel = result.kind === 'actuals' ? '填报期' : '年份';
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" role="status">
        <span>共 {result.rows.length} 行：</span>
        <span className="text-green-800">可导入 {result.okCount} 行</span>
        <span className={result.errorCount ? 'text-red-800' : ''}>有错误 {result.errorCount} 行</span>
        <span className="text-gray-600">不导入（无变化或未填写）{result.unchangedCount} 行</span>
        <label className="ml-auto flex items-center gap-1">
          <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} />
          只看有错误的行
        </label>
      </p>
      <DataTable
        headers={['行号', '指标编码', '县区', periodLabel, '数值', '结果', '说明']}
        minWidth="min-w-[760px]"
        maxHeight="max-h-[60vh]"
        caption="预检结果：每行的检查结果和错误说明"
      >
        {rows.slice(0, SHOWN_ROWS).map((r) => (
          <tr key={r.row} className={r.status === 'error' ? 'bg-red-50/50' : ''}>
            <td className="px-3 py-1.5 tabular-nums">第 {r.row} 行</td>
            <td className="px-3 py-1.5 font-mono text-xs">{r.indicatorCode || '—'}</td>
            <td className="px-3 py-1.5">{r.unitRef || '—'}</td>
            <td className="px-3 py-1.5">{r.period || '—'}</td>
            <td className="px-3 py-1.5">{r.value || '—'}</td>
            <td className={`px-3 py-1.5 whitespace-nowrap ${STATUS[r.status].className}`}>{STATUS[r.status].text}</td>
            <td className="px-3 py-1.5 text-xs">
              {r.messages.length ? (
                <ul className="space-y-0.5">
                  {r.messages.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {rows.length > SHOWN_ROWS ? (
        <p className="text-xs text-gray-500">
          只显示前 {SHOWN_ROWS} 行（共 {rows.length} 行）；请先修正错误的行。
        </p>
      ) : null}
    </div>
  );
}
