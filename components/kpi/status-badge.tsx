import { STATUS_LABELS } from '@/lib/domain/status';
import type { ProgressStatus } from '@/lib/domain/types';

// `badge` and `badge-dot` (the frame) are in app/globals.css; the colours per status and tone are here.
const STYLES: Record<ProgressStatus, string> = {
  green: 'bg-green-50 text-green-800 ring-green-600/30',
  yellow: 'bg-amber-50 text-amber-800 ring-amber-600/30',
  red: 'bg-red-50 text-red-800 ring-red-600/30',
  grey: 'bg-gray-50 text-gray-600 ring-gray-500/30',
  overdue: 'bg-violet-50 text-violet-800 ring-violet-600/30',
};
const DARK_STYLES: Record<ProgressStatus, string> = {
  green: 'bg-green-500/15 text-green-300 ring-green-400/40',
  yellow: 'bg-amber-500/15 text-amber-300 ring-amber-400/40',
  red: 'bg-red-500/20 text-red-300 ring-red-400/40',
  grey: 'bg-slate-500/20 text-slate-300 ring-slate-400/40',
  overdue: 'bg-violet-500/20 text-violet-300 ring-violet-400/40',
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
      className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${
        tone === 'dark' ? 'bg-sky-500/15 text-sky-300 ring-sky-400/40' : 'bg-sky-50 text-sky-800 ring-sky-600/30'
      }`}
    >
      示例数据
    </span>
  );
}
