import { formatWithQualifier } from '@/lib/domain/qualifier';
import type { Qualifier } from '@/lib/domain/types';

/** A figure as the report writes it: value, unit and qualifier ("4.5%左右", "超900亿元"), or its words. */
export function formatFigure(f: { value: string | null; valueText?: string | null; qualifier: Qualifier }, unit: string, overWord?: '超' | '突破'): string {
  // The report's own words, unless they only restate "all done" of a counted task ("15件民生实事全部完成").
  const wordsOnlySayDone = f.value !== null && f.qualifier === 'all_done' && /^全(部|面)完成$/.test(f.valueText ?? '');
  if (f.valueText && !wordsOnlySayDone) return f.valueText;
  return formatWithQualifier({ value: f.value, unit, qualifier: f.qualifier, overWord });
}

export function FigureText({
  figure,
  unit,
  className,
}: {
  figure: { value: string | null; valueText?: string | null; qualifier: Qualifier; isDerived?: boolean } | null;
  unit: string;
  className?: string;
}) {
  if (!figure) return <span className="text-gray-400">—</span>;
  return (
    <span className={className}>
      {formatFigure(figure, unit)}
      {figure.isDerived ? (
        <abbr title="由报告中的其他数据推算，非直接公布数" className="ml-1 text-xs text-gray-500 no-underline">
          (推算)
        </abbr>
      ) : null}
    </span>
  );
}
