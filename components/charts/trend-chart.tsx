'use client';
/**
 * The indicator page's trend chart (figures against the target and expected lines, last year and the
 * projection). Data in, already computed (lib/domain/trend): no fetching, no date math. It draws only in the
 * browser (its size is measured there); the server renders the placeholder and the text alternative (a visually
 * hidden table). The drawing itself, the one recharts module (./trend-plot), is loaded on demand.
 */
import type { ReactNode } from 'react';
import dynamic from 'next/dynamic';
import type { TrendRow } from '@/lib/domain/trend';
import { useIsClient } from './chart';
import { DASHES, SERIES, show, TABLE_SERIES, type SeriesKey } from './trend-series';

/** The placeholder while the browser has not drawn (server render, hydration, the plot's code on its way). */
function PlotPlaceholder({ height }: { height?: number }) {
  return <div aria-hidden className="h-full animate-pulse rounded bg-gray-100" style={{ height }} />;
}

// The drawing (recharts) is fetched when a chart is first on screen, not with the page.
const TrendPlot = dynamic(() => import('./trend-plot'), {
  ssr: false,
  loading: () => <PlotPlaceholder />,
});

/** The series' key, drawn once above a set of compact charts (small multiples) instead of under each. */
export function TrendLegend({ keys = ['actual', 'expected', 'target'] }: { keys?: SeriesKey[] }) {
  return (
    <ul aria-hidden className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-gray-600">
      {keys.map((key) => (
        <li key={key} className="flex items-center gap-1.5">
          <svg width="20" height="6" aria-hidden>
            <line
              x1="0"
              y1="3"
              x2="20"
              y2="3"
              stroke={SERIES[key].color}
              strokeWidth={key === 'actual' ? 2.5 : 1.5}
              strokeDasharray={DASHES[key]}
            />
          </svg>
          {SERIES[key].label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Monthly figures against the annual target, the expected path (序时进度), last year and the projection.
 * `caption` is shown under the chart (put the sample label there when the figures are sample data). `compact` draws a
 * small multiple: no legend (TrendLegend once above the set), narrow axes, the title kept for screen readers only.
 */
export function TrendChart({
  rows,
  unit,
  definition,
  title,
  caption,
  height = 280,
  compact = false,
}: {
  rows: TrendRow[];
  unit: string;
  definition: string;
  title: string;
  caption?: ReactNode;
  height?: number;
  compact?: boolean;
}) {
  const isClient = useIsClient();
  const present = (key: SeriesKey) => rows.some((r) => r[key] !== null);
  const hasData = present('actual') || present('prior');
  const keys = TABLE_SERIES.filter(present);
  return (
    <figure className="break-inside-avoid">
      {!hasData ? (
        <p
          className="flex items-center justify-center rounded border border-dashed border-gray-300 text-sm text-gray-500"
          style={{ height }}
        >
          本期尚无数据
        </p>
      ) : isClient ? (
        // The box keeps its height while the plot's code arrives (the placeholder fills it): nothing shifts.
        <div style={{ height }}>
          <TrendPlot
            rows={rows}
            unit={unit}
            definition={definition}
            height={height}
            compact={compact}
            present={present}
          />
        </div>
      ) : (
        <PlotPlaceholder height={height} />
      )}
      <figcaption className={compact ? 'sr-only' : 'mt-2 flex flex-wrap items-center gap-2 text-xs text-gray-500'}>
        <span>{title}</span>
        {caption}
      </figcaption>
      {/* A table sizes itself to its content: the wrapper, not the table, is the visually hidden box. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">月份</th>
              {keys.map((k) => (
                <th key={k} scope="col">
                  {SERIES[k].label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.month}>
                <th scope="row">{r.month}月</th>
                {keys.map((k) => (
                  <td key={k}>{show(r[k], unit)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
