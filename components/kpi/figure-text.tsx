import { formatReportFigure } from '@/lib/domain/qualifier';
import type { Qualifier } from '@/lib/domain/types';
import { MethodNote } from './change-text';

/** A figure as the report writes it: value, unit and qualifier word ("4.5%左右", "突破160亿元", "1374公里全线贯通"), or its words. */
export function formatFigure(
  f: { value: string | null; valueText?: string | null; qualifier: Qualifier },
  unit: string,
): string {
  return formatReportFigure(f, unit);
}

/** The figure, and for a derived one (推算, or a number converted from words) its method one click away. */
export function FigureText({
  figure,
  unit,
  className,
  inLink = false,
  tone = 'light',
}: {
  figure: {
    value: string | null;
    valueText?: string | null;
    qualifier: Qualifier;
    isDerived?: boolean;
    derivedNote?: string | null;
  } | null;
  unit: string;
  className?: string;
  /** Inside a link: the 推算 marker only (the method is on the page the link opens). */
  inLink?: boolean;
  /** On a dark background (the cockpit). */
  tone?: 'light' | 'dark';
}) {
  if (!figure) return <span className="text-gray-400">—</span>;
  return (
    <span className={className}>
      {formatFigure(figure, unit)}
      {figure.isDerived ? (
        inLink ? (
          <span
            className={`ml-1 text-xs ${tone === 'dark' ? 'text-slate-300' : 'text-gray-500'}`}
            title={figure.derivedNote ?? undefined}
          >
            （推算）
          </span>
        ) : (
          <MethodNote label="推算" method={figure.derivedNote ?? '由报告中的其他数据推算，非直接公布数'} tone={tone} />
        )
      ) : null}
    </span>
  );
}
