/**
 * Filtering and sorting of an indicator list (the work-area table). Pure and stable: equal keys keep the
 * catalogue order; missing values sort last in either direction.
 */
import { statusSeverity } from './status';
import type { IndicatorKind, ProgressStatus } from './types';

export const SORT_KEYS = ['catalog', 'status', 'name', 'completion', 'yoy', 'department'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export const SORT_LABELS: Record<SortKey, string> = {
  catalog: '默认顺序',
  status: '状态（最差在前）',
  name: '指标名称',
  completion: '完成率',
  yoy: '同比',
  department: '责任单位',
};

export interface ListItem {
  name: string;
  kind: IndicatorKind;
  status: ProgressStatus;
  gapPoints: number | null;
  completion: number | null;
  yoy: { change: number } | null;
  departmentCode: string;
  departmentShortName: string;
}

export interface ListFilter {
  status?: ProgressStatus | null;
  departmentCode?: string | null;
  kind?: IndicatorKind | null;
}

/** Items matching every given criterion (an absent or null criterion matches all). */
export function filterIndicators<T extends ListItem>(items: readonly T[], filter: ListFilter): T[] {
  return items.filter(
    (v) =>
      (!filter.status || v.status === filter.status) &&
      (!filter.departmentCode || v.departmentCode === filter.departmentCode) &&
      (!filter.kind || v.kind === filter.kind),
  );
}

const collator = new Intl.Collator('zh-Hans-CN');

type Key = number | string | null;

function keyOf(item: ListItem, key: SortKey, index: number): Key {
  switch (key) {
    case 'catalog':
      return index;
    case 'status':
      // Severity, then the lag: the most behind first within a status.
      return statusSeverity(item.status) * 1e6 + (item.gapPoints ?? 0);
    case 'name':
      return item.name;
    case 'completion':
      return item.completion;
    case 'yoy':
      return item.yoy?.change ?? null;
    case 'department':
      return item.departmentShortName;
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return (a as number) - (b as number);
}

/**
 * Sorted copy. `asc` for status means worst first; names and departments in pinyin order. Missing values
 * (no completion, no YoY) go last whichever the direction; ties keep the catalogue order.
 */
export function sortIndicators<T extends ListItem>(
  items: readonly T[],
  key: SortKey,
  direction: SortDirection = 'asc',
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return items
    .map((item, index) => ({ item, index, key: keyOf(item, key, index) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) return a.index - b.index;
        return a.key === null ? 1 : -1;
      }
      return sign * compareKeys(a.key, b.key) || a.index - b.index;
    })
    .map((x) => x.item);
}

/** Reads a sort key from a URL or form value; unknown → 'catalog'. */
export function parseSortKey(value: string | null | undefined): SortKey {
  return (SORT_KEYS as readonly string[]).includes(value ?? '') ? (value as SortKey) : 'catalog';
}
