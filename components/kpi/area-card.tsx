import Link from '@/components/ui/link';
import type { ProgressStatus } from '@/lib/domain/types';
import { AreaProgress } from './area-progress';
import { IndicatorRowLink } from './indicator-row-link';
import { FigureText } from './figure-text';
import { SampleBadge, StatusBadge } from './status-badge';
import { StatusCounts } from './status-counts';
import { periodSearch, type FeaturedKpiLike, type PeriodLike } from './types';

export interface AreaCardData {
  id: number;
  slug: string;
  name: string;
  total: number;
  counts: Record<ProgressStatus, number>;
  progress: { completion: number | null; expected: number | null; counted: number };
  featured: FeaturedKpiLike[];
  featuredKind: 'worst' | 'key';
}

/** One work area: completion against the expected share, status counts, and the indicators needing attention. */
export function AreaCard({ area, period }: { area: AreaCardData; period: PeriodLike }) {
  const href = `/areas/${area.slug}${periodSearch(period)}`;
  return (
    <section aria-labelledby={`area-${area.slug}`} className="area-card">
      <div className="area-card-head">
        <div className="area-card-title">
          <h2 id={`area-${area.slug}`} className="text-base font-semibold">
            <Link href={href} className="link-hover">
              <span className="mr-1.5 text-red-700">{area.id}</span>
              {area.name}
            </Link>
          </h2>
          <span className="text-xs whitespace-nowrap text-gray-500">{`${area.total} 项指标`}</span>
        </div>
        <AreaProgress
          className="mt-2"
          progress={area.progress}
          counts={area.counts}
          counted={`${area.progress.counted} 项指标参与平均`}
        />
        <div className="mt-2">
          <StatusCounts counts={area.counts} label={`${area.name}状态分布`} />
        </div>
      </div>
      <div className="flex-1 px-4 py-2">
        <h3 className="text-xs text-gray-500">{area.featuredKind === 'worst' ? '需关注' : '主要指标'}</h3>
        {area.featured.length ? (
          <ul className="area-card-list">
            {area.featured.map((v) => (
              <li key={v.code} className="row-item">
                <IndicatorRowLink code={v.code} name={v.name} period={period} />
                <FigureText figure={v.figure} unit={v.unit} className="row-figure" inLink />
                {v.isSample ? <span className="sr-only">（示例数据）</span> : null}
                <StatusBadge status={v.status} label={v.statusLabel} />
                <span className="row-note" title={v.departmentShortName}>
                  {v.departmentShortName}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-gray-500">本期尚无数据</p>
        )}
      </div>
      <div className="area-card-foot">
        {area.featured.some((v) => v.isSample) ? <SampleBadge /> : <span />}
        <Link href={href} className="text-red-800 hover:underline">
          {`查看全部 ${area.total} 项 →`}
        </Link>
      </div>
    </section>
  );
}
