import { STATUS_LABELS } from '@/lib/domain/status';
import type { ProgressStatus } from '@/lib/domain/types';
import { StatusBadge } from './status-badge';

/** Worst first, as leaders read them. */
export const COUNT_ORDER: ProgressStatus[] = ['red', 'overdue', 'yellow', 'green', 'grey'];

/**
 * Counts per status, each with its label ("滞后 2"); zero counts are shown in the neutral grey badge unless
 * `hideZero` (not faded with opacity, which took the label below the 4.5:1 contrast ratio).
 */
export function StatusCounts({
  counts,
  hideZero = false,
  tone = 'light',
  label = '状态分布',
}: {
  counts: Record<ProgressStatus, number>;
  hideZero?: boolean;
  tone?: 'light' | 'dark';
  label?: string;
}) {
  return (
    <ul aria-label={label} className="count-list">
      {COUNT_ORDER.filter((s) => !hideZero || counts[s] > 0).map((s) => (
        <li key={s} className="count-item" aria-label={`${STATUS_LABELS[s]} ${counts[s]} 项`}>
          <StatusBadge status={counts[s] === 0 ? 'grey' : s} label={STATUS_LABELS[s]} tone={tone} />
          <span className="count-num">{counts[s]}</span>
        </li>
      ))}
    </ul>
  );
}
