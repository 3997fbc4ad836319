'use client';
/**
 * The overview: are we on track (the city's status counts and the headline tiles), where not (the seven areas with
 * their completion and worst indicators), and whose job it is (the department ranking, its formula stated).
 */
import { usePageQuery } from '@/components/query/use-page-query';
import Link from '@/components/ui/link';
import { AreaCard } from '@/components/kpi/area-card';
import { HeadlineTile } from '@/components/kpi/headline-tile';
import { Notice } from '@/components/ui/notice';
import { COUNT_ORDER } from '@/components/kpi/status-counts';
import { PeriodPageHeader } from '@/components/kpi/period-page-header';
import { BELOW_FIRST_SCREEN } from '@/components/layout/below-first-screen';
import { OverviewRanking } from './overview-ranking';
import { overviewQuery, type PeriodParams } from '@/lib/client-api/queries';
import { STATUS_LABELS } from '@/lib/domain/status';
import type { ProgressStatus } from '@/lib/domain/types';
import type { PlanStrip as PlanStripData } from '@/lib/services/plans/plan';

/** 十五五 at a glance: how many plan indicators are on track and behind, linking to the plan page. */
function PlanStrip({ strip }: { strip: NonNullable<PlanStripData> }) {
  return (
    <Link
      href={`/plans/${strip.code}`}
      className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-gray-200 bg-white px-4 py-2 text-sm shadow-sm hover:border-red-300"
    >
      <span className="font-semibold">“{strip.name}”规划</span>
      <span>
        符合进度 <strong className="text-green-800">{strip.onTrack}</strong> 项
      </span>
      <span>
        落后进度 <strong className="text-red-800">{strip.behind}</strong> 项
      </span>
      <span className="text-gray-600">尚无数据 {strip.noData} 项</span>
      {strip.isSample ? <span className="text-xs text-sky-800">示例数据</span> : null}
      <span className="ml-auto text-xs text-gray-600 underline">查看规划路径 ›</span>
    </Link>
  );
}

const COUNT_STYLES: Record<ProgressStatus, string> = {
  red: 'border-red-200 bg-red-50 text-red-800',
  overdue: 'border-violet-200 bg-violet-50 text-violet-800',
  yellow: 'border-amber-200 bg-amber-50 text-amber-800',
  green: 'border-green-200 bg-green-50 text-green-800',
  grey: 'border-gray-200 bg-gray-50 text-gray-600',
};

export function OverviewView({
  params,
  notice,
  canViewDepartments,
  planStrip = null,
}: {
  params: PeriodParams;
  notice?: string;
  canViewDepartments: boolean;
  planStrip?: PlanStripData;
}) {
  const { data, fallback } = usePageQuery(overviewQuery(params));
  if (!data) return fallback;
  const period = data.period;
  const total = COUNT_ORDER.reduce((sum, s) => sum + data.counts[s], 0);
  return (
    <div className="space-y-6">
      <PeriodPageHeader
        title={`${period.year}年${period.month}月 · 总览`}
        badges={false}
        data={data}
        notice={notice}
        path="/"
      />
      {planStrip ? <PlanStrip strip={planStrip} /> : null}
      {!data.hasTargets ? (
        <Notice tone="warning">
          本年度数据为政府工作报告公布数，未设年度目标，因此不判定红黄绿灯（状态显示为“未设目标”）；各数值按报告原文展示。
        </Notice>
      ) : null}

      <section aria-labelledby="city-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="city-title" className="text-base font-semibold">
            全市指标状态
          </h2>
          <p className="text-xs text-gray-500">共 {total} 项年度指标（不含十四五回顾）；按序时进度判定，容差见各指标</p>
        </div>
        <ul className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label="全市状态分布">
          {COUNT_ORDER.map((s) => (
            <li key={s} className={`rounded border px-3 py-2 ${COUNT_STYLES[s]}`}>
              <span className="block text-xs">{STATUS_LABELS[s]}</span>
              <span className="text-2xl font-semibold tabular-nums">{data.counts[s]}</span>
              <span className="ml-1 text-xs">项</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="headline-title">
        <h2 id="headline-title" className="mb-2 text-base font-semibold">
          主要指标
        </h2>
        {data.headline.length ? (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {data.headline.map((v) => (
              <HeadlineTile key={v.code} view={v} period={period} />
            ))}
          </div>
        ) : (
          <p className="text-sm text-gray-500">本期尚无数据</p>
        )}
      </section>

      {/* Below the first screen: one block, so that nothing in it moves when it is shown (a part held out of the
          first frame that moves counts as a layout shift of its whole box in Chromium). */}
      <div className="space-y-6" {...BELOW_FIRST_SCREEN}>
        <section aria-labelledby="areas-title">
          <h2 id="areas-title" className="mb-2 text-base font-semibold">
            七个主抓手
          </h2>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            {data.areas.map((area) => (
              <AreaCard key={area.slug} area={area} period={period} />
            ))}
          </div>
        </section>

        <OverviewRanking data={data} canViewDepartments={canViewDepartments} />
      </div>
    </div>
  );
}
