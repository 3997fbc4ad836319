'use client';
/**
 * The one recharts wrapper: the indicator page's trend chart (figures against the target and expected lines,
 * last year and the projection). Data in, already computed (lib/domain/trend): no fetching, no date math. It
 * draws only in the browser (its size is measured there); the server renders the placeholder and the text
 * alternative (a visually hidden table). Apart from ./chart so that pages without it do not load recharts.
 */
import type { ReactNode } from 'react';
import { CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatScaled, NO_VALUE } from '@/lib/domain/format';
import type { TrendRow } from '@/lib/domain/trend';
import { useIsClient } from './chart';

const SERIES = {
  actual: { label: '实绩', color: '#1d4ed8' },
  projection: { label: '预计全年', color: '#1d4ed8' },
  expected: { label: '序时进度', color: '#b45309' },
  target: { label: '全年目标', color: '#4b5563' },
  prior: { label: '上年同期', color: '#9ca3af' },
} as const;
type SeriesKey = keyof typeof SERIES;
const DASHES: Partial<Record<SeriesKey, string>> = { target: '2 4', expected: '6 4', projection: '4 4' };
const TABLE_SERIES: SeriesKey[] = ['actual', 'expected', 'target', 'prior', 'projection'];
/** The lines in drawing order (the actual figures last, on top, and always: the axes need them). */
const LINES: { key: SeriesKey; dot: false | { r: number }; connectNulls?: boolean; width?: number }[] = [
  { key: 'target', dot: false },
  { key: 'expected', dot: false },
  { key: 'prior', dot: { r: 2 }, connectNulls: true },
  { key: 'projection', dot: { r: 3 }, connectNulls: true },
  { key: 'actual', dot: { r: 3 }, connectNulls: true, width: 2.5 },
];

const show = (value: number | null | undefined, unit: string) =>
  value === null || value === undefined ? NO_VALUE : formatScaled(value, unit);

function TrendTooltip({
  active,
  payload,
  label,
  unit,
  definition,
}: Partial<TooltipContentProps<number, string>> & { unit: string; definition: string }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="max-w-xs rounded border border-gray-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-gray-900">{label}月</p>
      <ul className="mt-1 space-y-0.5">
        {payload.map((entry) => {
          const key = String(entry.dataKey) as SeriesKey;
          const value = typeof entry.value === 'number' ? entry.value : null;
          return (
            <li key={key} className="flex justify-between gap-3">
              <span style={{ color: SERIES[key]?.color }}>{SERIES[key]?.label ?? key}</span>
              <span className="text-gray-900 tabular-nums">{show(value, unit)}</span>
            </li>
          );
        })}
      </ul>
      {definition ? <p className="mt-1.5 border-t border-gray-100 pt-1.5 text-gray-500">口径：{definition}</p> : null}
    </div>
  );
}

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
  const tick = { fontSize: compact ? 10 : 12, fill: '#4b5563' };
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
        <div aria-hidden className="print:[&_svg]:max-w-full">
          <ComposedChart
            responsive
            accessibilityLayer={false}
            data={rows}
            style={{ width: '100%', height }}
            margin={compact ? { top: 4, right: 8, bottom: 0, left: 0 } : { top: 8, right: 16, bottom: 0, left: 8 }}
          >
            <CartesianGrid stroke="#e5e7eb" vertical={false} />
            <XAxis dataKey="month" tickFormatter={(m: number) => `${m}月`} tick={tick} />
            <YAxis width={compact ? 52 : 72} tick={tick} tickFormatter={(v: number) => formatScaled(v, unit)} />
            <Tooltip content={<TrendTooltip unit={unit} definition={definition} />} />
            {compact ? null : <Legend wrapperStyle={{ fontSize: 12 }} />}
            {LINES.filter((line) => line.key === 'actual' || present(line.key)).map((line) => (
              <Line
                key={line.key}
                dataKey={line.key}
                name={SERIES[line.key].label}
                stroke={SERIES[line.key].color}
                strokeDasharray={DASHES[line.key]}
                strokeWidth={line.width ?? 1}
                dot={line.dot}
                connectNulls={line.connectNulls ?? false}
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        </div>
      ) : (
        <div aria-hidden className="animate-pulse rounded bg-gray-100" style={{ height }} />
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
