'use client';
/**
 * The trend chart's drawing: the one module that imports recharts. Loaded by ./trend-chart only in the browser
 * (next/dynamic), so that no page's bundle — nor the overview's prefetch of the indicator page — carries the
 * charting library before a chart is on screen.
 */
import { CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatScaled } from '@/lib/domain/format';
import type { TrendRow } from '@/lib/domain/trend';
import { DASHES, LINES, SERIES, show, type SeriesKey } from './trend-series';

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
      <p className="text-gray-900">{label}月</p>
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

export default function TrendPlot({
  rows,
  unit,
  definition,
  height,
  compact,
  present,
}: {
  rows: TrendRow[];
  unit: string;
  definition: string;
  height: number;
  compact: boolean;
  present: (key: SeriesKey) => boolean;
}) {
  const tick = { fontSize: compact ? 10 : 12, fill: '#4b5563' };
  return (
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
  );
}
