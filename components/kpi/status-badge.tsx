import { STATUS_LABELS } from '@/lib/domain/status';
import type { ProgressStatus } from '@/lib/domain/types';

// The badge classes are defined in app/globals.css; written out in full here, as Tailwind finds the classes in use.
const STYLES: Record<ProgressStatus, string> = {
  green: 'badge-green',
  yellow: 'badge-yellow',
  red: 'badge-red',
  grey: 'badge-grey',
  overdue: 'badge-overdue',
};
const DARK_STYLES: Record<ProgressStatus, string> = {
  green: 'badge-dark-green',
  yellow: 'badge-dark-yellow',
  red: 'badge-dark-red',
  grey: 'badge-dark-grey',
  overdue: 'badge-dark-overdue',
};
const DOTS: Record<ProgressStatus, string> = {
  green: 'bg-green-600',
  yellow: 'bg-amber-500',
  red: 'bg-red-600',
  grey: 'bg-gray-400',
  overdue: 'bg-violet-600',
};

/** Status with its text label (never colour alone); `label` overrides the words (e.g. 未设目标). */
export function StatusBadge({
  status,
  label,
  tone = 'light',
}: {
  status: ProgressStatus;
  label?: string;
  tone?: 'light' | 'dark';
}) {
  return (
    <span className={`badge ${(tone === 'dark' ? DARK_STYLES : STYLES)[status]}`}>
      <span aria-hidden className={`badge-dot ${DOTS[status]}`} />
      {label ?? STATUS_LABELS[status]}
    </span>
  );
}

export function SampleBadge({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  return (
    <span
      title="示例数据：用于演示，非真实统计数据"
      className={tone === 'dark' ? 'badge badge-dark-sample' : 'badge badge-sample'}
    >
      示例数据
    </span>
  );
}
