'use client';
/**
 * One indicator: the figure against target and expected progress, the trend, the forecast, YoY, the definition,
 * every figure with its people and history, the targets, and the 批示 with their answers.
 */
import { periodCrumbs } from '@/components/kpi/types';
import { usePageQuery } from '@/components/query/use-page-query';
import { Card } from '@/components/ui/card';
import { traitsOf } from '@/lib/domain/kind-traits';
import type { ReactNode } from 'react';
import { TrendChart } from '@/components/charts/trend-chart';
import { ChangeText, NumberText } from '@/components/kpi/change-text';
import { FigureText } from '@/components/kpi/figure-text';
import { asOfText } from '@/components/kpi/headline-tile';
import { DIRECTION_LABELS, FREQUENCY_LABELS, KIND_LABELS, PLAN_TYPE_LABELS } from '@/lib/domain/labels';
import { SampleBadge, StatusBadge } from '@/components/kpi/status-badge';
import { indicatorQuery } from '@/lib/client-api/dashboard-queries';
import type { PeriodParams } from '@/lib/client-api/queries';
import { formatPercent, formatPoints } from '@/lib/domain/format';
import { FiguresSection, TargetsSection } from './figures-section';
import { InstructionsPanel } from './instructions-panel';
import { PeriodPageHeader } from '@/components/kpi/period-page-header';

function Fact({ label, children, hint }: { label: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="rounded border border-gray-100 bg-gray-50/60 px-3 py-2">
      <dt className="text-xs text-gray-500">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold text-gray-900 tabular-nums">{children}</dd>
      {hint ? <dd className="text-xs text-gray-500">{hint}</dd> : null}
    </div>
  );
}

export function IndicatorView({ code, params, notice }: { code: string; params: PeriodParams; notice?: string }) {
  const { data, fallback } = usePageQuery(indicatorQuery(code, params), { tiles: 3, blocks: 2 });
  if (!data) return fallback;
  const { indicator: v, period } = data;
  const crumbs = periodCrumbs(
    period,
    ...(v.areaSlug && v.areaName ? [{ path: `/areas/${v.areaSlug}`, label: v.areaName }] : []),
  );
  if (v.section === 'review') crumbs.push({ href: '/review', label: '十四五回顾' });
  const forecast = v.forecast;
  return (
    <div className="space-y-5">
      <PeriodPageHeader
        crumbs={crumbs}
        title={v.name}
        badges={
          <>
            <StatusBadge status={v.status} label={v.statusLabel} />
            <span className="text-xs text-gray-600">{v.code}</span>
          </>
        }
        subtitle={
          <>
            {period.year}年{period.month}月 · 责任单位：{v.departmentName}
          </>
        }
        data={data}
        isSample={v.isSample}
        notice={notice}
        path={`/indicators/${v.code}`}
      />

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <section aria-labelledby="facts-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
            <h2 id="facts-title" className="sr-only">
              本期数据
            </h2>
            <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2 md:grid-cols-3">
              <Fact
                label={`本期实绩${v.figure ? `（${asOfText(v)}）` : ''}`}
                hint={v.figure?.isSample ? <SampleBadge /> : undefined}
              >
                {v.figure ? (
                  <FigureText figure={v.figure} unit={v.unit} />
                ) : (
                  <span className="text-base font-normal text-gray-500">本期尚无数据</span>
                )}
              </Fact>
              <Fact label="年度目标" hint={v.target?.isSample ? <SampleBadge /> : undefined}>
                {v.target ? (
                  <FigureText figure={v.target} unit={v.unit} />
                ) : (
                  <span className="text-base font-normal text-gray-500">未设定</span>
                )}
              </Fact>
              <Fact
                label={traitsOf(v.kind).comparedInPoints ? '与目标差' : '序时进度（应完成）'}
                hint={
                  !traitsOf(v.kind).comparedInPoints && v.gapPoints !== null
                    ? `进度差 ${formatPoints(v.gapPoints)}`
                    : undefined
                }
              >
                {traitsOf(v.kind).comparedInPoints ? (
                  v.gapPoints === null ? (
                    '—'
                  ) : (
                    formatPoints(v.gapPoints)
                  )
                ) : (
                  <NumberText value={v.expected} unit={v.unit} />
                )}
              </Fact>
              <Fact
                label={v.direction === 'down' ? '占上限比例' : '完成率'}
                hint={
                  v.shares && v.shares.expected !== null ? `序时进度 ${formatPercent(v.shares.expected)}` : undefined
                }
              >
                {v.shares && v.shares.actual !== null ? formatPercent(v.shares.actual) : '—'}
              </Fact>
              <Fact
                label="同比"
                hint={
                  v.prior ? (
                    <>
                      上年同期 <FigureText figure={v.prior} unit={v.unit} />
                      {v.prior.derivedNote ? <span className="block">{v.prior.derivedNote}</span> : null}
                    </>
                  ) : (
                    '无上年同期数据'
                  )
                }
              >
                <ChangeText change={v.yoy} unit={v.unit} />
              </Fact>
              <Fact
                label="预计全年"
                hint={
                  forecast
                    ? `${forecast.method}${forecast.willMeet === null ? '' : forecast.willMeet ? '，预计可完成目标' : '，预计完不成目标'}`
                    : '数据不足，暂不预测'
                }
              >
                <NumberText value={forecast?.value ?? null} unit={v.unit} />
                {forecast && forecast.willMeet !== null ? (
                  <span
                    className={`ml-2 align-middle text-xs ${forecast.willMeet ? 'text-green-700' : 'text-red-700'}`}
                  >
                    {forecast.willMeet ? '可完成' : '难完成'}
                  </span>
                ) : null}
              </Fact>
            </dl>
          </section>

          <section aria-labelledby="trend-title" className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
            <h2 id="trend-title" className="mb-2 text-base font-semibold">
              {period.year}年走势
            </h2>
            <TrendChart
              rows={data.trend}
              unit={v.unit}
              definition={v.definition}
              title={`${v.name}：${period.year}年${v.frequency === 'annual' ? '（年度指标，仅12月有数）' : '月度走势'}，实绩对比全年目标与序时进度（单位：${v.unit}）`}
              caption={v.isSample ? <SampleBadge /> : null}
            />
          </section>
        </div>

        <aside className="space-y-5">
          <Card titleId="about-title" title="指标说明" className="text-sm">
            <dl className="mt-2 grid grid-cols-[5rem_1fr] gap-x-2 gap-y-1.5">
              <dt className="text-gray-500">口径</dt>
              <dd>{v.definition || '—'}</dd>
              <dt className="text-gray-500">单位</dt>
              <dd>{v.unit}</dd>
              <dt className="text-gray-500">类型</dt>
              <dd>
                {KIND_LABELS[v.kind]} · {DIRECTION_LABELS[v.direction]} · {PLAN_TYPE_LABELS[v.planType]}
              </dd>
              <dt className="text-gray-500">填报频次</dt>
              <dd>{FREQUENCY_LABELS[v.frequency]}</dd>
              <dt className="text-gray-500">责任单位</dt>
              <dd>{v.departmentName}</dd>
              {v.milestoneTotal ? (
                <>
                  <dt className="text-gray-500">任务总数</dt>
                  <dd>
                    <NumberText value={Number(v.milestoneTotal)} unit={v.unit} />
                  </dd>
                </>
              ) : null}
            </dl>
          </Card>
          {v.sourceText ? (
            <Card titleId="source-title" title="报告原文" tone="quote" className="text-sm">
              <p className="mt-1 text-xs text-gray-500">2025年政府工作报告（回顾部分），数值按原文记载</p>
              <blockquote className="mt-2 border-l-4 border-amber-400 pl-3 leading-relaxed text-gray-800">
                {v.sourceText}
              </blockquote>
            </Card>
          ) : null}
        </aside>
      </div>

      <FiguresSection figures={data.figures} unit={v.unit} />
      <TargetsSection targets={data.targets} unit={v.unit} />
      <InstructionsPanel
        code={v.code}
        params={params}
        instructions={data.instructions}
        permissions={data.permissions}
        departmentName={v.departmentShortName}
      />
    </div>
  );
}
