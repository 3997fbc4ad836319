/** The trend chart's series: names, colours, dashes and drawing order (shared by the chart, its plot and the legend). */
import { formatScaled, NO_VALUE } from '@/lib/domain/format';

export const SERIES = {
  actual: { label: '实绩', color: '#1d4ed8' },
  projection: { label: '预计全年', color: '#1d4ed8' },
  expected: { label: '序时进度', color: '#b45309' },
  target: { label: '全年目标', color: '#4b5563' },
  prior: { label: '上年同期', color: '#9ca3af' },
} as const;
export type SeriesKey = keyof typeof SERIES;
export const DASHES: Partial<Record<SeriesKey, string>> = { target: '2 4', expected: '6 4', projection: '4 4' };
export const TABLE_SERIES: SeriesKey[] = ['actual', 'expected', 'target', 'prior', 'projection'];
/** The lines in drawing order (the actual figures last, on top, and always: the axes need them). */
export const LINES: { key: SeriesKey; dot: false | { r: number }; connectNulls?: boolean; width?: number }[] = [
  { key: 'target', dot: false },
  { key: 'expected', dot: false },
  { key: 'prior', dot: { r: 2 }, connectNulls: true },
  { key: 'projection', dot: { r: 3 }, connectNulls: true },
  { key: 'actual', dot: { r: 3 }, connectNulls: true, width: 2.5 },
];

export const show = (value: number | null | undefined, unit: string) =>
  value === null || value === undefined ? NO_VALUE : formatScaled(value, unit);
