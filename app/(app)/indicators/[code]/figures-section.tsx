'use client';
/** Every figure of the indicator with its status, the people and times of each step, explanations, evidence and history; and the targets. */
import { Card } from '@/components/ui/card';
import { EvidenceList } from '@/components/kpi/evidence-list';
import { FigureText } from '@/components/kpi/figure-text';
import { SampleBadge, StatusBadge } from '@/components/kpi/status-badge';
import { EmptyState } from '@/components/kpi/states';
import type { IndicatorDetail } from '@/lib/services/dashboards/indicator';
import { formatShanghaiDateTime } from '@/lib/domain/datetime';
import { ACTUAL_STATUS_LABELS, PHASING_LABELS } from '@/lib/domain/labels';
import { formatScaled } from '@/lib/domain/format';
import { TableHead } from '@/components/ui/table';

type Figure = IndicatorDetail['figures'][number];

const WORKFLOW_STYLES: Record<Figure['workflow'], string> = {
  draft: 'text-gray-600',
  submitted: 'text-sky-800',
  approved: 'text-green-800',
  returned: 'text-red-800',
};

function Who({ name, at }: { name: string | null; at: string | null }) {
  if (!name && !at) return <span className="text-gray-400">—</span>;
  return (
    <span>
      {name ?? '系统导入'}
      {at ? <span className="block text-xs text-gray-500">{formatShanghaiDateTime(at)}</span> : null}
    </span>
  );
}

function Notes({ f }: { f: Figure }) {
  const items: { label: string; text: string }[] = [];
  if (f.note) items.push({ label: '备注', text: f.note });
  if (f.explanation) items.push({ label: '情况说明', text: f.explanation });
  if (f.returnReason) items.push({ label: '退回原因', text: f.returnReason });
  if (f.derivedNote) items.push({ label: '推算方法', text: f.derivedNote });
  if (!items.length && !f.evidenceUrl && !f.evidence.length) return <span className="text-gray-400">—</span>;
  return (
    <div className="space-y-0.5 text-xs">
      {items.map((i) => (
        <p key={i.label}>
          <span className="text-gray-500">{i.label}：</span>
          {i.text}
        </p>
      ))}
      {f.evidenceUrl ? (
        <p>
          <span className="text-gray-500">佐证材料：</span>
          <a href={f.evidenceUrl} className="text-red-800 underline" rel="noopener noreferrer">
            查看
          </a>
        </p>
      ) : null}
      {f.evidence.length ? (
        <div>
          <span className="text-gray-500">佐证材料（{f.evidence.length} 个文件）：</span>
          <EvidenceList items={f.evidence} />
        </div>
      ) : null}
    </div>
  );
}

function History({ f, unit }: { f: Figure; unit: string }) {
  if (!f.history.length) {
    return <span className="text-xs text-gray-500">{f.sourceText ? '报告公布数，未经填报' : '无变更记录'}</span>;
  }
  const show = (v: string | null) => (v === null ? '—' : formatScaled(v, unit));
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-red-800">{f.history.length} 条记录</summary>
      <ol className="mt-1 space-y-1 border-l-2 border-gray-200 pl-2">
        {f.history.map((e) => (
          <li key={e.id}>
            <span className="text-gray-500">{formatShanghaiDateTime(e.at)}</span> {e.actor}
            {e.role ? <span className="text-gray-500">（{e.role}）</span> : null}{' '}
            <strong className="font-semibold">{e.label}</strong>
            {e.isValueChange ? (
              <span>
                ：{e.valueBefore === null ? '' : `${show(e.valueBefore)} → `}
                {show(e.valueAfter)}
              </span>
            ) : null}
            {e.reason ? <span className="block text-gray-600">原因：{e.reason}</span> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

function Value({ f, unit }: { f: Figure; unit: string }) {
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-1">
      <FigureText figure={f} unit={unit} className="tabular-nums" />
      {f.isSample ? <SampleBadge /> : null}
    </span>
  );
}

export function FiguresSection({ figures, unit }: { figures: Figure[]; unit: string }) {
  return (
    <section aria-labelledby="figures-title" className="rounded-lg border border-gray-200 bg-white shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-4 pt-3">
        <h2 id="figures-title" className="text-base font-semibold">
          填报记录
        </h2>
        <p className="text-xs text-gray-500">每个数据的审核状态、红黄绿灯、填报与审核人及时间、说明和变更历史</p>
      </div>
      {figures.length === 0 ? (
        <div className="p-4">
          <EmptyState message="尚无填报数据" />
        </div>
      ) : (
        <>
          <table className="mt-2 hidden w-full text-sm md:table print:table">
            <TableHead
              columns={[
                { label: '期别', className: 'px-4' },
                { label: '数值', align: 'right' },
                '审核状态',
                '红黄绿灯',
                '填报',
                '审核',
                '说明与佐证',
                '变更历史',
              ]}
            />
            <tbody className="divide-y divide-gray-100 align-top">
              {figures.map((f) => (
                <tr key={f.id} className="break-inside-avoid">
                  <th scope="row" className="px-4 py-2 text-left font-normal whitespace-nowrap">
                    {f.year}年{f.month}月
                  </th>
                  <td className="px-2 py-2 text-right">
                    <Value f={f} unit={unit} />
                  </td>
                  <td className={`px-2 py-2 text-xs whitespace-nowrap ${WORKFLOW_STYLES[f.workflow]}`}>
                    {ACTUAL_STATUS_LABELS[f.workflow]}
                  </td>
                  <td className="px-2 py-2">
                    {f.status ? (
                      <StatusBadge status={f.status} label={f.statusLabel ?? undefined} />
                    ) : (
                      <span className="text-gray-400">—</span>
                    )}
                  </td>
                  <td className="px-2 py-2">
                    <Who name={f.submittedBy ?? f.enteredBy} at={f.submittedAt ?? f.enteredAt} />
                  </td>
                  <td className="px-2 py-2">
                    <Who name={f.approvedBy ?? f.returnedBy} at={f.approvedAt ?? f.returnedAt} />
                  </td>
                  <td className="max-w-xs px-2 py-2">
                    <Notes f={f} />
                  </td>
                  <td className="px-2 py-2">
                    <History f={f} unit={unit} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="mt-2 divide-y divide-gray-100 md:hidden print:hidden">
            {figures.map((f) => (
              <li key={f.id} className="space-y-1 px-4 py-3 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-semibold">
                    {f.year}年{f.month}月
                  </span>
                  <Value f={f} unit={unit} />
                </div>
                <div className="flex flex-wrap items-center gap-2 text-xs">
                  <span className={`${WORKFLOW_STYLES[f.workflow]}`}>{ACTUAL_STATUS_LABELS[f.workflow]}</span>
                  {f.status ? <StatusBadge status={f.status} label={f.statusLabel ?? undefined} /> : null}
                </div>
                <p className="text-xs text-gray-600">
                  填报：{f.submittedBy ?? f.enteredBy ?? (f.submittedAt ? '系统导入' : '—')}{' '}
                  {f.submittedAt ? formatShanghaiDateTime(f.submittedAt) : ''} · 审核：
                  {f.approvedBy ?? f.returnedBy ?? (f.approvedAt ? '系统导入' : '—')}{' '}
                  {f.approvedAt ? formatShanghaiDateTime(f.approvedAt) : ''}
                </p>
                <Notes f={f} />
                <History f={f} unit={unit} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

type Target = IndicatorDetail['targets'][number];

export function TargetsSection({ targets, unit }: { targets: Target[]; unit: string }) {
  return (
    <Card titleId="targets-title" title="年度目标">
      {targets.length === 0 ? (
        <p className="mt-2 text-sm text-gray-500">尚未设定年度目标（报告年度的数据按公布数展示，不判定红黄绿灯）</p>
      ) : (
        <ul className="mt-2 divide-y divide-gray-100 text-sm">
          {targets.map((t) => (
            <li key={t.year} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
              <span className="w-16">{t.year}年</span>
              <FigureText figure={t} unit={unit} className="tabular-nums" />
              <span className="text-xs text-gray-500">{PHASING_LABELS[t.phasing]}</span>
              {t.phases.length ? (
                <span className="text-xs text-gray-500">
                  （{t.phases.map((p) => `${p.month}月 ${formatScaled(p.value, unit)}`).join('，')}）
                </span>
              ) : null}
              {t.isRevised ? (
                <span className="text-xs text-amber-800">已调整{t.revisionReason ? `：${t.revisionReason}` : ''}</span>
              ) : null}
              {t.isSample ? <SampleBadge /> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
