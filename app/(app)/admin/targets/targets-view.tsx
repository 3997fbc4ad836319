'use client';

import { useQuery } from '@tanstack/react-query';
import Link from '@/components/ui/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { FigureText } from '@/components/kpi/figure-text';
import { KIND_LABELS, PHASING_LABELS, SYSTEM_ACTOR_LABEL } from '@/lib/domain/labels';
import type { TargetList } from '@/lib/services/admin/targets';
import { matchesSearch, useAdminDialogs } from '../_shared/admin-list';
import { formatBeijingTime } from '../_shared/format';
import { targetsQuery } from './queries';
import { TargetDialog } from './target-dialog';
import { Button } from '@/components/ui/button';
import { FilterCheck, FilterSearch, YearSelect } from '@/components/ui/filter-select';
import { Notice } from '@/components/ui/notice';
import { DataTable } from '@/components/ui/table';
import { ErrorState } from '@/components/kpi/states';

type Item = TargetList['items'][number];

export function TargetsView({
  year,
  thisYear,
  notice: initialNotice,
}: {
  year: number;
  thisYear: number;
  notice?: string;
}) {
  const router = useRouter();
  const { data, error, isPending } = useQuery(targetsQuery(year));
  const { dialog: editing, setDialog: setEditing, close, notice, done } = useAdminDialogs<Item>(initialNotice);
  const [search, setSearch] = useState('');
  const [onlyMissing, setOnlyMissing] = useState(false);
  const items = useMemo(
    () =>
      (data?.items ?? []).filter(
        (i) => (!onlyMissing || !i.target) && matchesSearch(search, i.indicator.name, i.indicator.code),
      ),
    [data, search, onlyMissing],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="text-xl font-semibold">{year} 年目标管理</h1>
        <YearSelect
          year={year}
          years={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2]}
          onChange={(y) => router.push(`/admin/targets?year=${y}`)}
        />
        <Link href="/import?kind=targets" className="ml-auto text-sm text-red-800 underline">
          从 Excel 批量导入目标
        </Link>
      </div>
      {data?.hasBegun ? (
        <Notice tone="warning">{year} 年度已开始：修改已有目标须填写修订原因，目标将标记为“已修订”。</Notice>
      ) : null}
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <FilterSearch label="搜索指标" value={search} onChange={setSearch} />
        <FilterCheck label="只看未设定目标的指标" checked={onlyMissing} onChange={setOnlyMissing} />
        {data ? (
          <span className="text-gray-600">
            已设定 {data.items.filter((i) => i.target).length} / {data.items.length} 项
          </span>
        ) : null}
      </div>
      {isPending ? <div className="h-64 animate-pulse rounded-lg bg-gray-200" aria-label="加载中" /> : null}
      {error ? <ErrorState message={error.message} /> : null}
      {data ? (
        <DataTable
          headers={['指标', '类型', '责任单位', '全年目标', '分解', '修订', '最后修改', '操作']}
          minWidth="min-w-[960px]"
        >
          {items.map((i) => (
            <tr key={i.indicator.code}>
              <td className="px-3 py-2">
                {i.indicator.name}
                <span className="ml-1 font-mono text-xs text-gray-500">{i.indicator.code}</span>
                {i.indicator.isRetired ? <span className="ml-1 text-xs text-gray-500">（已停用）</span> : null}
              </td>
              <td className="px-3 py-2">{KIND_LABELS[i.indicator.kind]}</td>
              <td className="px-3 py-2">{i.indicator.departmentShortName}</td>
              <td className="px-3 py-2">
                {i.target ? (
                  <FigureText figure={i.target} unit={i.indicator.unit} />
                ) : (
                  <span className="text-gray-500">未设定</span>
                )}
              </td>
              <td className="px-3 py-2">
                {i.target
                  ? `${PHASING_LABELS[i.target.phasing]}${i.target.phases.length ? `（${i.target.phases.length} 期）` : ''}`
                  : '—'}
              </td>
              <td className="px-3 py-2">
                {i.target?.isRevised ? (
                  <>
                    <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900 ring-1 ring-amber-600/30">
                      已修订
                    </span>
                    <span className="mt-0.5 block max-w-48 text-xs text-gray-600">原因：{i.target.revisionReason}</span>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className="px-3 py-2 text-xs text-gray-600">
                {i.target
                  ? `${i.target.updatedByName ?? SYSTEM_ACTOR_LABEL} ${formatBeijingTime(i.target.updatedAt ?? null)}`
                  : '—'}
              </td>
              <td className="px-3 py-2">
                {i.indicator.isRetired ? null : (
                  <Button
                    onClick={() => setEditing(i)}
                    size="sm"
                    aria-label={`${i.target ? '修改' : '设定'} ${i.indicator.name} 的目标`}
                  >
                    {i.target ? '修改' : '设定'}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {editing && data ? (
        <TargetDialog item={editing} year={year} hasBegun={data.hasBegun} onClose={close} onSaved={done} />
      ) : null}
    </div>
  );
}
