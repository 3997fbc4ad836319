import type { Metadata } from 'next';
import { permissionPage } from '@/app/(app)/_page/server-page';
import { Notice } from '@/components/ui/notice';
import { parseYearSearch, type SearchPageProps } from '@/lib/validation/period';
import { currentPeriod } from '@/lib/domain/period';
import { getScoringAdmin } from '@/lib/services/scoring/scoring';
import { scoringQuery } from './queries';
import { SchemeForm } from './scheme-form';

export const metadata: Metadata = { title: '考核方案' };
export const dynamic = 'force-dynamic';

export default async function AdminScoringPage({ searchParams }: SearchPageProps) {
  return permissionPage('scoring.manage', { what: '「考核方案」' }, async (user) => {
    const { year, error } = parseYearSearch(await searchParams, currentPeriod(new Date()).year);
    return {
      queries: [{ ...scoringQuery(year), queryFn: () => getScoringAdmin(user, { year }) }],
      view: (
        <div className="space-y-4">
          <h1 className="text-xl font-semibold">{year}年考核方案</h1>
          {error ? (
            <Notice tone="warning" role="status">
              {error}
            </Notice>
          ) : null}
          <p className="text-sm text-gray-600">
            设定各主抓手权重（合计 100）与主抓手内各指标权重（合计
            100）、计分规则与上限、扣分和加分项；保存时校验，发布后按已审核数据计算各责任单位和各县区（分解到县区的指标，对本县区目标）的得分并保存为快照。已发布的方案再修改会生成新版本，已发布得分保持不变。
          </p>
          <SchemeForm year={year} />
        </div>
      ),
    };
  });
}
