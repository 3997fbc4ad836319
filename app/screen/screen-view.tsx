'use client';
/**
 * The cockpit for a 1920×1080 display: dark, big numbers, no scrolling at that size. Polls every 30 s
 * (React Query refetchInterval), shows when it last succeeded, and warns when the data is older than 90 s
 * or the server cannot be reached.
 */
import { Button } from '@/components/ui/button';
import { useQuery } from '@tanstack/react-query';
import Link from '@/components/ui/link';
import { ProgressBar, Sparkline } from '@/components/charts/chart';
import { FigureText } from '@/components/kpi/figure-text';
import { SampleBadge, StatusBadge } from '@/components/kpi/status-badge';
import { COUNT_ORDER, StatusCounts } from '@/components/kpi/status-counts';
import { ApiError } from '@/lib/client-api/client';
import { screenQuery, SCREEN_REFRESH_MS, SCREEN_STALE_MS } from '@/lib/client-api/dashboard-queries';
import { formatShanghaiTime, isOlderThan } from '@/lib/domain/datetime';
import { formatPercent } from '@/lib/domain/format';
import { STATUS_LABELS } from '@/lib/domain/status';
import { groupStatus } from '@/lib/domain/summary';
import type { ProgressStatus } from '@/lib/domain/types';
import type { ScreenView as ScreenData } from '@/lib/services/dashboards/screen';
import { useNow } from './clock';
import { Panel } from './panel';
import { OverdueList, RedList } from './attention-lists';

const COUNT_COLORS: Record<ProgressStatus, string> = {
  red: 'text-red-400',
  overdue: 'text-violet-300',
  yellow: 'text-amber-300',
  green: 'text-green-400',
  grey: 'text-slate-400',
};

function Tiles({ data }: { data: ScreenData }) {
  return (
    <section aria-label="主要指标" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6">
      {data.headline.map((t) => (
        <Link
          key={t.code}
          href={`/indicators/${t.code}?year=${data.period.year}&month=${data.period.month}`}
          className="rounded-lg border border-slate-700/70 bg-slate-900/70 p-3 hover:border-slate-500"
        >
          <div className="flex items-start justify-between gap-2">
            <h3 className="text-sm text-slate-300 2xl:text-base">{t.name}</h3>
            <StatusBadge status={t.status} label={t.statusLabel} tone="dark" />
          </div>
          <p className="mt-1 text-3xl font-semibold text-white tabular-nums 2xl:text-4xl">
            <FigureText figure={t.figure} unit={t.unit} tone="dark" />
          </p>
          <div className="mt-1 flex items-end justify-between gap-2 text-xs text-slate-400 2xl:text-sm">
            <span>
              目标 {t.target ? <FigureText figure={t.target} unit={t.unit} tone="dark" /> : '未设定'}
              {t.figure ? (
                <span className="block">截至 {t.figure.month} 月</span>
              ) : (
                <span className="block">本期尚无数据</span>
              )}
            </span>
            <Sparkline points={t.series} unit={t.unit} status={t.status} tone="dark" width={96} height={30} />
          </div>
          {t.isSample ? (
            <span className="mt-1 inline-block">
              <SampleBadge tone="dark" />
            </span>
          ) : null}
        </Link>
      ))}
    </section>
  );
}

function Areas({ data }: { data: ScreenData }) {
  return (
    <Panel title="七个主抓手" id="screen-areas" aside={<span className="text-xs text-slate-400">竖线为序时进度</span>}>
      <ol className="grid min-h-0 flex-1 auto-rows-fr grid-cols-1 gap-2">
        {data.areas.map((a) => (
          <li
            key={a.slug}
            className="grid grid-cols-[2rem_minmax(0,1fr)] items-center gap-x-3 gap-y-1 rounded bg-slate-800/50 px-3 py-2 2xl:grid-cols-[2.5rem_minmax(0,1fr)_23rem]"
          >
            <span className="text-2xl font-semibold text-red-400 2xl:text-3xl">{a.id}</span>
            <div className="min-w-0">
              <div className="flex items-baseline justify-between gap-2">
                <Link
                  href={`/areas/${a.slug}?year=${data.period.year}&month=${data.period.month}`}
                  className="truncate text-base font-semibold hover:underline 2xl:text-lg"
                >
                  {a.name}
                </Link>
                <span className="text-sm whitespace-nowrap text-slate-300 tabular-nums">
                  {a.progress.completion === null ? '—' : formatPercent(a.progress.completion)}
                  {a.progress.expected !== null ? (
                    <span className="text-slate-400"> / 序时 {formatPercent(a.progress.expected)}</span>
                  ) : null}
                </span>
              </div>
              <ProgressBar
                actual={a.progress.completion}
                expected={a.progress.expected}
                status={groupStatus(a.counts)}
                label={`${a.name} 平均完成率`}
                tone="dark"
                className="mt-1.5"
              />
            </div>
            <div className="col-span-2 2xl:col-span-1 2xl:flex 2xl:justify-end">
              <StatusCounts counts={a.counts} hideZero tone="dark" label={`${a.name}状态分布`} />
            </div>
          </li>
        ))}
      </ol>
    </Panel>
  );
}

export function ScreenView() {
  const { data, error, isError, dataUpdatedAt, isFetching, refetch } = useQuery(screenQuery());
  const now = useNow();
  const stale = now > 0 && isOlderThan(dataUpdatedAt, now, SCREEN_STALE_MS);
  const unreachable = isError && error instanceof ApiError && (error.status === 0 || error.status >= 500);

  return (
    <div className="min-h-screen bg-[#0b1220] text-slate-100 2xl:h-screen 2xl:overflow-hidden">
      <main className="mx-auto flex min-h-full max-w-[1920px] flex-col gap-3 p-4 2xl:h-full 2xl:gap-4 2xl:p-6">
        <header className="flex flex-wrap items-center gap-x-5 gap-y-2">
          <h1 className="text-xl font-semibold tracking-wider sm:text-2xl 2xl:text-3xl">
            长治市七个主抓手 · 领导驾驶舱
          </h1>
          {data ? (
            <span className="text-lg text-slate-300">
              {data.period.year}年{data.period.month}月
            </span>
          ) : null}
          {data?.isSample ? <SampleBadge tone="dark" /> : null}
          <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-300">
            <span aria-live="polite">
              最后刷新{' '}
              <time className="text-white tabular-nums">{dataUpdatedAt ? formatShanghaiTime(dataUpdatedAt) : '—'}</time>
              {isFetching ? <span className="ml-1 text-slate-400">（刷新中）</span> : null}
            </span>
            <span className="text-slate-400">每 {SCREEN_REFRESH_MS / 1000} 秒自动刷新</span>
            <Link href="/" className="rounded border border-slate-600 px-2 py-0.5 hover:bg-slate-800">
              返回平台
            </Link>
          </div>
        </header>

        {unreachable || stale || (isError && !unreachable) ? (
          <div
            role="alert"
            className="flex flex-wrap items-center gap-3 rounded border border-amber-500/60 bg-amber-500/15 px-4 py-2 text-amber-200"
          >
            {unreachable ? <strong>无法连接服务器，正在重试</strong> : null}
            {isError && !unreachable ? <strong>数据刷新失败：{error?.message}</strong> : null}
            {stale ? (
              <span>数据可能已过期：最后成功刷新于 {dataUpdatedAt ? formatShanghaiTime(dataUpdatedAt) : '—'}</span>
            ) : null}
            <Button variant="on-dark" size="sm" onClick={() => void refetch()} className="ml-auto">
              立即重试
            </Button>
          </div>
        ) : null}

        {!data ? (
          <div className="flex flex-1 items-center justify-center text-slate-400">
            {isError ? `加载失败：${error?.message ?? ''}` : '正在加载…'}
          </div>
        ) : (
          <>
            <section aria-label="全市状态" className="grid grid-cols-2 gap-2 sm:grid-cols-5">
              {COUNT_ORDER.map((s) => (
                <div
                  key={s}
                  className="flex items-baseline gap-2 rounded border border-slate-700/70 bg-slate-900/70 px-4 py-2"
                >
                  <span className="text-sm text-slate-300">{STATUS_LABELS[s]}</span>
                  <span className={`text-3xl font-semibold tabular-nums 2xl:text-4xl ${COUNT_COLORS[s]}`}>
                    {data.counts[s]}
                  </span>
                  <span className="text-sm text-slate-400">项</span>
                </div>
              ))}
            </section>
            <Tiles data={data} />
            <div className="grid min-h-0 flex-1 grid-cols-1 gap-3 xl:grid-cols-[1.3fr_1fr] 2xl:gap-4">
              <Areas data={data} />
              <div className="grid min-h-0 grid-cols-1 gap-3 xl:grid-rows-2 2xl:gap-4">
                <RedList data={data} />
                <OverdueList data={data} />
              </div>
            </div>
          </>
        )}
      </main>
    </div>
  );
}
