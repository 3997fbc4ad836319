'use client';
/**
 * The small charts every dashboard shows: a sparkline and a progress bar, drawn as plain SVG and CSS (no
 * charting library, so that the overview and the cockpit load none). The indicator page's trend chart, the
 * one recharts wrapper, is ./trend-chart. Data in, already computed (lib/domain/trend, lib/domain/summary):
 * no fetching, no date math. Every chart carries a text alternative (a visually hidden table or a label).
 */
import { useSyncExternalStore } from 'react';
import { formatPercent, formatScaled, NO_VALUE } from '@/lib/domain/format';
import type { ProgressStatus } from '@/lib/domain/types';

const noop = () => () => {};

/** False during the server render and hydration, true after: charts wait for the browser to measure. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

export const STATUS_COLORS: Record<ProgressStatus, string> = {
  green: '#15803d',
  yellow: '#d97706',
  red: '#dc2626',
  grey: '#9ca3af',
  overdue: '#7c3aed',
};

/**
 * A small trend line without axes; its words are read out instead (月份：值). One SVG polyline (points evenly
 * spaced, scaled between the series' own minimum and maximum, as the recharts line it replaces was), so that
 * the overview's first load carries no charting library. Drawn after hydration, as every chart here is.
 */
export function Sparkline({
  points,
  unit,
  status = 'grey',
  tone = 'light',
  width = 112,
  height = 32,
}: {
  points: { month: number; value: number }[];
  unit: string;
  status?: ProgressStatus;
  tone?: 'light' | 'dark';
  width?: number;
  height?: number;
}) {
  const summary = points.length
    ? `走势：${points.map((p) => `${p.month}月 ${formatScaled(p.value, unit)}`).join('，')}`
    : '走势：本期尚无数据';
  const isClient = useIsClient();
  const color = tone === 'dark' && status === 'grey' ? '#94a3b8' : STATUS_COLORS[status];
  const inset = 3;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const span = Math.max(...values) - min;
  const x = (i: number) => inset + (i * (width - 2 * inset)) / Math.max(points.length - 1, 1);
  const y = (v: number) => (span === 0 ? height / 2 : inset + (height - 2 * inset) * (1 - (v - min) / span));
  return (
    <span role="img" aria-label={summary} className="inline-block align-middle" style={{ width, height }}>
      {isClient && points.length > 1 ? (
        <svg
          aria-hidden
          data-chart="sparkline"
          className="block"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
        >
          <polyline
            points={points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')}
            fill="none"
            stroke={color}
            strokeWidth={2}
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        </svg>
      ) : null}
    </span>
  );
}

/**
 * A bullet-style bar: the filled part is actual ÷ target, the tick is the expected share (序时进度); shares over
 * 1 are drawn to the end with the percent stated. The label says it in words.
 */
export function ProgressBar({
  actual,
  expected,
  status,
  label,
  tone = 'light',
  className = '',
}: {
  actual: number | null;
  expected: number | null;
  status: ProgressStatus;
  /** Prefix of the words read out, e.g. "完成率" or "平均完成率". */
  label: string;
  tone?: 'light' | 'dark';
  className?: string;
}) {
  const clamp = (v: number) => Math.min(Math.max(v, 0), 1) * 100;
  const words = `${label} ${actual === null ? NO_VALUE : formatPercent(actual)}${expected === null ? '' : `，序时进度 ${formatPercent(expected)}`}`;
  return (
    <span
      role="img"
      aria-label={words}
      title={words}
      className={`bar block ${tone === 'dark' ? 'bg-slate-700' : 'bg-gray-200'} ${className}`}
    >
      {actual !== null ? (
        <span className="bar-fill" style={{ width: `${clamp(actual)}%`, backgroundColor: STATUS_COLORS[status] }} />
      ) : null}
      {expected !== null ? (
        <span
          className={`bar-mark ${tone === 'dark' ? 'bg-slate-100' : 'bg-gray-900'}`}
          style={{ left: `calc(${clamp(expected)}% - 1px)` }}
        />
      ) : null}
    </span>
  );
}
