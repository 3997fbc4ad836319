import { ProgressBar } from '@/components/charts/chart';
import { formatPercent } from '@/lib/domain/format';
import { groupStatus } from '@/lib/domain/summary';
import type { ProgressStatus } from '@/lib/domain/types';

/**
 * A group of indicators' average completion against the expected share (序时进度), as a bar and in words; `counted`
 * says which indicators the average is over. Without a computable completion, says why.
 */
export function AreaProgress({
  progress,
  counts,
  counted,
  className,
}: {
  progress: { completion: number | null; expected: number | null };
  counts: Record<ProgressStatus, number>;
  counted: string;
  className?: string;
}) {
  if (progress.completion === null) {
    return (
      <p className={['text-xs text-gray-500', className].filter(Boolean).join(' ')}>
        本期无可计算完成率的指标（未设目标或均为增速类）
      </p>
    );
  }
  return (
    <div className={className}>
      <ProgressBar
        actual={progress.completion}
        expected={progress.expected}
        status={groupStatus(counts)}
        label="平均完成率"
      />
      <p className="mt-1 text-xs text-gray-600">
        平均完成率 <strong className="tabular-nums">{formatPercent(progress.completion)}</strong>
        {progress.expected !== null ? (
          <span className="ml-2">{`序时进度 ${formatPercent(progress.expected)}`}</span>
        ) : null}
        <span className="ml-2 text-gray-500">{`（${counted}）`}</span>
      </p>
    </div>
  );
}
