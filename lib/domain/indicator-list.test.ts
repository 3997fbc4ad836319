import { describe, expect, it } from 'vitest';
import { filterIndicators, parseSortKey, sortIndicators, type ListItem } from './indicator-list';

const row = (name: string, over: Partial<ListItem> = {}): ListItem & { id: string } => ({
  id: name,
  name,
  kind: 'cumulative',
  status: 'green',
  gapPoints: 0,
  completion: null,
  yoy: null,
  departmentCode: 'fgw',
  departmentShortName: '发改委',
  ...over,
});

const items = [
  row('项目累计完成投资', { status: 'yellow', gapPoints: -4, completion: 0.7, yoy: { change: 5 } }),
  row('出口总额', {
    status: 'red',
    gapPoints: -15,
    completion: 0.6,
    departmentCode: 'swj',
    departmentShortName: '商务局',
  }),
  row('地区生产总值增速', {
    kind: 'rate',
    status: 'red',
    gapPoints: -0.8,
    departmentCode: 'tjj',
    departmentShortName: '统计局',
    yoy: { change: -0.7 },
  }),
  row('城镇新增就业', {
    status: 'green',
    gapPoints: 2,
    completion: 0.9,
    departmentCode: 'rsj',
    departmentShortName: '人社局',
  }),
  row('民生实事', { kind: 'milestone', status: 'overdue', gapPoints: null }),
];

describe('filterIndicators', () => {
  it('by status, department and kind together; null criteria match all', () => {
    expect(filterIndicators(items, { status: 'red' }).map((v) => v.id)).toEqual(['出口总额', '地区生产总值增速']);
    expect(filterIndicators(items, { departmentCode: 'fgw', kind: 'milestone' }).map((v) => v.id)).toEqual([
      '民生实事',
    ]);
    expect(filterIndicators(items, { status: null, departmentCode: null, kind: null })).toHaveLength(5);
    expect(filterIndicators(items, { status: 'grey' })).toEqual([]);
  });
});

describe('sortIndicators', () => {
  /** The items' names in the order sortIndicators puts them. */
  const namesBy = (key: Parameters<typeof sortIndicators>[1], direction?: Parameters<typeof sortIndicators>[2]) =>
    sortIndicators(items, key, direction).map((v) => v.id);

  it('status ascending: worst first — red by lag (−15 before −0.8), then overdue, yellow, green', () => {
    expect(namesBy('status')).toEqual(['出口总额', '地区生产总值增速', '民生实事', '项目累计完成投资', '城镇新增就业']);
  });

  it('completion descending: missing completions last, not first', () => {
    expect(namesBy('completion', 'desc')).toEqual([
      '城镇新增就业',
      '项目累计完成投资',
      '出口总额',
      '地区生产总值增速',
      '民生实事',
    ]);
    expect(namesBy('completion', 'asc').slice(-2)).toEqual(['地区生产总值增速', '民生实事']);
  });

  it('YoY: a negative change sorts below a positive one; missing last', () => {
    expect(namesBy('yoy', 'desc').slice(0, 2)).toEqual(['项目累计完成投资', '地区生产总值增速']);
  });

  it('department in pinyin order, ties in catalogue order', () => {
    expect(sortIndicators(items, 'department').map((v) => v.departmentShortName)).toEqual([
      '发改委',
      '发改委',
      '人社局',
      '商务局',
      '统计局',
    ]);
    expect(namesBy('department').slice(0, 2)).toEqual(['项目累计完成投资', '民生实事']);
  });

  it('catalog keeps the input order; the input is not changed', () => {
    const copy = [...items];
    expect(namesBy('catalog', 'desc')).toEqual(copy.map((v) => v.id).reverse());
    expect(items).toEqual(copy);
  });

  it('parseSortKey: unknown → catalog', () => {
    expect(parseSortKey('status')).toBe('status');
    expect(parseSortKey('drop table')).toBe('catalog');
    expect(parseSortKey(null)).toBe('catalog');
  });
});
