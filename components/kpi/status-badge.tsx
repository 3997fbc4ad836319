import { STATUS_LABELS } from '@/lib/domain/status';
import type { ProgressStatus } from '@/lib/domain/types';

const STYLES: Record<ProgressStatus, string> = {
  green: 'bg-green-50 text-green-800 ring-green-600/30',
  yellow: 'bg-amber-50 text-amber-800 ring-amber-600/30',
  red: 'bg-red-50 text-red-800 ring-red-600/30',
  grey: 'bg-gray-50 text-gray-600 ring-gray-500/30',
  overdue: 'bg-violet-50 text-violet-800 ring-violet-600/30',
};
const DOTS: Record<ProgressStatus, string> = {
  green: 'bg-green-600',
  yellow: 'bg-amber-500',
  red: 'bg-red-600',
  grey: 'bg-gray-400',
  overdue: 'bg-violet-600',
};

/** Status with its text label (never colour alone). */
export function StatusBadge({ status }: { status: ProgressStatus }) {
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}>
      <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${DOTS[status]}`} />
      {STATUS_LABELS[status]}
    </span>
  );
}

export function SampleBadge() {
  return (
    <span title="示例数据：用于演示，非真实统计数据" className="whitespace-nowrap rounded bg-sky-50 px-1.5 py-0.5 text-xs font-medium text-sky-800 ring-1 ring-inset ring-sky-600/30">
      示例数据
    </span>
  );
}
