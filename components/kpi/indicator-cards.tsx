/** An indicator list on a phone: one card per indicator (the table takes over from 768 px and in print). */
import Link from '@/components/ui/link';
import { ChangeText } from './change-text';
import { FigureText } from './figure-text';
import { asOfText } from './headline-tile';
import { IndicatorProgress } from './indicator-progress';
import { SampleBadge, StatusBadge } from './status-badge';
import type { KpiLike } from './types';

export function IndicatorCards({ shown, href }: { shown: KpiLike[]; href: (view: KpiLike) => string }) {
  return (
    <ul className="divide-y divide-gray-100 md:hidden print:hidden">
      {shown.map((v) => (
        <li key={v.code} className="px-4 py-3">
          <div className="flex items-start justify-between gap-2">
            <Link href={href(v)} className="text-gray-900 hover:text-red-800 hover:underline">
              {v.name}
            </Link>
            <StatusBadge status={v.status} label={v.statusLabel} />
          </div>
          <dl className="mt-1.5 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
            <div>
              <dt className="text-gray-500">本期实绩 {asOfText(v)}</dt>
              <dd className="text-sm tabular-nums">
                <FigureText figure={v.figure} unit={v.unit} />
              </dd>
            </div>
            <div>
              <dt className="text-gray-500">年度目标</dt>
              <dd className="text-sm tabular-nums">
                {v.target ? <FigureText figure={v.target} unit={v.unit} /> : '未设定'}
              </dd>
            </div>
            <div className="col-span-2">
              <dt className="sr-only">完成情况</dt>
              <dd>
                <IndicatorProgress view={v} />
              </dd>
            </div>
            <div>
              <dt className="text-gray-500">同比</dt>
              <dd>
                <ChangeText change={v.yoy} unit={v.unit} />
              </dd>
            </div>
            <div>
              <dt className="text-gray-500">责任单位</dt>
              <dd>{v.departmentShortName}</dd>
            </div>
          </dl>
          {v.figure?.isSample ? (
            <p className="mt-1">
              <SampleBadge />
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
