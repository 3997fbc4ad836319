'use client';
/** The filter bar of an indicator list: status, department, kind, sort and direction, kept in the URL. */
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FilterSelect } from '@/components/ui/filter-select';
import {
  filterIndicators,
  parseSortKey,
  SORT_KEYS,
  SORT_LABELS,
  sortIndicators,
  type SortDirection,
} from '@/lib/domain/indicator-list';
import { KIND_LABELS } from '@/lib/domain/labels';
import { STATUS_LABELS } from '@/lib/domain/status';
import { INDICATOR_KINDS, PROGRESS_STATUSES, type IndicatorKind, type ProgressStatus } from '@/lib/domain/types';
import type { KpiLike, PeriodLike } from './types';

function oneOf<T extends string>(list: readonly T[], value: string | null): T | null {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;
}

/** The list's choices as the URL holds them, the rows they leave, and a setter that rewrites the URL. */
export function useIndicatorFilters(views: KpiLike[], period: PeriodLike, departments: { code: string }[]) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const status = oneOf<ProgressStatus>(PROGRESS_STATUSES, params.get('status'));
  const kind = oneOf<IndicatorKind>(INDICATOR_KINDS, params.get('kind'));
  const department = departments.some((d) => d.code === params.get('dept')) ? params.get('dept') : null;
  const sort = parseSortKey(params.get('sort'));
  const direction: SortDirection = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    if (!next.has('year')) next.set('year', String(period.year));
    if (!next.has('month')) next.set('month', String(period.month));
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const shown = sortIndicators(filterIndicators(views, { status, kind, departmentCode: department }), sort, direction);
  return { status, kind, department, sort, direction, set, shown };
}

export type IndicatorFilters = ReturnType<typeof useIndicatorFilters>;

export function IndicatorFilterBar({
  filters,
  total,
  departments,
  showDepartmentFilter,
}: {
  filters: IndicatorFilters;
  total: number;
  departments: { code: string; shortName: string }[];
  showDepartmentFilter: boolean;
}) {
  const { status, kind, department, sort, direction, set, shown } = filters;
  return (
    <div
      className="no-print flex flex-wrap items-end gap-3 border-b border-gray-100 px-4 py-3 text-sm"
      role="group"
      aria-label="筛选与排序"
    >
      <FilterSelect
        label="状态"
        value={status ?? ''}
        onChange={(v) => set('status', v)}
        options={PROGRESS_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
      />
      {showDepartmentFilter ? (
        <FilterSelect
          label="责任单位"
          value={department ?? ''}
          onChange={(v) => set('dept', v)}
          options={departments.map((d) => ({ value: d.code, label: d.shortName }))}
        />
      ) : null}
      <FilterSelect
        label="指标类型"
        value={kind ?? ''}
        onChange={(v) => set('kind', v)}
        options={INDICATOR_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
      />
      <FilterSelect
        label="排序"
        value={sort}
        onChange={(v) => set('sort', v === 'catalog' ? null : v)}
        options={SORT_KEYS.map((k) => ({ value: k, label: SORT_LABELS[k] }))}
        allLabel={null}
      />
      <Button
        size="sm"
        onClick={() => set('dir', direction === 'asc' ? 'desc' : null)}
        aria-label={direction === 'asc' ? '当前升序，点击改为降序' : '当前降序，点击改为升序'}
      >
        {direction === 'asc' ? '升序 ↑' : '降序 ↓'}
      </Button>
      <span className="ml-auto text-xs text-gray-500" aria-live="polite">
        显示 {shown.length} / {total} 项
      </span>
    </div>
  );
}
