/**
 * A ranking (departments, or units): each subject's total, and on opening its row, the formula and every input it
 * was computed from — both levels of weights for each indicator (a snapshot published before area weights shows
 * the points it was published with).
 */
import { DataTable, type Column } from '@/components/ui/table';
import { SCORING_RULE_LABELS } from '@/lib/domain/labels';
import { itemWeightParts, type ItemRecord } from '@/lib/domain/scoring-run';
import type { ScoresView } from '@/lib/services/scoring/scores';

const HEADERS: Column[] = [
  '指标',
  '规则',
  ...['主抓手权重', '指标权重', '折算权重', '年度目标', '已审核实绩', '得分'].map((label) => ({
    label,
    align: 'right' as const,
  })),
  '计算',
];
const CELL = 'px-3 py-1 align-top';
const NUMBER = `${CELL} text-right tabular-nums`;

function ItemRow({ item: i }: { item: ItemRecord }) {
  const w = itemWeightParts(i);
  return (
    <tr>
      <th scope="row" className={`${CELL} text-left font-normal`}>
        {i.indicatorName}
        {i.areaName ? <span className="block text-gray-500">{i.areaName}</span> : null}
      </th>
      <td className={CELL}>{SCORING_RULE_LABELS[i.rule]}</td>
      <td className={NUMBER}>{w.areaWeight ?? '—'}</td>
      <td className={NUMBER}>{w.share ? `${w.share}%` : '—'}</td>
      <td className={NUMBER}>{w.points}</td>
      <td className={NUMBER}>{i.target ?? '—'}</td>
      <td className={NUMBER}>
        {i.actual ?? '—'}
        {i.month ? <span className="block text-gray-500">{i.month}月</span> : null}
      </td>
      <td className={NUMBER}>{i.score}</td>
      <td className={`${CELL} text-gray-700`}>{i.formula}</td>
    </tr>
  );
}

export function ScoreRows({ rows, label }: { rows: ScoresView['rows']; label: string }) {
  return (
    <ol className="space-y-2" aria-label={label}>
      {rows.map((r) => (
        <li
          key={r.subjectCode}
          className="rounded-lg border border-gray-200 bg-white shadow-sm"
          data-testid={`score-${r.subjectCode}`}
        >
          <details>
            <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-2">
              <span className="w-14 font-semibold whitespace-nowrap tabular-nums">第{r.rank}名</span>
              <span className="min-w-24">{r.subjectName}</span>
              <span className="text-xs text-gray-500">{r.subjectKindLabel}</span>
              <span className="ml-auto tabular-nums">
                总分 <strong data-testid="score-total">{r.total}</strong>
              </span>
              <span className="text-xs text-gray-600 tabular-nums">
                基础分 {r.base} · 扣分 {r.deduction} · 加分 {r.bonus}
              </span>
            </summary>
            <div className="space-y-2 border-t border-gray-100 px-4 py-3 text-xs">
              <p className="rounded bg-gray-50 px-2 py-1 font-mono leading-relaxed" data-testid="score-formula">
                {r.formula}
              </p>
              <DataTable headers={HEADERS} caption={`${r.subjectName}的得分明细`} minWidth="min-w-[960px]">
                {r.inputs.items.map((i) => (
                  <ItemRow key={i.indicatorCode} item={i} />
                ))}
              </DataTable>
              <p className="text-gray-600">
                逾期未报 {r.inputs.lateCount} 项 · 数据退回 {r.inputs.returnedCount} 项
                {r.inputs.bonuses.length
                  ? ` · 加分项：${r.inputs.bonuses.map((b) => `${b.name} ${b.points}`).join('；')}`
                  : ''}
              </p>
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
