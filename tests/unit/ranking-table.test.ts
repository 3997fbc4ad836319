/**
 * The overview's ranking as the server renders it: a folded ranking lists its first and last departments and says
 * which ranks it leaves out, with the button that asks for them — and what that button says while they come and
 * when they could not be read. (The sample year ranks too few departments to fold, so the browser tests never
 * see the fold.)
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RankingTable, type RankRow, type RankingUnfold } from '@/components/kpi/ranking-table';
import { foldRankRows, OVERVIEW_RANKING_KEEP } from '@/lib/domain/ranking';

const rows: RankRow[] = Array.from({ length: 62 }, (_, i) => ({
  rank: i + 1,
  departmentId: i + 1,
  departmentCode: `d${i + 1}`,
  departmentName: `单位${i + 1}`,
  onTrack: 60 - i,
  counted: 60,
  share: i < 60 ? (60 - i) / 60 : null,
  counts: { green: 60 - i, yellow: i, red: 0, grey: 0, overdue: 0 },
}));

function render(unfold?: RankingUnfold, ranking = foldRankRows(rows, OVERVIEW_RANKING_KEEP)) {
  return renderToStaticMarkup(
    createElement(RankingTable, {
      ranking,
      formula: '绿灯数 ÷ 计入数',
      period: { year: 2026, month: 11 },
      linkDepartments: true,
      unfold,
    }),
  );
}

const names = (html: string) => [...html.matchAll(/>(单位\d+)</g)].map((m) => m[1]);
const idle: RankingUnfold = { onUnfold: () => undefined, pending: false, error: null };

describe('RankingTable', () => {
  it('lists the first ten and the last five ranked, says which ranks it leaves out, and the unranked apart', () => {
    const html = render(idle);
    const ranked = names(html.slice(0, html.indexOf('</table>')));
    expect(ranked).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `单位${i + 1}`),
      '单位56',
      '单位57',
      '单位58',
      '单位59',
      '单位60',
    ]);
    expect(html).toContain('第 11–55 名（45 个单位）未列出');
    expect(html).toMatch(/<button[^>]*>展开全部 60 个单位<\/button>/);
    expect(html).toContain('不参与排名（2 个）');
    expect(names(html.slice(html.indexOf('</table>')))).toEqual(['单位61', '单位62']);
  });

  it('while the rest is read: the button is disabled and says so; after a failure: the reason and a retry', () => {
    expect(render({ ...idle, pending: true })).toMatch(/<button[^>]*disabled=""[^>]*>正在加载…<\/button>/);
    const failed = render({ ...idle, error: '网络错误' });
    expect(failed).toContain('加载失败：网络错误');
    expect(failed).toMatch(/<button[^>]*>重试<\/button>/);
  });

  it('unfolded (the whole ranking): every ranked department in order and no fold row', () => {
    const html = render(idle, foldRankRows(rows));
    expect(names(html.slice(0, html.indexOf('</table>')))).toHaveLength(60);
    expect(html).not.toContain('未列出');
    expect(html).not.toContain('<button');
  });
});
