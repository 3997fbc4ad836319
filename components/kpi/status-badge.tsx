import { STATUS_LABELS } from '@/lib/domain/status';
import type { ProgressStatus } from '@/lib/domain/types';

// `badge` (the frame and the dot) and the colour classes per status and tone are in app/globals.css: written out here
// in full, so that Tailwind finds and emits them.
const STYLES: Record<ProgressStatus, string> = {
  green: 'st-green',
  yellow: 'st-yellow',
  red: 'st-red',
  grey: 'st-grey',
  overdue: 'st-overdue',
};
const DARK_STYLES: Record<ProgressStatus, string> = {
  green: 'st-green-dark',
  yellow: 'st-yellow-dark',
  red: 'st-red-dark',
  grey: 'st-grey-dark',
  overdue: 'st-overdue-dark',
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
      {label ?? STATUS_LABELS[status]}
    </span>
  );
}

export function SampleBadge({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  return (
    <span title="示例数据：用于演示，非真实统计数据" className={tone === 'dark' ? 'sample-badge-dark' : 'sample-badge'}>
      示例数据
    </span>
  );
}
