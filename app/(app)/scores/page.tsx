import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/kpi/states';
import { SampleBadge } from '@/components/kpi/status-badge';
import { Forbidden } from '@/components/ui/forbidden';
import { requirePagePermission } from '@/lib/session/page-guard';
import { currentPeriod } from '@/lib/domain/period';
import { searchParam, type SearchPageProps } from '@/lib/validation/period';
import { getScores } from '@/lib/services/scoring/scores';
import { ScoreRows } from './score-rows';
import { Button } from '@/components/ui/button';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '考核得分' };

const RANKINGS = [
  { kind: 'department', title: '责任单位排名' },
  { kind: 'unit', title: '县区排名' },
] as const;

export default async function ScoresPage({ searchParams }: SearchPageProps) {
  const { user, allowed } = await requirePagePermission('score.view');
  if (!allowed) return <Forbidden what="「考核得分」" />;
  const search = await searchParams;
  const text = searchParam(search, 'year');
  const year = text && /^\d{4}$/.test(text) ? Number(text) : currentPeriod(new Date()).year;
  const versionText = searchParam(search, 'version');
  const view = await getScores(user, { year, ...(versionText ? { version: versionText } : {}) }).catch(() => null);
  if (!view) return <EmptyState message={`${year} 年考核方案第 ${versionText ?? ''} 版未发布`} />;
  const scheme = view.scheme;
  const exportHref = (format: string) =>
    `/api/exports/scores?year=${year}&version=${scheme?.version ?? ''}&format=${format}`;
  return (
    <div className="space-y-4">
      <PageHeader
        crumbs={[{ href: '/', label: '总览' }]}
        title={`${year}年高质量发展绩效考核得分`}
        badges={scheme?.isSample ? <SampleBadge /> : null}
        subtitle={
          scheme
            ? `方案第 ${scheme.version} 版，发布于 ${scheme.publishedAt ? new Date(scheme.publishedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—'}（北京时间）；得分只依据已审核通过的数据，发布后作为快照保存，方案再修改不影响已发布得分。`
            : undefined
        }
        controls={
          <form className="flex items-center gap-2 text-sm" action="/scores">
            <label htmlFor="scores-year">年份</label>
            <input
              id="scores-year"
              name="year"
              defaultValue={year}
              inputMode="numeric"
              className="w-20 rounded border border-gray-300 px-2 py-1"
            />
            <Button type="submit" size="sm">
              查看
            </Button>
          </form>
        }
      />
      {scheme?.isSample ? (
        <Notice role="note">
          <strong>示例数据</strong>：示例考核方案按 2026 年示例数据计算，仅用于演示，非真实考核结果。
        </Notice>
      ) : null}
      {!scheme ? (
        <EmptyState message={`${year} 年尚无已发布的考核得分`} />
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {view.versions.length > 1 ? (
              <nav aria-label="已发布版本" className="flex flex-wrap gap-2">
                已发布版本：
                {view.versions.map((v) => (
                  <Link
                    key={v.version}
                    href={`/scores?year=${year}&version=${v.version}`}
                    aria-current={v.version === scheme.version ? 'page' : undefined}
                    className={v.version === scheme.version ? 'font-semibold text-red-800' : 'underline'}
                  >
                    第 {v.version} 版
                  </Link>
                ))}
              </nav>
            ) : null}
            {view.canExport ? (
              <span className="ml-auto flex gap-2">
                <a
                  href={exportHref('xlsx')}
                  className="rounded border border-gray-300 bg-white px-2 py-1 hover:bg-gray-50"
                  download
                >
                  导出 Excel
                </a>
                <a
                  href={exportHref('csv')}
                  className="rounded border border-gray-300 bg-white px-2 py-1 hover:bg-gray-50"
                  download
                >
                  导出 CSV
                </a>
              </span>
            ) : null}
          </div>
          <div className="space-y-1 text-xs text-gray-600" aria-label="计分公式">
            <p>权重分两级：各主抓手权重合计 100，主抓手内各指标权重合计 100；指标折算权重 = 主抓手权重 × 指标权重%。</p>
            <p>
              指标得分 = 折算权重 × 计分比率（完成率、序时进度按上限封顶；任务类完成得满分、未完成 0 分；越低越好按 目标
              ÷ 实绩 反向计分）。基础分 = 各项得分之和 ÷ 本单位参与指标的折算权重合计 × 100；扣分 =
              逾期未报、数据退回按项扣分（封顶）；加分按加分项（封顶）；总分 = 基础分 − 扣分 + 加分。
            </p>
            <p>
              责任单位按其负责的指标计分；县区按“分解到县区”的指标、以本县区已审核数据对本县区目标计分，两者分别排名。
            </p>
          </div>
          {RANKINGS.map(({ kind, title }) => {
            const rows = view.rows.filter((r) => r.subjectKind === kind);
            return rows.length ? (
              <section key={kind} aria-labelledby={`ranking-${kind}`} className="space-y-2">
                <h2 id={`ranking-${kind}`} className="text-base font-semibold">
                  {title}
                </h2>
                <ScoreRows rows={rows} label={title} />
              </section>
            ) : null;
          })}
        </>
      )}
    </div>
  );
}
