'use client';
import Link from '@/components/ui/link';
import { ProgressBar } from '@/components/charts/chart';
import { formatPercent } from '@/lib/domain/format';
import type { FoldedRanking } from '@/lib/domain/ranking';
import type { ProgressStatus } from '@/lib/domain/types';
import { periodSearch, type PeriodLike } from './types';
import { Button } from '@/components/ui/button';
import { TableHead } from '@/components/ui/table';

export interface RankRow {
  rank: number;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  onTrack: number;
  counted: number;
  share: number | null;
  counts: Record<ProgressStatus, number>;
}

/** Asking for the departments a folded ranking leaves out: the action, and how the answer is coming along. */
export interface RankingUnfold {
  onUnfold: () => void;
  pending: boolean;
  /** Why the last try failed (the button then tries again). */
  error: string | null;
}

/**
 * Departments by share of indicators on track, the formula stated above the table. A folded ranking (the overview's)
 * shows its first and last departments and a row saying which ranks it leaves out, with `unfold` to ask for them.
 */
export function RankingTable({
  ranking,
  formula,
  period,
  linkDepartments,
  unfold,
}: {
  ranking: FoldedRanking<RankRow>;
  formula: string;
  period: PeriodLike;
  /** Link each department to its page (only for those who may open every department). */
  linkDepartments: boolean;
  unfold?: RankingUnfold;
}) {
  const { head, folded, tail, unranked } = ranking;
  const rankedCount = head.length + folded + tail.length;
  const name = (r: RankRow) =>
    linkDepartments && r.departmentCode ? (
      <Link href={`/departments/${r.departmentCode}${periodSearch(period)}`} className="link-hover">
        {r.departmentName}
      </Link>
    ) : (
      r.departmentName
    );
  const row = (r: RankRow) => (
    <tr key={r.departmentId}>
      <td className="rank-cell">{r.rank}</td>
      <th scope="row" className="rank-name">
        {name(r)}
      </th>
      <td className="share-cell">
        <span className="share-line">
          <ProgressBar
            actual={r.share}
            expected={null}
            status="green"
            label="达标率"
            className="hidden w-24 sm:block"
          />
          <span className="tabular-nums">{r.share === null ? '—' : formatPercent(r.share)}</span>
        </span>
      </td>
      <td className="rank-cell">{`${r.onTrack}/${r.counted}`}</td>
      <td className="rank-wide">{r.counts.red}</td>
      <td className="rank-wide">{r.counts.overdue}</td>
      <td className="rank-wide">{r.counts.yellow}</td>
    </tr>
  );
  return (
    <div>
      <p className="text-xs text-gray-600">
        排名依据（达标率）= <strong className="font-semibold">{formula}</strong>
      </p>
      {rankedCount === 0 ? (
        <p className="mt-3 text-sm text-gray-500">本期尚无数据：没有已到期的计划指标，暂不排名。</p>
      ) : (
        <div className="mt-2">
          <table className="w-full text-sm">
            <TableHead
              columns={[
                { label: '名次', align: 'right', className: 'w-12' },
                '责任单位',
                '达标率',
                { label: '正常/计入', align: 'right' },
                { label: '滞后', align: 'right', className: 'hidden sm:table-cell' },
                { label: '逾期未报', align: 'right', className: 'hidden sm:table-cell' },
                { label: '预警', align: 'right', className: 'hidden sm:table-cell' },
              ]}
            />
            <tbody className="divide-y divide-gray-100">
              {head.map(row)}
              {folded > 0 ? (
                <tr>
                  <td colSpan={7} className="px-2 py-1.5 text-center text-xs text-gray-500">
                    第 {head.length + 1}–{head.length + folded} 名（{folded} 个单位）未列出
                    {unfold ? (
                      <>
                        {unfold.error ? (
                          <span role="alert" className="ml-2 text-red-800">
                            加载失败：{unfold.error}
                          </span>
                        ) : null}
                        <Button onClick={unfold.onUnfold} disabled={unfold.pending} variant="link" className="ml-2">
                          {unfold.pending ? '正在加载…' : unfold.error ? '重试' : `展开全部 ${rankedCount} 个单位`}
                        </Button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ) : null}
              {tail.map(row)}
            </tbody>
          </table>
        </div>
      )}
      {unranked.length ? (
        <p className="mt-2 text-xs leading-relaxed text-gray-500">
          本期暂无到期数据、不参与排名（{unranked.length} 个）：
          {unranked.map((r, i) => (
            <span key={r.departmentId}>
              {i > 0 ? '、' : ''}
              {name(r)}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
