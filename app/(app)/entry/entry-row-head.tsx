import { FigureText } from '@/components/kpi/figure-text';
import { SampleBadge, StatusBadge } from '@/components/kpi/status-badge';
import { formatNumber } from '@/lib/domain/format';
import { ACTUAL_STATUS_LABELS } from '@/lib/domain/labels';
import { STATUS_LABELS } from '@/lib/domain/status';
import type { EntrySheet } from '@/lib/services/reporting/entry-sheet';

export type EntrySheetRow = EntrySheet['rows'][number];

const STATE_LABELS: Record<EntrySheetRow['state'], string> = {
  ...ACTUAL_STATUS_LABELS,
  overdue: STATUS_LABELS.overdue,
  open: '未填报',
};

const STATE_TONES: Partial<Record<EntrySheetRow['state'], string>> = {
  overdue: 'bg-violet-100 text-violet-800',
  returned: 'bg-red-100 text-red-800',
};

/** What an official sees above the inputs: the indicator, where its figure stands, last period, target, 序时进度, 口径. */
export function EntryRowHead({ row, titleId }: { row: EntrySheetRow; titleId: string }) {
  const { indicator, actual } = row;
  const facts: [string, React.ReactNode][] = [
    ['上期：', row.previous ? `${formatNumber(row.previous.value)}${indicator.unit}（${row.previous.month}月）` : '—'],
    ['全年目标：', row.target ? <FigureText figure={row.target} unit={indicator.unit} /> : '未设定'],
    ['序时进度应达：', row.expected === null ? '—' : `${formatNumber(row.expected)}${indicator.unit}`],
    ['口径：', indicator.definition || '—'],
  ];
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={titleId} className="font-semibold" title={indicator.definition}>
          {indicator.name}
          <span className="ml-1 text-sm text-gray-500">（{indicator.unit}）</span>
        </h3>
        <span className={`rounded px-1.5 py-0.5 text-xs ${STATE_TONES[row.state] ?? 'bg-gray-100 text-gray-700'}`}>
          {STATE_LABELS[row.state]}
        </span>
        <StatusBadge status={row.status} />
        {actual?.isSample ? <SampleBadge /> : null}
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm text-gray-600 sm:grid-cols-4">
        {facts.map(([term, value], i) => (
          <div key={term} className={i === facts.length - 1 ? 'col-span-2 sm:col-span-1' : undefined}>
            <dt className="inline">{term}</dt>
            <dd className="inline">{value}</dd>
          </div>
        ))}
      </dl>
      {actual?.returnReason && row.state === 'returned' ? (
        <p className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-800">退回原因：{actual.returnReason}</p>
      ) : null}
    </>
  );
}
