import { describe, it, expect } from 'vitest';
import { foldRanking, foldRankRows, RANKING_FORMULA, rankDepartments, type RankingItem } from './ranking';
import type { ProgressStatus } from './types';

function items(departmentId: number, departmentName: string, statuses: ProgressStatus[]): RankingItem[] {
  return statuses.map((status) => ({ departmentId, departmentName, status }));
}

describe('rankDepartments', () => {
  it('share = green ÷ (green + yellow + red + overdue); grey (no data yet) is not counted', () => {
    const [row] = rankDepartments(items(1, '发改委', ['green', 'green', 'yellow', 'red', 'overdue', 'grey', 'grey']));
    expect(row).toEqual({
      departmentId: 1,
      departmentName: '发改委',
      onTrack: 2,
      counted: 5,
      share: 0.4,
      counts: { green: 2, yellow: 1, red: 1, grey: 2, overdue: 1 },
      rank: 1,
    });
  });

  it('an overdue indicator counts against the department', () => {
    const [a, b] = rankDepartments([
      ...items(1, '甲局', ['green', 'green']),
      ...items(2, '乙局', ['green', 'green', 'overdue']),
    ]);
    expect([a?.departmentName, a?.share, b?.departmentName, b?.share]).toEqual(['甲局', 1, '乙局', 0.666667]);
  });

  it('no data: only grey → share null, ranked last', () => {
    const rows = rankDepartments([...items(1, '财政局', ['grey', 'grey']), ...items(2, '住建局', ['red'])]);
    expect(rows.map((r) => [r.departmentName, r.share, r.counted, r.rank])).toEqual([
      ['住建局', 0, 1, 1],
      ['财政局', null, 0, 2],
    ]);
  });

  it('equal share: more green indicators ranks higher', () => {
    const rows = rankDepartments([
      ...items(1, '教育局', ['green', 'red']),
      ...items(2, '卫生健康委', ['green', 'green', 'red', 'red']),
    ]);
    expect(rows.map((r) => [r.departmentName, r.rank])).toEqual([
      ['卫生健康委', 1],
      ['教育局', 2],
    ]);
  });

  it('equal share and onTrack share a rank (1, 1, 3), names in pinyin order', () => {
    const rows = rankDepartments([
      ...items(3, '住建局', ['green', 'yellow']),
      ...items(1, '财政局', ['green', 'yellow']),
      ...items(2, '教育局', ['yellow', 'red']),
      ...items(4, '商务局', ['green', 'green']),
    ]);
    expect(rows.map((r) => [r.departmentName, r.share, r.rank])).toEqual([
      ['商务局', 1, 1],
      ['财政局', 0.5, 2],
      ['住建局', 0.5, 2],
      ['教育局', 0, 4],
    ]);
  });

  it('no items → no rows', () => {
    expect(rankDepartments([])).toEqual([]);
  });

  it('states its formula in Chinese', () => {
    expect(RANKING_FORMULA).toBe('在序时进度内（绿灯）的指标数 ÷ 已有数据或已逾期的指标数');
  });
});

describe('foldRanking', () => {
  const ranks = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it('keeps the first ten and the last five of sixty, and counts the forty-five between', () => {
    const { head, folded, tail } = foldRanking(ranks(60), { top: 10, bottom: 5 });
    expect(head).toEqual(ranks(10));
    expect(folded).toBe(45);
    expect(tail).toEqual([56, 57, 58, 59, 60]);
  });

  it('keeps a list whole when folding would hide one row or none', () => {
    expect(foldRanking(ranks(16), { top: 10, bottom: 5 })).toEqual({ head: ranks(16), folded: 0, tail: [] });
    expect(foldRanking(ranks(10), { top: 10, bottom: 5 })).toEqual({ head: ranks(10), folded: 0, tail: [] });
    expect(foldRanking([], { top: 10, bottom: 5 })).toEqual({ head: [], folded: 0, tail: [] });
  });

  it('folds from seventeen on: two rows hidden', () => {
    const { head, folded, tail } = foldRanking(ranks(17), { top: 10, bottom: 5 });
    expect([head.length, folded, tail]).toEqual([10, 2, [13, 14, 15, 16, 17]]);
  });
});

describe('foldRankRows', () => {
  const rows = (shares: (number | null)[]) => shares.map((share, i) => ({ id: i + 1, share }));

  it('folds the ranked rows and lists the unranked apart, in the order given', () => {
    const shares = [...Array.from({ length: 20 }, (_, i) => 1 - i / 40), null, null];
    const given = rows([null, ...shares]);
    const { head, folded, tail, unranked } = foldRankRows(given, { top: 10, bottom: 5 });
    expect(head.map((r) => r.id)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(folded).toBe(5);
    expect(tail.map((r) => r.id)).toEqual([17, 18, 19, 20, 21]);
    expect(unranked.map((r) => r.id)).toEqual([1, 22, 23]);
  });

  it('keeps every ranked row in the head without a fold', () => {
    const given = rows(Array.from({ length: 30 }, (_, i) => (i === 3 ? null : i / 30)));
    const { head, folded, tail, unranked } = foldRankRows(given);
    expect([head.length, folded, tail.length, unranked.map((r) => r.id)]).toEqual([29, 0, 0, [4]]);
  });

  it('folds nothing of a short ranking', () => {
    expect(foldRankRows(rows([0.5, null, 0.25]), { top: 10, bottom: 5 })).toEqual({
      head: [
        { id: 1, share: 0.5 },
        { id: 3, share: 0.25 },
      ],
      folded: 0,
      tail: [],
      unranked: [{ id: 2, share: null }],
    });
  });
});
