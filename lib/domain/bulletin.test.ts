import { describe, expect, it } from 'vitest';
import { bulletinIndicator as indicator, reported } from '@/tests/helpers/pure/bulletin-indicator';
import { buildBulletinModel, countsText, NO_EXPLANATION, NOT_REPORTED, type BulletinIndicator } from './bulletin';

const AREAS = [
  { id: 1, name: '抓招商、上项目' },
  { id: 2, name: '抓创新、育主体' },
];

// Hand-computed: 2 areas, 6 indicators of which one a statement in words (not judged).
const INDICATORS: BulletinIndicator[] = [
  indicator({
    id: 11,
    name: '固定资产投资',
    status: 'green',
    figure: reported('950.5'),
    expected: 916.666667,
    shares: { actual: 0.9505, expected: 0.916667 },
    gapPoints: 3.3833,
  }),
  indicator({
    id: 12,
    name: '招商引资到位资金',
    status: 'red',
    figure: reported('500', 'over'),
    expected: 916.666667,
    shares: { actual: 0.5, expected: 0.916667 },
    gapPoints: -41.6667,
  }),
  indicator({
    id: 13,
    name: '新增市场主体',
    unit: '人',
    status: 'red',
    figure: reported('123456', 'exact', 10),
    target: { value: '300000', qualifier: 'at_least' },
    expected: 250000,
    shares: { actual: 0.41152, expected: 0.833333 },
    gapPoints: -11.8,
    departmentId: 2,
    departmentName: '市市场监督管理局',
    departmentShortName: '市市场监管局',
  }),
  indicator({
    id: 21,
    name: '研发投入强度',
    areaId: 2,
    kind: 'rate',
    unit: '%',
    status: 'yellow',
    figure: reported('2.3', 'about'),
    target: { value: '2.5', qualifier: 'exact' },
    expected: 2.5,
    gapPoints: -0.2,
  }),
  indicator({
    id: 22,
    name: '高新技术企业',
    areaId: 2,
    kind: 'level',
    unit: '家',
    status: 'overdue',
    frequency: 'quarterly',
  }),
  indicator({
    id: 23,
    name: '创新氛围',
    areaId: 2,
    kind: 'qualitative',
    status: 'grey',
    statusLabel: '定性表述',
    target: null,
    figure: { month: 11, value: null, valueText: '广受好评', qualifier: 'exact' },
  }),
  // The five-year review (no area) is not in the bulletin.
  indicator({ id: 99, name: '十四五回顾指标', areaId: null, status: 'green' }),
];

function build(explanations = new Map<number, string>()) {
  return buildBulletinModel({
    period: { year: 2026, month: 11 },
    areas: AREAS,
    indicators: INDICATORS,
    ranking: [
      { rank: 1, departmentName: '市发改委', onTrack: 1, counted: 2, share: 0.5 },
      { rank: 2, departmentName: '市市场监管局', onTrack: 0, counted: 1, share: 0 },
      { rank: 3, departmentName: '市文旅局', onTrack: 0, counted: 0, share: null },
    ],
    explanations,
  });
}

describe('buildBulletinModel', () => {
  it('titles the period as offices do', () => {
    expect(build().title).toBe('长治市七个主抓手目标任务进展情况通报（2026年11月）');
  });

  it('counts judged indicators by status, statements apart, the review left out', () => {
    const model = build();
    expect(model.counts).toMatchObject({ green: 1, yellow: 1, red: 2, overdue: 1, grey: 0, judged: 5, statements: 1 });
    expect(model.summary).toBe(
      '截至2026年11月，七个主抓手共安排目标任务指标6项，纳入评价5项（另有定性表述1项不作评价），其中进展正常1项、预警1项、滞后2项、逾期未报1项。' +
        '请滞后和逾期未报指标的责任单位对照目标任务，查找原因、制定措施，按时报送数据和情况说明。',
    );
  });

  it('one table per area in the given order, rows in catalogue order, figures written as the report writes them', () => {
    const model = build();
    expect(model.areas.map((a) => a.heading)).toEqual(['一、抓招商、上项目', '二、抓创新、育主体']);
    expect(model.areas[0]?.rows.map((r) => r.name)).toEqual(['固定资产投资', '招商引资到位资金', '新增市场主体']);
    expect(model.areas[0]?.summary).toBe('本领域共3项指标，纳入评价指标3项，其中进展正常1项、滞后2项。');
    expect(model.areas[0]?.rows[0]).toEqual({
      name: '固定资产投资',
      target: '1000亿元',
      actual: '950.5亿元（1–11月累计）',
      expected: '916.67亿元',
      completion: '95.1%',
      status: '正常',
      progressStatus: 'green',
      department: '市发改委',
    });
    // 人 scales to 万人; the qualifier word stays where the report puts it.
    expect(model.areas[0]?.rows[2]).toMatchObject({
      target: '300,000人以上',
      actual: '123,456人（1–10月累计）',
      expected: '25万人',
      completion: '41.2%',
    });
    expect(model.areas[0]?.rows[1]?.actual).toBe('超500亿元（1–11月累计）');
    // A rate: completion is its gap to the target in points; a level reads its month, not a running total.
    expect(model.areas[1]?.rows[0]).toMatchObject({
      actual: '2.3%左右（11月）',
      completion: '较目标-0.2个百分点',
      expected: '2.5%',
    });
    expect(model.areas[1]?.rows[1]).toMatchObject({ actual: '—', completion: '—', expected: '—', status: '逾期未报' });
    expect(model.areas[1]?.rows[2]).toMatchObject({ actual: '广受好评（11月）', target: '未设定', status: '定性表述' });
    expect(model.areas[1]?.summary).toBe(
      '本领域共3项指标，纳入评价指标2项，其中预警1项、逾期未报1项；另有定性表述1项，不作评价。',
    );
  });

  it("lists 滞后 worst first with the figure's 情况说明, 逾期未报 with the month due", () => {
    const model = build(new Map([[12, '  重大项目资金拨付延后，预计12月到位  ']]));
    expect(model.laggingHeading).toBe('三、滞后指标（2项）');
    expect(model.lagging).toEqual([
      {
        name: '招商引资到位资金',
        department: '市发展和改革委员会',
        detail: '实绩超500亿元（1–11月累计），序时进度916.67亿元，较序时进度-41.7个百分点',
        explanation: '重大项目资金拨付延后，预计12月到位',
      },
      {
        name: '新增市场主体',
        department: '市市场监督管理局',
        detail: '实绩123,456人（1–10月累计），序时进度25万人，较序时进度-11.8个百分点',
        explanation: NO_EXPLANATION,
      },
    ]);
    expect(model.overdueHeading).toBe('四、逾期未报指标（1项）');
    // Quarterly: at November the month due is September.
    expect(model.overdue).toEqual([
      {
        name: '高新技术企业',
        department: '市发展和改革委员会',
        detail: '应报2026年9月数据',
        explanation: NOT_REPORTED,
      },
    ]);
  });

  it('states the ranking formula; a department with nothing due is named apart, not ranked', () => {
    const model = build();
    expect(model.rankingHeading).toBe('五、责任单位排名');
    expect(model.rankingFormula).toContain('在序时进度内（绿灯）的指标数 ÷ 已有数据或已逾期的指标数');
    expect(model.ranking).toEqual([
      { rank: '1', department: '市发改委', onTrack: '1', counted: '2', share: '50.0%' },
      { rank: '2', department: '市市场监管局', onTrack: '0', counted: '1', share: '0.0%' },
    ]);
    expect(model.unrankedText).toBe('本期尚无应报数据、不参与排名的单位（1个）：市文旅局。');
  });

  it('marks sample data and says so; real data carries no notice', () => {
    expect(build().sampleNotice).toBeNull();
    const sample = buildBulletinModel({
      period: { year: 2026, month: 1 },
      areas: AREAS,
      indicators: [indicator({ id: 1, name: 'x', status: 'grey', isSample: true })],
      ranking: [],
      explanations: new Map(),
    });
    expect(sample.sampleNotice).toContain('示例数据');
  });

  it('no indicator yet: counts are zero and the summary says nothing is judged, no call to act', () => {
    const empty = buildBulletinModel({
      period: { year: 2027, month: 1 },
      areas: AREAS,
      indicators: [],
      ranking: [],
      explanations: new Map(),
    });
    expect(empty.summary).toBe('截至2027年1月，七个主抓手共安排目标任务指标0项，均不纳入评价。');
    expect(empty.areas[0]?.summary).toBe('本领域共0项指标，无纳入评价的指标。');
    expect(empty.lagging).toEqual([]);
    expect(empty.ranking).toEqual([]);
    expect(empty.unrankedText).toBe('');
  });

  it('December reads 全年', () => {
    const december = buildBulletinModel({
      period: { year: 2026, month: 12 },
      areas: AREAS,
      indicators: [
        indicator({
          id: 1,
          name: 'x',
          status: 'green',
          figure: reported('1027', 'exact', 12),
        }),
      ],
      ranking: [],
      explanations: new Map(),
    });
    expect(december.areas[0]?.rows[0]?.actual).toBe('1027亿元（2026年全年）');
  });
});

describe('countsText', () => {
  it('leaves out the statuses with none, in the bulletin order', () => {
    expect(countsText({ green: 0, yellow: 2, red: 0, grey: 3, overdue: 1 })).toBe('预警2项、逾期未报1项、暂无数据3项');
    expect(countsText({ green: 0, yellow: 0, red: 0, grey: 0, overdue: 0 })).toBe('');
  });
});
