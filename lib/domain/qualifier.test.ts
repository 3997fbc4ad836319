import { describe, it, expect } from 'vitest';
import {
  formatReportFigure,
  formatWithQualifier,
  parseQualifier,
  QUALIFIER_CHOICES,
  QUALIFIER_LABELS,
} from './qualifier';
import { QUALIFIERS } from './types';

describe('QUALIFIER_LABELS', () => {
  it('labels every qualifier in Chinese, each differently, bounds with their symbol', () => {
    const labels = QUALIFIERS.map((q) => QUALIFIER_LABELS[q]);
    expect(labels.every((label) => /[\u4e00-\u9fff]/.test(label))).toBe(true);
    expect(new Set(labels).size).toBe(QUALIFIERS.length);
    expect([QUALIFIER_LABELS.at_least, QUALIFIER_LABELS.at_most]).toEqual(['以上(≥)', '以内(≤)']);
  });

  it('lists the choices a person may type in the order messages use', () => {
    expect(QUALIFIER_CHOICES).toBe('精确值、以上、左右、超、突破、以内、全部完成');
  });
});

describe('parseQualifier', () => {
  it('reads codes and round-trips every label', () => {
    expect(parseQualifier('at_least')).toBe('at_least');
    for (const q of QUALIFIERS) expect(parseQualifier(QUALIFIER_LABELS[q])).toBe(q);
  });

  it("reads the report's words and symbols", () => {
    expect(parseQualifier('以上')).toBe('at_least');
    expect(parseQualifier('≥')).toBe('at_least');
    expect(parseQualifier(' 左右 ')).toBe('about');
    expect(parseQualifier('突破')).toBe('breakthrough');
    expect(parseQualifier('超')).toBe('over');
    expect(parseQualifier('以内')).toBe('at_most');
    expect(parseQualifier('≤')).toBe('at_most');
  });

  it('returns null for unknown text, blank and non-strings', () => {
    expect(parseQualifier('大概吧')).toBeNull();
    expect(parseQualifier('')).toBeNull();
    expect(parseQualifier(null)).toBeNull();
    expect(parseQualifier(3)).toBeNull();
    expect(parseQualifier('以上'.repeat(5000))).toBeNull();
  });
});

describe('formatWithQualifier, report style', () => {
  it('at_least → "95%以上" (percent attaches without a space)', () => {
    expect(formatWithQualifier({ value: '95', unit: '%', qualifier: 'at_least' })).toBe('95%以上');
  });

  it('about → "4.5%左右" (a rate), trailing zeros trimmed', () => {
    expect(formatWithQualifier({ value: '4.50', unit: '%', qualifier: 'about' })).toBe('4.5%左右');
  });

  it('over → "超900亿元"; breakthrough → "突破100家" (the report\'s two words kept apart)', () => {
    expect(formatWithQualifier({ value: '900', unit: '亿元', qualifier: 'over' })).toBe('超900亿元');
    expect(formatWithQualifier({ value: '100', unit: '家', qualifier: 'breakthrough' })).toBe('突破100家');
    expect(formatWithQualifier({ value: '100', unit: '家', qualifier: 'breakthrough', style: 'symbol' })).toBe(
      '>100家',
    );
  });

  it('lower-is-better ceiling: at_most → "30微克/立方米以内"', () => {
    expect(formatWithQualifier({ value: '30', unit: '微克/立方米', qualifier: 'at_most' })).toBe('30微克/立方米以内');
  });

  it('exact → "1027亿元"; a value ≥ 10000 is grouped ("2,771" is not, "25,000" is)', () => {
    expect(formatWithQualifier({ value: '1027', unit: '亿元', qualifier: 'exact' })).toBe('1027亿元');
    expect(formatWithQualifier({ value: '2771', unit: '户', qualifier: 'exact' })).toBe('2771户');
    expect(formatWithQualifier({ value: '25000', unit: '套', qualifier: 'exact' })).toBe('25,000套');
  });

  it('个百分点 attaches without a space', () => {
    expect(formatWithQualifier({ value: '1.2', unit: '个百分点', qualifier: 'at_least' })).toBe('1.2个百分点以上');
  });

  it('a milestone: all_done with a count → "15件全部完成", without → "全部完成"', () => {
    expect(formatWithQualifier({ value: '15', unit: '件', qualifier: 'all_done' })).toBe('15件全部完成');
    expect(formatWithQualifier({ value: null, unit: '件', qualifier: 'all_done' })).toBe('全部完成');
  });

  it('a qualitative milestone shows its valueText', () => {
    expect(
      formatWithQualifier({ value: null, unit: '', qualifier: 'exact', valueText: '太行山国家级旅游度假区创建成功' }),
    ).toBe('太行山国家级旅游度假区创建成功');
  });

  it('no data: "—"', () => {
    expect(formatWithQualifier({ value: null, unit: '亿元', qualifier: 'over' })).toBe('—');
    expect(formatWithQualifier({ value: null, unit: '亿元', qualifier: 'exact', valueText: '  ' })).toBe('—');
  });
});

describe('formatWithQualifier, symbol style', () => {
  const symbol = (value: string, unit: string, qualifier: (typeof QUALIFIERS)[number]) =>
    formatWithQualifier({ value, unit, qualifier, style: 'symbol' });

  it('"≥95%", "≈4.5%", ">900亿元", "≤30微克/立方米", "1027亿元"', () => {
    expect(symbol('95', '%', 'at_least')).toBe('≥95%');
    expect(symbol('4.5', '%', 'about')).toBe('≈4.5%');
    expect(symbol('900', '亿元', 'over')).toBe('>900亿元');
    expect(symbol('30', '微克/立方米', 'at_most')).toBe('≤30微克/立方米');
    expect(symbol('1027', '亿元', 'exact')).toBe('1027亿元');
    expect(symbol('15', '件', 'all_done')).toBe('15件全部完成');
  });
});

describe('formatReportFigure', () => {
  it('a milestone done in full with a measure shows measure and state (1374公里全线贯通, 15件全部完成)', () => {
    expect(formatReportFigure({ value: '1374', valueText: '全线贯通', qualifier: 'all_done' }, '公里')).toBe(
      '1374公里全线贯通',
    );
    expect(formatReportFigure({ value: '15', valueText: '全部完成', qualifier: 'all_done' }, '件')).toBe(
      '15件全部完成',
    );
  });

  it("words replace the number: a single task's statement, a rank, a number converted from words", () => {
    expect(formatReportFigure({ value: '1', valueText: '全部关停4.3米焦炉', qualifier: 'all_done' }, '项')).toBe(
      '全部关停4.3米焦炉',
    );
    expect(formatReportFigure({ value: '1', valueText: '跃居全省第一', qualifier: 'exact' }, '位')).toBe(
      '跃居全省第一',
    );
    expect(formatReportFigure({ value: '80', valueText: '八成以上', qualifier: 'at_least' }, '%')).toBe('八成以上');
    expect(formatReportFigure({ value: null, valueText: '八一广场提质改造广受群众点赞', qualifier: 'exact' }, '')).toBe(
      '八一广场提质改造广受群众点赞',
    );
  });

  it("a bare number keeps the report's word: 突破160亿元, 超900亿元, 95%以上", () => {
    expect(formatReportFigure({ value: '160', qualifier: 'breakthrough' }, '亿元')).toBe('突破160亿元');
    expect(formatReportFigure({ value: '900', qualifier: 'over' }, '亿元')).toBe('超900亿元');
    expect(formatReportFigure({ value: '95', valueText: null, qualifier: 'at_least' }, '%')).toBe('95%以上');
  });
});
