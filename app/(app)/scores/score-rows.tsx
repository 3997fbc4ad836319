/** The ranking: each department's total, and on opening its row, the formula and every input it was computed from. */
import { SCORING_RULE_LABELS } from '@/lib/domain/labels';
import type { ScoresView } from '@/lib/services/scoring/scores';

export function ScoreRows({ rows }: { rows: ScoresView['rows'] }) {
  return (
    <ol className="space-y-2" aria-label="考核排名">
      {rows.map((r) => (
        <li
          key={r.subjectCode}
          className="rounded-lg border border-gray-200 bg-white shadow-sm"
          data-testid={`score-${r.subjectCode}`}
        >
          <details>
            <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-2">
              <span className="w-14 font-semibold whitespace-nowrap tabular-nums">第{r.rank}名</span>
              <span className="min-w-24 font-medium">{r.subjectName}</span>
              <span className="text-xs text-gray-500">{r.subjectKindLabel}</span>
              <span className="ml-auto tabular-nums">
                总分 <strong data-testid="score-total">{r.total}</strong>
              </span>
              <span className="text-xs text-gray-600 tabular-nums">
                基础分 {r.base} · 扣分 {r.deduction} · 加分 {r.bonus}
              </span>
            </summary>
            <div className="space-y-2 border-t border-gray-100 px-4 py-3 text-sm">
              <p className="rounded bg-gray-50 px-2 py-1 font-mono text-xs leading-relaxed" data-testid="score-formula">
                {r.formula}
              </p>
              <table className="w-full text-xs">
                <thead className="text-gray-500">
                  <tr>
                    <th scope="col" className="py-1 text-left font-medium">
                      指标
                    </th>
                    <th scope="col" className="py-1 text-left font-medium">
                      规则
                    </th>
                    <th scope="col" className="py-1 text-right font-medium">
                      权重
                    </th>
                    <th scope="col" className="py-1 text-right font-medium">
                      年度目标
                    </th>
                    <th scope="col" className="py-1 text-right font-medium">
                      已审核实绩
                    </th>
                    <th scope="col" className="py-1 text-right font-medium">
                      得分
                    </th>
                    <th scope="col" className="py-1 pl-3 text-left font-medium">
                      计算
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100 align-top">
                  {r.inputs.items.map((i) => (
                    <tr key={i.indicatorCode}>
                      <th scope="row" className="py-1 text-left font-normal">
                        {i.indicatorName}
                        {i.areaName ? <span className="block text-gray-500">{i.areaName}</span> : null}
                      </th>
                      <td className="py-1">{SCORING_RULE_LABELS[i.rule]}</td>
                      <td className="py-1 text-right tabular-nums">{i.weight}</td>
                      <td className="py-1 text-right tabular-nums">{i.target ?? '—'}</td>
                      <td className="py-1 text-right tabular-nums">
                        {i.actual ?? '—'}
                        {i.month ? <span className="block text-gray-500">{i.month}月</span> : null}
                      </td>
                      <td className="py-1 text-right tabular-nums">{i.score}</td>
                      <td className="py-1 pl-3 text-gray-700">{i.formula}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="text-xs text-gray-600">
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
