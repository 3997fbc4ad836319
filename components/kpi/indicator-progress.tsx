import { ProgressBar } from '@/components/charts/chart';
import { formatPercent, formatPoints } from '@/lib/domain/format';
import { traitsOf } from '@/lib/domain/kind-traits';
import type { KpiLike } from './types';

/** Completion in words and as a bar; a rate shows its gap to the target in points instead. */
export function IndicatorProgress({ view }: { view: KpiLike }) {
  if (traitsOf(view.kind).comparedInPoints) {
    return (
      <span className="text-xs text-gray-600 tabular-nums">
        {view.gapPoints === null ? '—' : `较目标 ${formatPoints(view.gapPoints)}`}
      </span>
    );
  }
  if (!view.shares) return <span className="text-xs text-gray-400">—</span>;
  return (
    <span className="flex min-w-[8rem] items-center gap-2">
      <ProgressBar
        actual={view.shares.actual}
        expected={view.shares.expected}
        status={view.status}
        label="完成率"
        className="w-20 flex-none"
      />
      <span className="text-xs text-gray-700 tabular-nums">
        {view.shares.actual === null ? '—' : formatPercent(view.shares.actual)}
      </span>
    </span>
  );
}
