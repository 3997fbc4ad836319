'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { FigureText } from '@/components/kpi/figure-text';
import { SampleBadge, StatusBadge } from '@/components/kpi/status-badge';
import { PeriodSelect } from '@/components/layout/period-select';
import { overviewQuery, type PeriodParams } from '@/lib/api/queries';
import { formatChange, formatPercent, formatPoints } from '@/lib/domain/format';
import { RANKING_FORMULA } from '@/lib/domain/ranking';
import { STATUS_LABELS } from '@/lib/domain/status';
import type { ProgressStatus } from '@/lib/domain/types';
import type { IndicatorView, Overview } from '@/lib/services/dashboard';

const COUNT_ORDER: ProgressStatus[] = ['green', 'yellow', 'red', 'overdue', 'grey'];

function YoyText({ view }: { view: Pick<IndicatorView, 'yoy'> }) {
  if (!view.yoy) return <span className="text-gray-400">—</span>;
  return <span>{view.yoy.unit === 'points' ? formatPoints(view.yoy.change) : formatChange(view.yoy.change)}</span>;
}

function HeadlineTile({ view }: { view: IndicatorView }) {
  return (
    <div className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm text-gray-600">{view.name}</h3>
        <StatusBadge status={view.status} />
      </div>
      <p className="mt-2 text-2xl font-semibold text-gray-900">
        <FigureText figure={view.figure} unit={view.unit} />
      </p>
      <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-gray-500">
        <span>
          目标 {view.target ? <FigureText figure={view.target} unit={view.unit} /> : '未设定'}
        </span>
        <span>
          同比 <YoyText view={view} />
        </span>
        {view.figure?.isSample ? <SampleBadge /> : null}
      </p>
    </div>
  );
}

function IndicatorTable({ views }: { views: IndicatorView[] }) {
  if (!views.length) return <p className="px-4 py-3 text-sm text-gray-500">本期尚无数据</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[640px] text-sm">
        <thead className="bg-gray-50 text-left text-xs text-gray-500">
          <tr>
            <th className="px-4 py-2 font-medium">指标</th>
            <th className="px-2 py-2 font-medium">本期数据</th>
            <th className="px-2 py-2 font-medium">目标</th>
            <th className="px-2 py-2 font-medium">上年同期</th>
            <th className="px-2 py-2 font-medium">状态</th>
            <th className="px-2 py-2 font-medium">责任单位</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {views.map((v) => (
            <tr key={v.id}>
              <td className="px-4 py-2">
                <span title={v.definition}>{v.name}</span>
              </td>
              <td className="px-2 py-2 font-medium">
                <FigureText figure={v.figure} unit={v.unit} />
                {v.figure && v.figure.month !== 12 ? <span className="ml-1 text-xs text-gray-500">({v.figure.month}月)</span> : null}
                {v.figure?.isSample ? <span className="ml-1"><SampleBadge /></span> : null}
              </td>
              <td className="px-2 py-2">{v.target ? <FigureText figure={v.target} unit={v.unit} /> : <span className="text-gray-400">未设定</span>}</td>
              <td className="px-2 py-2 text-gray-600">
                <FigureText figure={v.prior} unit={v.unit} />
              </td>
              <td className="px-2 py-2">
                <StatusBadge status={v.status} />
              </td>
              <td className="px-2 py-2 text-gray-600">{v.departmentShortName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AreaSection({ area }: { area: Overview['areas'][number] }) {
  return (
    <section aria-labelledby={`area-${area.slug}`} className="rounded-lg border border-gray-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-gray-100 px-4 py-3">
        <h2 id={`area-${area.slug}`} className="text-base font-semibold">
          <span className="mr-2 text-red-700">{area.id}</span>
          {area.name}
        </h2>
        <span className="text-sm text-gray-500">{area.total} 项指标</span>
        {area.completion !== null ? <span className="text-sm text-gray-600">平均完成 {formatPercent(area.completion)}</span> : null}
        <ul className="ml-auto flex flex-wrap gap-2 text-xs" aria-label="状态分布">
          {COUNT_ORDER.filter((s) => area.counts[s] > 0).map((s) => (
            <li key={s} className="flex items-center gap-1">
              <StatusBadge status={s} /> {area.counts[s]}
            </li>
          ))}
        </ul>
      </div>
      <IndicatorTable views={area.indicators} />
    </section>
  );
}

export function OverviewView({ params, notice }: { params: PeriodParams; notice?: string }) {
  const { data, error, isPending, refetch } = useQuery(overviewQuery(params));
  if (isPending) return <div className="h-64 animate-pulse rounded-lg bg-gray-200" aria-label="加载中" />;
  if (error || !data) {
    return (
      <div role="alert" className="rounded border border-red-200 bg-red-50 p-4 text-red-800">
        加载失败：{error?.message ?? '未知错误'}
        <button type="button" onClick={() => refetch()} className="ml-3 rounded border border-red-300 px-2 py-0.5">
          重试
        </button>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-bold">
          {data.period.year}年{data.period.month}月 · 总览
        </h1>
        {data.isSample ? <SampleBadge /> : null}
        <div className="ml-auto">
          <PeriodSelect year={data.period.year} month={data.period.month} years={data.years} />
        </div>
      </div>
      {notice ? <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">{notice}</p> : null}
      {data.isSample ? (
        <p className="rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          本年度为<strong>示例数据</strong>：由 2025 年报告数推算生成，仅用于演示，非真实统计数据。2025 年政府工作报告数据见
          <Link className="ml-1 underline" href="/?year=2025">
            2025 年
          </Link>
          。
        </p>
      ) : null}
      <section aria-labelledby="headline-title">
        <h2 id="headline-title" className="sr-only">
          主要指标
        </h2>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {data.headline.map((v) => (
            <HeadlineTile key={v.id} view={v} />
          ))}
        </div>
      </section>
      <p className="text-sm text-gray-600" aria-label="全市状态">
        全市：
        {COUNT_ORDER.map((s) => (
          <span key={s} className="mr-3">
            {STATUS_LABELS[s]} {data.counts[s]}
          </span>
        ))}
      </p>
      {data.areas.map((area) => (
        <AreaSection key={area.slug} area={area} />
      ))}
      <section aria-labelledby="ranking-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <h2 id="ranking-title" className="text-base font-semibold">
          责任单位排名
        </h2>
        <p className="mt-1 text-xs text-gray-500">排名依据：{RANKING_FORMULA}</p>
        <ol className="mt-3 grid gap-1 text-sm sm:grid-cols-2">
          {data.ranking.map((r) => (
            <li key={r.departmentId} className="flex justify-between gap-2 border-b border-gray-100 py-1">
              <span>
                {r.rank}. {r.departmentName}
              </span>
              <span className="text-gray-600">
                {r.share === null ? '暂无数据' : `${formatPercent(r.share)}（${r.onTrack}/${r.counted}）`}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
