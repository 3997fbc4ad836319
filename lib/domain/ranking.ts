/**
 * Department ranking by the share of indicators on track. The formula is stated beside every ranking shown.
 */
import type { ProgressStatus } from './types';
import { roundTo } from './decimal';

export const RANKING_FORMULA = '在序时进度内（绿灯）的指标数 ÷ 已有数据或已逾期的指标数';

export interface RankingItem {
  departmentId: number;
  departmentName: string;
  status: ProgressStatus;
}

export interface DepartmentRank {
  departmentId: number;
  departmentName: string;
  /** Green indicators. */
  onTrack: number;
  /** Green + yellow + red + overdue (grey — nothing due yet — is left out). */
  counted: number;
  /** onTrack ÷ counted, 6 decimals; null when nothing is counted. */
  share: number | null;
  counts: Record<ProgressStatus, number>;
  /** Competition ranking (1, 1, 3): equal share and onTrack share a rank. */
  rank: number;
}

function emptyCounts(): Record<ProgressStatus, number> {
  return { green: 0, yellow: 0, red: 0, grey: 0, overdue: 0 };
}

function compareRanks(a: DepartmentRank, b: DepartmentRank): number {
  if (a.share !== b.share) {
    if (a.share === null) return 1;
    if (b.share === null) return -1;
    return b.share - a.share;
  }
  if (a.onTrack !== b.onTrack) return b.onTrack - a.onTrack;
  return a.departmentName.localeCompare(b.departmentName, 'zh-Hans-CN') || a.departmentId - b.departmentId;
}

/**
 * One row per department: share = green ÷ (green + yellow + red + overdue), 6 decimals, null when nothing counted;
 * sorted by share desc (null last), onTrack desc, then name (pinyin order); ties in share and onTrack share a rank.
 */
export function rankDepartments(items: readonly RankingItem[]): DepartmentRank[] {
  const byDepartment = new Map<number, DepartmentRank>();
  for (const item of items) {
    let row = byDepartment.get(item.departmentId);
    if (row === undefined) {
      row = {
        departmentId: item.departmentId,
        departmentName: item.departmentName,
        onTrack: 0,
        counted: 0,
        share: null,
        counts: emptyCounts(),
        rank: 0,
      };
      byDepartment.set(item.departmentId, row);
    }
    row.counts[item.status] += 1;
  }

  const rows = [...byDepartment.values()].map((row) => {
    const { green, yellow, red, overdue } = row.counts;
    const counted = green + yellow + red + overdue;
    return { ...row, onTrack: green, counted, share: counted === 0 ? null : roundTo(green / counted, 6) };
  });
  rows.sort(compareRanks);

  let previous: DepartmentRank | undefined;
  rows.forEach((row, index) => {
    const isTie = previous !== undefined && previous.share === row.share && previous.onTrack === row.onTrack;
    row.rank = isTie && previous !== undefined ? previous.rank : index + 1;
    previous = row;
  });
  return rows;
}

/**
 * A long ranking shortened for a summary page: the first `top` and the last `bottom`, the middle counted.
 * Folding saves nothing when it would hide a single row, so a list of up to top + bottom + 1 is kept whole.
 */
export function foldRanking<T>(
  ranked: readonly T[],
  keep: { top: number; bottom: number },
): { head: T[]; folded: number; tail: T[] } {
  if (ranked.length <= keep.top + keep.bottom + 1) return { head: [...ranked], folded: 0, tail: [] };
  return {
    head: ranked.slice(0, keep.top),
    folded: ranked.length - keep.top - keep.bottom,
    tail: ranked.slice(ranked.length - keep.bottom),
  };
}

/** How many departments the overview lists at the top and at the bottom of its ranking (the rest on request). */
export const OVERVIEW_RANKING_KEEP = { top: 10, bottom: 5 } as const;

/**
 * A ranking as a page lists it: the departments ranked first (`head`) and last (`tail`), how many ranked between
 * them are left out (`folded`), and the departments with nothing due yet (`unranked`: listed apart, in the order
 * given). Without `keep` every ranked department is in `head`.
 */
export interface FoldedRanking<T> {
  head: T[];
  folded: number;
  tail: T[];
  unranked: T[];
}

export function foldRankRows<T extends { share: number | null }>(
  rows: readonly T[],
  keep?: { top: number; bottom: number },
): FoldedRanking<T> {
  const ranked = rows.filter((r) => r.share !== null);
  const { head, folded, tail } = keep ? foldRanking(ranked, keep) : { head: ranked, folded: 0, tail: [] };
  return { head, folded, tail, unranked: rows.filter((r) => r.share === null) };
}
