import Link from '@/components/ui/link';
import { traitsOf } from '@/lib/domain/kind-traits';
import { Sparkline } from '@/components/charts/chart';
import { formatPoints, formatScaled } from '@/lib/domain/format';
import { ChangeText } from './change-text';
import { FigureText } from './figure-text';
import { SampleBadge, StatusBadge } from './status-badge';
import { periodSearch, type HeadlineKpiLike, type KpiLike, type PeriodLike } from './types';

/** "1–10月累计" for a cumulative figure before December, "10月" for a level, "全年" in December. */
export function asOfText(view: Pick<KpiLike, 'kind' | 'figure'>): string {
  if (!view.figure) return '';
  const m = view.figure.month;
  if (m === 12) return '全年';
  return traitsOf(view.kind).cumulativeToDate ? `1–${m}月累计` : `${m}月`;
}

/** A headline KPI: value with its qualifier, target, status in words, YoY and a sparkline; links to the indicator. */
export function HeadlineTile({ view, period }: { view: HeadlineKpiLike; period: PeriodLike }) {
  return (
    <Link href={`/indicators/${view.code}${periodSearch(period)}`} className="group tile">
      <div className="tile-head">
        <h3 className="tile-title">{view.name}</h3>
        <StatusBadge status={view.status} label={view.statusLabel} />
      </div>
      <div className="tile-row">
        {/* text-sm: the "—" of a missing figure in a size the first screen already draws (globals.css, the weights). */}
        <p className="text-sm">
          <FigureText figure={view.figure} unit={view.unit} className="tile-figure" inLink />
          {view.figure ? (
            <span className="ml-1.5 text-xs text-gray-500">{asOfText(view)}</span>
          ) : (
            <span className="ml-1 text-xs text-gray-500">本期尚无数据</span>
          )}
        </p>
        <Sparkline points={view.series} unit={view.unit} status={view.status} />
      </div>
      <dl className="tile-facts">
        <dt className="text-gray-500">目标</dt>
        <dd>{view.target ? <FigureText figure={view.target} unit={view.unit} inLink /> : '未设定'}</dd>
        {view.expected !== null && !traitsOf(view.kind).comparedInPoints ? (
          <>
            <dt className="text-gray-500">序时进度</dt>
            <dd className="tabular-nums">
              {formatScaled(view.expected, view.unit)}
              {view.gapPoints !== null ? (
                <span className="ml-1 text-gray-500">{`（${formatPoints(view.gapPoints)}）`}</span>
              ) : null}
            </dd>
          </>
        ) : null}
        {traitsOf(view.kind).comparedInPoints && view.gapPoints !== null ? (
          <>
            <dt className="text-gray-500">与目标差</dt>
            <dd className="tabular-nums">{formatPoints(view.gapPoints)}</dd>
          </>
        ) : null}
        <dt className="text-gray-500">同比</dt>
        <dd>
          <ChangeText change={view.yoy} unit={view.unit} inLink />
        </dd>
      </dl>
      {view.isSample ? (
        <p className="mt-2">
          <SampleBadge />
        </p>
      ) : null}
    </Link>
  );
}
