import { describe, it, expect } from 'vitest';
import { RANKING_FORMULA, rankDepartments, type RankingItem } from './ranking';
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
