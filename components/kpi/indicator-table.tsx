'use client';
/**
 * A work area's (or a department's) indicators: actual vs target vs expected, status in words, YoY and the
 * owning department; filterable by status, department and kind, sortable; the choice is kept in the URL.
 * A table from 768 px up (and in print), cards on a phone.
 */
import Link from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { Sparkline } from '@/components/charts/chart';
import { formatScaled } from '@/lib/domain/format';
import { KIND_LABELS } from '@/lib/domain/labels';
import { ChangeText } from './change-text';
import { FigureText } from './figure-text';
import { asOfText } from './headline-tile';
import { IndicatorCards } from './indicator-cards';
import { IndicatorFilterBar, useIndicatorFilters } from './indicator-filters';
import { IndicatorProgress } from './indicator-progress';
import { EmptyState } from './states';
import { SampleBadge, StatusBadge } from './status-badge';
import { periodSearch, type KpiLike, type PeriodLike } from './types';
import { TableHead } from '@/components/ui/table';

export function IndicatorTable({
  views,
  period,
  departments,
  showDepartmentFilter = true,
}: {
  views: KpiLike[];
  period: PeriodLike;
  departments: { code: string; shortName: string }[];
  showDepartmentFilter?: boolean;
}) {
  const router = useRouter();
  const filters = useIndicatorFilters(views, period, departments);
  const { shown } = filters;
  const href = (v: KpiLike) => `/indicators/${v.code}${periodSearch(period)}`;

  return (
    <div>
      <IndicatorFilterBar
        filters={filters}
        total={views.length}
        departments={departments}
        showDepartmentFilter={showDepartmentFilter}
      />
      {shown.length === 0 ? (
        <div className="p-4">
          <EmptyState message={views.length === 0 ? '本期尚无数据' : '没有符合筛选条件的指标'} />
        </div>
      ) : (
        <>
          <table className="hidden w-full text-sm md:table print:table">
            <TableHead
              columns={[
                { label: '指标', className: 'px-4' },
                { label: '本期实绩', align: 'right' },
                { label: '年度目标', align: 'right' },
                { label: '序时进度', align: 'right' },
                '完成情况',
                '状态',
                { label: '同比', align: 'right' },
                '责任单位',
                { label: '走势', className: 'print:hidden' },
              ]}
            />
            <tbody className="divide-y divide-gray-100">
              {shown.map((v) => (
                <tr
                  key={v.code}
                  className="cursor-pointer break-inside-avoid hover:bg-red-50/40"
                  onClick={() => router.push(href(v))}
                >
                  <th scope="row" className="max-w-xs px-4 py-2 text-left font-normal">
                    <Link
                      href={href(v)}
                      className="text-gray-900 hover:text-red-800 hover:underline"
                      title={`口径：${v.definition}`}
                      onClick={(e) => e.stopPropagation()}
                    >
                      {v.name}
                    </Link>
                    <span className="block text-xs text-gray-500">
                      {KIND_LABELS[v.kind]}
                      {v.direction === 'down' ? ' · 越低越好' : ''}
                    </span>
                  </th>
                  <td className="px-2 py-2 text-right whitespace-nowrap">
                    <FigureText figure={v.figure} unit={v.unit} className="tabular-nums" />
                    <span className="block text-xs text-gray-500">
                      {asOfText(v)}
                      {v.figure?.isSample ? (
                        <span className="ml-1">
                          <SampleBadge />
                        </span>
                      ) : null}
                    </span>
                  </td>
                  <td className="px-2 py-2 text-right whitespace-nowrap tabular-nums">
                    {v.target ? (
                      <FigureText figure={v.target} unit={v.unit} />
                    ) : (
                      <span className="text-gray-500">未设定</span>
                    )}
                  </td>
                  <td className="px-2 py-2 text-right whitespace-nowrap tabular-nums">
                    {v.expected === null ? <span className="text-gray-400">—</span> : formatScaled(v.expected, v.unit)}
                  </td>
                  <td className="px-2 py-2">
                    <IndicatorProgress view={v} />
                  </td>
                  <td className="px-2 py-2">
                    <StatusBadge status={v.status} label={v.statusLabel} />
                  </td>
                  <td className="px-2 py-2 text-right whitespace-nowrap">
                    <ChangeText change={v.yoy} unit={v.unit} />
                  </td>
                  <td className="px-2 py-2 whitespace-nowrap text-gray-600">{v.departmentShortName}</td>
                  <td className="px-2 py-2 print:hidden">
                    <Sparkline points={v.series} unit={v.unit} status={v.status} width={80} height={24} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <IndicatorCards shown={shown} href={href} />
        </>
      )}
    </div>
  );
}
