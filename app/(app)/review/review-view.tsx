'use client';
/** The 十四五 review: each 2025 figure against its 2020 baseline, grouped as the report groups them. */
import { usePageQuery } from '@/components/query/use-page-query';
import Link from '@/components/ui/link';
import { ChangeText } from '@/components/kpi/change-text';
import { FigureText } from '@/components/kpi/figure-text';
import { PLAN_TYPE_LABELS } from '@/lib/domain/labels';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/kpi/states';
import { reviewQuery } from '@/lib/client-api/dashboard-queries';
import { changeQuality } from '@/lib/domain/summary';
import type { ReviewView as ReviewData } from '@/lib/services/dashboards/review';
import { TableHead } from '@/components/ui/table';

type Item = ReviewData['groups'][number]['items'][number];

function Change({ item }: { item: Item }) {
  if (!item.change) return <span className="text-gray-400">—</span>;
  const quality = changeQuality(item.change, item.direction);
  return (
    <span className="tabular-nums">
      <ChangeText change={item.change} unit={item.unit} />
      {quality ? (
        <span className="ml-1 text-xs text-gray-500">{quality === 'better' ? '（向好）' : '（变差）'}</span>
      ) : null}
    </span>
  );
}

/**
 * `from`: shown at /review it links to the plan it closes (/plans/fyp-14); shown there as the plan's closing view,
 * the plan page links back.
 */
export function ReviewView({ from = 'review' }: { from?: 'review' | 'plan' }) {
  const { data, fallback } = usePageQuery(reviewQuery(), { tiles: 0, blocks: 3 });
  if (!data) return fallback;
  const { plan } = data;
  return (
    <div className="space-y-5">
      <PageHeader
        crumbs={[{ href: '/', label: '总览' }]}
        title={`“${plan.name}”发展成就回顾`}
        subtitle={
          <>
            {`${plan.baselineYear + 1}—${plan.endYear}年，对比“十三五”末（${plan.baselineYear}年）基期；数值与变化按政府工作报告原文记载，报告未直接给出的数标“推算”，点击可看推算方法。`}
            {from === 'review' ? (
              <Link href="/plans/fyp-14" className="ml-1 underline">
                “十四五”规划收官页
              </Link>
            ) : null}
            <Link href="/plans/fyp-15" className="ml-1 underline">
              由此出发的“十五五”规划路径 ›
            </Link>
          </>
        }
      />
      <nav aria-label="回顾分组" className="no-print flex flex-wrap gap-1 text-sm">
        {data.groups.map((g) => (
          <a
            key={g.name}
            href={`#group-${g.name}`}
            className="rounded bg-white px-2 py-1 text-gray-700 ring-1 ring-gray-200 hover:bg-red-50"
          >
            {g.name}
          </a>
        ))}
      </nav>
      {data.groups.map((group) => (
        <section
          key={group.name}
          id={`group-${group.name}`}
          aria-labelledby={`title-${group.name}`}
          className="rounded-lg border border-gray-200 bg-white shadow-sm"
        >
          <h2 id={`title-${group.name}`} className="px-4 pt-3 text-base font-semibold">
            {group.name}
            <span className="ml-2 text-xs font-normal text-gray-500">{group.items.length} 项</span>
          </h2>
          {group.items.length === 0 ? (
            <div className="p-4">
              <EmptyState message="本组尚无数据" />
            </div>
          ) : (
            <>
              <div className="hidden md:block">
                <table className="mt-2 w-full table-fixed text-sm">
                  <colgroup>
                    <col />
                    <col className="w-40" />
                    <col className="w-44" />
                    <col className="w-40" />
                    <col className="w-24" />
                  </colgroup>
                  <TableHead
                    columns={[
                      { label: '指标', className: 'px-4' },
                      { label: `${plan.baselineYear}年（基期）`, align: 'right' },
                      { label: `${plan.endYear}年`, align: 'right' },
                      { label: '变化', align: 'right' },
                      '责任单位',
                    ]}
                  />
                  <tbody className="divide-y divide-gray-100 align-top">
                    {group.items.map((item) => (
                      <tr key={item.code}>
                        <th scope="row" className="max-w-md px-4 py-2 text-left font-normal">
                          <Link
                            href={`/indicators/${item.code}?year=${plan.endYear}`}
                            className="hover:text-red-800 hover:underline"
                            title={`口径：${item.definition}`}
                          >
                            {item.name}
                          </Link>
                          <span className="ml-1 text-xs text-gray-500">{PLAN_TYPE_LABELS[item.planType]}</span>
                          {item.sourceText ? (
                            <span className="mt-0.5 block text-xs leading-snug text-gray-500">
                              原文：{item.sourceText}
                            </span>
                          ) : null}
                        </th>
                        <td className="px-2 py-2 text-right">
                          <FigureText figure={item.baseline} unit={item.unit} className="tabular-nums" />
                        </td>
                        <td className="px-2 py-2 text-right">
                          <FigureText figure={item.end} unit={item.unit} className="tabular-nums" />
                        </td>
                        <td className="px-2 py-2 text-right whitespace-nowrap">
                          <Change item={item} />
                        </td>
                        <td className="px-2 py-2 text-gray-600">{item.departmentShortName}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ul className="mt-2 divide-y divide-gray-100 md:hidden">
                {group.items.map((item) => (
                  <li key={item.code} className="px-4 py-3 text-sm">
                    <Link
                      href={`/indicators/${item.code}?year=${plan.endYear}`}
                      className="hover:text-red-800 hover:underline"
                    >
                      {item.name}
                    </Link>
                    <span className="ml-1 text-xs text-gray-500">
                      {PLAN_TYPE_LABELS[item.planType]} · {item.departmentShortName}
                    </span>
                    <div className="mt-1 flex flex-wrap items-baseline gap-x-2">
                      {item.baseline ? (
                        <span className="text-gray-600">
                          {plan.baselineYear}年{' '}
                          <FigureText figure={item.baseline} unit={item.unit} className="tabular-nums" /> →
                        </span>
                      ) : null}
                      <span>
                        {plan.endYear}年{' '}
                        <FigureText figure={item.end} unit={item.unit} className="font-semibold tabular-nums" />
                      </span>
                      {item.change ? <Change item={item} /> : null}
                    </div>
                    {item.sourceText ? (
                      <p className="mt-1 text-xs leading-snug text-gray-500">原文：{item.sourceText}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
