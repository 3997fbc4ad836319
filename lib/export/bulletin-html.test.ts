import { describe, expect, it } from 'vitest';
import { buildBulletinModel } from '@/lib/domain/bulletin';
import { bulletinIndicator, reported } from '@/tests/helpers/pure/bulletin-indicator';
import { escapeHtml, renderBulletinHtml } from './bulletin-html';

const model = buildBulletinModel({
  period: { year: 2026, month: 11 },
  areas: [{ id: 1, name: '抓招商、上项目' }],
  indicators: [
    bulletinIndicator({
      id: 1,
      name: '签约项目<script>alert(1)</script>',
      departmentName: '市商务局',
      departmentShortName: '商务局',
      figure: reported('2239'),
      target: { value: '2367', qualifier: 'exact' },
      expected: 2169.75,
      shares: { actual: 0.945923, expected: 0.916667 },
      status: 'red',
      gapPoints: -12.5,
      isSample: true,
    }),
  ],
  ranking: [{ rank: 1, departmentName: '商务局', onTrack: 0, counted: 1, share: 0 }],
  explanations: new Map([[1, '资金到位延迟 & 审批未完成']]),
});

describe('renderBulletinHtml', () => {
  const html = renderBulletinHtml(model, '生成时间：2026-12-04 10:00（北京时间）');

  it('is one self-contained page: no script, no external request, fonts named with Noto CJK fallbacks', () => {
    expect(html).not.toMatch(/<script|https?:\/\//i);
    expect(html).toContain('"仿宋"');
    expect(html).toContain('"黑体"');
    expect(html).toContain('"Noto Serif CJK SC"');
    expect(html).toContain('size: A4 landscape');
  });

  it('escapes every text it lays out', () => {
    expect(html).toContain('签约项目&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('资金到位延迟 &amp; 审批未完成');
    expect(escapeHtml(`"a'b"`)).toBe('&quot;a&#39;b&quot;');
  });

  it('lays out the title, the sample notice, the area table and the lists', () => {
    expect(html).toContain('<h1>长治市七个主抓手目标任务进展情况通报（2026年11月）</h1>');
    expect(html).toContain('示例数据');
    expect(html).toContain('<h2>一、抓招商、上项目</h2>');
    expect(html).toContain('<td class="num">2239亿元（1–11月累计）</td>');
    expect(html).toContain('<td class="bad">滞后</td>');
    expect(html).toContain('<h2>二、滞后指标（1项）</h2>');
    expect(html).toContain('本期无逾期未报指标。');
    expect(html).toContain('<h2>四、责任单位排名</h2>');
  });
});
