import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { Prefetched } from '@/components/query/prefetched';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/kpi/states';
import { requirePageUser } from '@/lib/session/page-guard';
import { can } from '@/lib/domain/permissions';
import { reviewQuery } from '@/lib/client-api/dashboard-queries';
import { isAppError } from '@/lib/errors';
import { listBaselineChoices } from '@/lib/services/plans/edit';
import { getPlan } from '@/lib/services/plans/plan';
import { getReview } from '@/lib/services/dashboards/review';
import { ReviewView } from '../../review/review-view';
import { PlanTable } from './plan-table';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '五年规划' };

export default async function PlanPage({ params }: { params: Promise<{ code: string }> }) {
  const user = await requirePageUser();
  const { code } = await params;
  const view = await getPlan(user, code).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') return null;
    throw error;
  });
  if (!view) return <EmptyState message={`规划「${code}」不存在`} />;
  const { plan } = view;
  const others = (
    <nav aria-label="规划" className="flex gap-2 text-sm">
      {view.plans.map((p) => (
        <Link
          key={p.code}
          href={`/plans/${p.code}`}
          aria-current={p.code === plan.code ? 'page' : undefined}
          className={p.code === plan.code ? 'font-semibold text-red-800' : 'text-gray-600 underline'}
        >
          “{p.name}”
        </Link>
      ))}
    </nav>
  );
  if (view.isClosed) {
    return (
      <div className="space-y-4">
        <PageHeader
          crumbs={[{ href: '/', label: '总览' }]}
          title={`“${plan.name}”规划（${plan.firstYear}—${plan.lastYear}年）· 收官`}
          controls={others}
          subtitle={
            <>
              {plan.note}
              <Link href="/review" className="ml-1 underline">
                单独打开“十四五”发展成就回顾
              </Link>
            </>
          }
        />
        <Prefetched queries={[{ ...reviewQuery(), queryFn: () => getReview(user) }]}>
          <ReviewView from="plan" />
        </Prefetched>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <PageHeader
        crumbs={[{ href: '/', label: '总览' }]}
        title={`“${plan.name}”规划（${plan.firstYear}—${plan.lastYear}年）`}
        controls={others}
        subtitle={
          <>
            每项指标从{plan.firstYear - 1}年数（“十四五”收官数，取自报告，随数据更新）出发，按规划路径走到
            {plan.lastYear}年； 已完成年份看 12 月数，年内看序时进度。
            <Link href="/plans/fyp-14" className="ml-1 underline">
              “十四五”收官回顾
            </Link>
          </>
        }
      />
      {view.items.some((i) => i.isSample) ? (
        <Notice role="note">
          <strong>示例数据</strong>
          ：政府工作报告未载明“十五五”规划目标，下列目标与路径为示例，仅用于演示；基期数为报告所载 2025 年数。
        </Notice>
      ) : null}
      <p className="text-sm" aria-label="进度汇总">
        符合进度 <strong className="text-green-800">{view.counts.onTrack}</strong> 项 · 落后进度{' '}
        <strong className="text-red-800">{view.counts.behind}</strong> 项 · 尚无数据 {view.counts.noData} 项
      </p>
      {view.items.length === 0 ? (
        <EmptyState message="本规划尚无指标" />
      ) : (
        <PlanTable view={view} choices={can(user, 'target.manage') ? await listBaselineChoices(user) : null} />
      )}
    </div>
  );
}
