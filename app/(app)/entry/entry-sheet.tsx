'use client';

import { usePageQuery } from '@/components/query/use-page-query';
import { Notice } from '@/components/ui/notice';
import { Options } from '@/components/ui/options';
import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter } from 'next/navigation';
import { entryQuery, overdueQuery, type PeriodParams } from '@/lib/client-api/queries';
import {
  addMonths,
  currentPeriod,
  formatPeriod,
  formatPeriodLabel,
  parsePeriod,
  type Period,
} from '@/lib/domain/period';
import { EntryRow } from './entry-row';

const dateFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' });

function PeriodPicker({ period }: { period: Period }) {
  const router = useRouter();
  const pathname = usePathname();
  // Figures can be entered up to the current month, never ahead of it.
  const latest = currentPeriod(new Date());
  const options = Array.from({ length: 15 }, (_, i) => addMonths(latest, -i));
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>填报期</span>
      <select
        className="rounded border border-gray-300 bg-white px-2 py-1"
        value={formatPeriod(period)}
        onChange={(e) => {
          const p = parsePeriod(e.target.value);
          if (p) router.push(`${pathname}?year=${p.year}&month=${p.month}`);
        }}
      >
        <Options options={options.map((p) => ({ value: formatPeriod(p), label: formatPeriodLabel(p) }))} />
      </select>
    </label>
  );
}

function OverduePanel() {
  const { data } = useQuery(overdueQuery());
  const items = data?.items ?? [];
  if (!items.length) return null;
  const overdue = items.filter((i) => i.state === 'overdue');
  const soon = items.filter((i) => i.state === 'due_soon');
  return (
    <section
      aria-labelledby="overdue-title"
      className="rounded-lg border border-violet-200 bg-violet-50 p-4 text-sm text-violet-900"
    >
      <h2 id="overdue-title" className="font-semibold">
        催报提醒：逾期 {overdue.length} 项，3 天内到期 {soon.length} 项
      </h2>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">
        {items.slice(0, 12).map((i) => (
          <li key={`${i.indicator.id}-${i.period.month}`}>
            {i.state === 'overdue' ? '【逾期】' : '【即将到期】'}
            {formatPeriodLabel(i.period)} {i.indicator.name}（截止{' '}
            {dateFormat.format(new Date(new Date(i.deadline).getTime() - 1))}）
          </li>
        ))}
      </ul>
      {items.length > 12 ? <p className="mt-1">另有 {items.length - 12} 项……</p> : null}
    </section>
  );
}

export function EntrySheetView({ params, notice }: { params: PeriodParams; notice?: string }) {
  const { data, fallback } = usePageQuery(entryQuery(params), { tiles: 0, blocks: 3 });
  if (!data) return fallback;
  // The deadline is the end of the due day (midnight after it): show the due day itself.
  const deadline = dateFormat.format(new Date(new Date(data.deadline).getTime() - 1));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">
          数据填报 · {data.unit ? `${data.unit.name} · ` : ''}
          {formatPeriodLabel(data.period)}
        </h1>
        <span
          className={`rounded px-2 py-0.5 text-sm ${data.isPastDeadline ? 'bg-violet-100 text-violet-800' : 'bg-gray-100 text-gray-700'}`}
        >
          {data.isPastDeadline ? `已过填报截止日（${deadline}）` : `填报截止：${deadline}`}
        </span>
        <div className="ml-auto">
          <PeriodPicker period={data.period} />
        </div>
      </div>
      {notice ? (
        <Notice tone="warning" role="status">
          {notice}
        </Notice>
      ) : null}
      {data.isLocked ? (
        <Notice tone="neutral">{formatPeriodLabel(data.period)}已关账：本期数据不能再填报或修改。</Notice>
      ) : null}
      <OverduePanel />
      <p className="text-sm text-gray-600">
        按 Tab 在输入框之间移动，按 Enter 保存草稿；落后于序时进度的数据提交前需填写情况说明。逾期未报的指标排在最前。
      </p>
      {data.rows.length ? (
        <ul className="space-y-3">
          {data.rows.map((row) => (
            <EntryRow
              key={`${row.indicator.code}-${formatPeriod(data.period)}`}
              row={row}
              period={data.period}
              disabled={data.isLocked}
            />
          ))}
        </ul>
      ) : (
        <p className="rounded border border-gray-200 bg-white p-6 text-center text-gray-500">本期没有需要填报的指标</p>
      )}
    </div>
  );
}
