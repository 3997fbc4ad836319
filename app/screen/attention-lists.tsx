import type { ReactNode } from 'react';
import { FigureText } from '@/components/kpi/figure-text';
import { IndicatorRowLink } from '@/components/kpi/indicator-row-link';
import { formatPoints } from '@/lib/domain/format';
import type { ScreenView as ScreenData } from '@/lib/services/dashboards/screen';
import { Panel } from './panel';

/** A panel listing indicators that need a leader's attention: the first few, the count, and how many more there are. */
function AttentionList<T extends { code: string }>({
  title,
  id,
  tone,
  list,
  empty,
  more,
  children,
}: {
  title: string;
  id: string;
  tone: string;
  list: { total: number; items: T[] };
  empty: string;
  /** What the line under the list says of the rest. */
  more: (count: number) => string;
  children: (item: T) => ReactNode;
}) {
  return (
    <Panel title={title} id={id} aside={<span className={`text-sm ${tone}`}>共 {list.total} 项</span>}>
      {list.items.length === 0 ? (
        <p className="text-slate-400">{empty}</p>
      ) : (
        <ul className="min-h-0 flex-1 divide-y divide-slate-800 overflow-hidden text-sm 2xl:text-base">
          {list.items.map((item) => (
            <li key={item.code} className="flex items-center gap-3 py-1.5">
              {children(item)}
            </li>
          ))}
        </ul>
      )}
      {list.total > list.items.length ? (
        <p className="mt-1 text-xs text-slate-400">{more(list.total - list.items.length)}</p>
      ) : null}
    </Panel>
  );
}

export function RedList({ data }: { data: ScreenData }) {
  return (
    <AttentionList
      title="滞后指标"
      id="screen-red"
      tone="text-red-300"
      list={data.red}
      empty="本期无滞后指标"
      more={(count) => `另有 ${count} 项，见总览`}
    >
      {(v) => (
        <>
          <IndicatorRowLink code={v.code} name={v.name} period={data.period} tone="dark" />
          <FigureText
            figure={v.figure}
            unit={v.unit}
            className="whitespace-nowrap text-slate-200 tabular-nums"
            tone="dark"
          />
          <span className="text-right text-xs whitespace-nowrap text-red-300 tabular-nums sm:w-24">
            {v.gapPoints === null ? '' : formatPoints(v.gapPoints)}
          </span>
          <span className="hidden w-20 truncate text-right text-xs text-slate-400 sm:block">
            {v.departmentShortName}
          </span>
        </>
      )}
    </AttentionList>
  );
}

export function OverdueList({ data }: { data: ScreenData }) {
  return (
    <AttentionList
      title="逾期未报"
      id="screen-overdue"
      tone="text-violet-300"
      list={data.overdue}
      empty="本期无逾期未报"
      more={(count) => `另有 ${count} 项`}
    >
      {(v) => (
        <>
          <span className="min-w-0 flex-1 truncate" title={v.name}>
            {v.name}
          </span>
          <span className="text-xs whitespace-nowrap text-violet-300">{v.dueMonth}月数据未报</span>
          <span className="w-20 truncate text-right text-xs text-slate-400">{v.departmentShortName}</span>
        </>
      )}
    </AttentionList>
  );
}
