'use client';
/** The 通报 page: pick a period, generate the bulletin (Word and PDF), and the list of those generated so far. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { ApiError } from '@/lib/client-api/client';
import { bulletinsApi, bulletinsQuery } from '@/lib/client-api/bulletins';
import { Button } from '@/components/ui/button';
import { MONTHS, Options } from '@/components/ui/options';
import { TableHead } from '@/components/ui/table';

const SELECT = 'mt-1 block rounded border border-gray-300 bg-white px-2 py-1 text-sm';
const FORMAT_LABELS: Record<string, string> = { docx: 'Word', pdf: 'PDF' };

function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = Object.values(error.fieldErrors ?? {}).flat();
    return fields.length ? fields.join('；') : error.message;
  }
  return error instanceof Error ? error.message : '生成失败';
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function BulletinsView() {
  const queryClient = useQueryClient();
  const { data, error } = useQuery(bulletinsQuery());
  const [picked, setPicked] = useState<{ year: number; month: number } | null>(null);
  const [createdId, setCreatedId] = useState<number | null>(null);
  const generate = useMutation({
    mutationFn: bulletinsApi.generate,
    onSuccess: async ({ id }) => {
      setCreatedId(id);
      await queryClient.invalidateQueries({ queryKey: bulletinsQuery().queryKey });
    },
  });

  if (!data)
    return (
      <p role="alert" className="text-sm text-red-700">
        {error ? errorText(error) : '正在加载…'}
      </p>
    );
  const period = picked ?? data.latest;
  const years = [...new Set([data.current.year, ...data.years])].sort((a, b) => b - a);
  const monthAllowed = (m: number) =>
    period.year < data.current.year || (period.year === data.current.year && m <= data.current.month);

  return (
    <div className="space-y-4">
      <PageHeader
        crumbs={[{ href: '/', label: '总览' }]}
        title="七个主抓手目标任务进展情况通报"
        subtitle="按月生成通报（Word 与 PDF），生成的文件连同 SHA-256 留存并记入审计日志，再次下载与生成时逐字节一致。"
      />

      <section aria-labelledby="generate-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <h2 id="generate-title" className="text-base font-semibold">
          生成通报
        </h2>
        <form
          className="mt-3 flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            setCreatedId(null);
            generate.mutate(period);
          }}
        >
          <label className="text-sm">
            年份
            <select
              className={SELECT}
              value={period.year}
              onChange={(e) => setPicked({ year: Number(e.target.value), month: period.month })}
            >
              <Options options={years.map((y) => ({ value: y, label: `${y}年` }))} />
            </select>
          </label>
          <label className="text-sm">
            月份
            <select
              className={SELECT}
              value={period.month}
              onChange={(e) => setPicked({ year: period.year, month: Number(e.target.value) })}
            >
              <Options options={MONTHS.map((m) => ({ value: m, label: `${m}月`, disabled: !monthAllowed(m) }))} />
            </select>
          </label>
          <Button type="submit" disabled={generate.isPending} variant="primary">
            {generate.isPending ? '正在生成…' : '生成通报'}
          </Button>
          <span className="text-xs text-gray-500">生成需数秒：汇总本期全部指标，排版 Word 并打印 PDF。</span>
        </form>
        {generate.isError ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            未能生成：{errorText(generate.error)}
          </p>
        ) : null}
        {createdId !== null ? (
          <p role="status" className="mt-2 text-sm text-green-800">
            已生成 {period.year}年{period.month}月 通报，见下表第一行。
          </p>
        ) : null}
      </section>

      <section aria-labelledby="list-title" className="rounded-lg border border-gray-200 bg-white shadow-sm">
        <h2 id="list-title" className="px-4 pt-4 text-base font-semibold">
          已生成的通报
        </h2>
        {data.bulletins.length === 0 ? (
          <p className="p-4 text-sm text-gray-600">尚未生成通报。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="mt-2 w-full text-sm">
              <TableHead
                columns={[{ label: '期别', className: 'px-4' }, '生成人', '生成时间（北京时间）', '文件与 SHA-256']}
              />
              <tbody className="divide-y divide-gray-100">
                {data.bulletins.map((b) => (
                  <tr key={b.id} className={b.id === createdId ? 'bg-green-50' : undefined} data-testid="bulletin-row">
                    <th scope="row" className="px-4 py-2 text-left whitespace-nowrap">
                      {b.year}年{b.month}月
                      {b.isSample ? (
                        <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-normal text-amber-900">
                          示例数据
                        </span>
                      ) : null}
                    </th>
                    <td className="px-2 py-2 whitespace-nowrap">{b.createdBy}</td>
                    <td className="px-2 py-2 whitespace-nowrap tabular-nums">{b.createdAtText}</td>
                    <td className="px-2 py-2">
                      <ul className="space-y-1">
                        {b.files.map((f) => (
                          <li key={f.format} className="flex flex-wrap items-baseline gap-x-2">
                            <a href={f.url} download={f.fileName} className="text-red-800 hover:underline">
                              下载 {FORMAT_LABELS[f.format] ?? f.format}
                            </a>
                            <span className="text-xs text-gray-500">{sizeText(f.size)}</span>
                            <code className="text-xs break-all text-gray-600" title={`${f.fileName} 的 SHA-256`}>
                              {f.sha256}
                            </code>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
