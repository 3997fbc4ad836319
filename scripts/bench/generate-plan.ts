/**
 * The benchmark city's shape, pure and deterministic (one seeded PRNG, no clock, no I/O): the extra
 * departments, each generated indicator's plan (kind, unit, scale, growth), its yearly target with monthly
 * phases, and its monthly figures. generate.ts writes what this computes.
 */
import type { Direction, IndicatorKind } from '@/lib/domain/types';

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Departments added to the report's 27 so that the city has 60 (codes prefixed `bench-`). */
export const EXTRA_DEPARTMENTS = [
  '市城市管理局',
  '市退役军人事务局',
  '市体育局',
  '市审计局',
  '市司法局',
  '市民族宗教事务局',
  '市信访局',
  '市人民防空办公室',
  '市机关事务管理局',
  '市大数据应用局',
  '市供销合作社',
  '市气象局',
  '市邮政管理局',
  '市地震局',
  '市档案局',
  '市外事办公室',
  '市科学技术协会',
  '市残疾人联合会',
  '市妇女联合会',
  '共青团长治市委',
  '市总工会',
  '市红十字会',
  '市文学艺术界联合会',
  '市乡村振兴局',
  '市粮食和物资储备局',
  '市住房公积金管理中心',
  '市融媒体中心',
  '长治经济技术开发区管委会',
  '长治高新区管委会',
  '市文物局',
  '市消防救援支队',
  '市城市投资建设集团',
  '市公共交通集团',
] as const;

/** Share of the generated indicators per work area (1–7); the first is large (重点项目 are many) so that
 * its figures make the 100,000-row records export. */
export const AREA_WEIGHTS = [0.3, 0.11, 0.12, 0.12, 0.11, 0.1, 0.14] as const;

const PLACES = [
  '潞州区',
  '上党区',
  '屯留区',
  '潞城区',
  '襄垣县',
  '平顺县',
  '黎城县',
  '壶关县',
  '长子县',
  '武乡县',
  '沁县',
  '沁源县',
  '高新区',
  '经开区',
];

// The benchmark's catalogue has figures only: no statements in words (qualitative).
const NOUNS: Record<Exclude<IndicatorKind, 'qualitative'>, readonly { noun: string; unit: string; scale: number }[]> = {
  cumulative: [
    { noun: '重点项目完成投资', unit: '亿元', scale: 30 },
    { noun: '招商引资到位资金', unit: '亿元', scale: 50 },
    { noun: '新签约项目', unit: '个', scale: 40 },
    { noun: '接待游客', unit: '万人次', scale: 800 },
    { noun: '社会消费品零售额', unit: '亿元', scale: 120 },
    { noun: '城镇新增就业', unit: '人', scale: 6000 },
    { noun: '新增市场主体', unit: '户', scale: 3000 },
    { noun: '研发经费投入', unit: '亿元', scale: 15 },
  ],
  level: [
    { noun: '规上工业企业', unit: '家', scale: 300 },
    { noun: '高新技术企业', unit: '家', scale: 200 },
    { noun: '城市建成区绿地面积', unit: '万平方米', scale: 1500 },
    { noun: '养老机构床位', unit: '张', scale: 5000 },
  ],
  rate: [
    { noun: '规上工业增加值增速', unit: '%', scale: 6 },
    { noun: '固定资产投资增速', unit: '%', scale: 8 },
    { noun: '一般公共预算收入增速', unit: '%', scale: 5 },
    { noun: '空气质量优良天数比例', unit: '%', scale: 75 },
  ],
  milestone: [
    { noun: '年度重点任务', unit: '项', scale: 12 },
    { noun: '民生实事', unit: '件', scale: 10 },
    { noun: '改革事项', unit: '项', scale: 8 },
  ],
};

export interface IndicatorPlan {
  index: number;
  code: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  areaId: number;
  /** Position in the department list (generate.ts maps it to an id). */
  departmentIndex: number;
  base: number;
  growth: number;
  decimals: number;
  milestoneTotal: number | null;
}

function drawKind(random: () => number): Exclude<IndicatorKind, 'qualitative'> {
  const draw = random();
  return draw < 0.45 ? 'cumulative' : draw < 0.65 ? 'level' : draw < 0.9 ? 'rate' : 'milestone';
}

function drawArea(random: () => number): number {
  let draw = random();
  for (let i = 0; i < AREA_WEIGHTS.length; i += 1) {
    draw -= AREA_WEIGHTS[i] ?? 0;
    if (draw < 0) return i + 1;
  }
  return AREA_WEIGHTS.length;
}

export function planIndicator(random: () => number, index: number, departmentCount: number): IndicatorPlan {
  const kind = drawKind(random);
  const { noun, unit, scale } = pick(random, NOUNS[kind]);
  const areaId = drawArea(random);
  const direction: Direction = kind !== 'milestone' && random() < 0.12 ? 'down' : 'up';
  const base = kind === 'milestone' ? Math.round(scale * (0.5 + random())) : scale * (0.4 + random() * 1.6);
  return {
    index,
    code: `G${areaId}-${String(index + 1).padStart(4, '0')}`,
    name: `${pick(random, PLACES)}${noun}（第${index + 1}项）`,
    unit,
    kind,
    direction,
    areaId,
    departmentIndex: Math.floor(random() * departmentCount),
    base,
    growth: 0.03 + random() * 0.07,
    decimals: kind === 'milestone' ? 0 : kind === 'rate' ? 1 : 2,
    milestoneTotal: kind === 'milestone' ? base : null,
  };
}

/** Seasonal profile of cumulative indicators (share of the year's total done in each month). */
const SEASON = [0.6, 0.7, 0.9, 1, 1, 1.1, 1, 1, 1.05, 1.05, 1.1, 1.5];
const SEASON_TOTAL = SEASON.reduce((a, b) => a + b, 0);
const CUMULATIVE_SHARE = SEASON.map((_, i) => SEASON.slice(0, i + 1).reduce((a, b) => a + b, 0) / SEASON_TOTAL);

export const fixed = (n: number, decimals: number) => n.toFixed(decimals);

export interface YearPlan {
  target: number;
  baseline: number | null;
  /** Cumulative-to-date target of each month (cumulative kinds only; [] otherwise). */
  phases: { month: number; value: string }[];
  /** How the year goes against its target: 1 on track, below 1 behind. */
  perf: number;
}

/** The target of the `yearIndex`-th year (0 = the first generated year) and how the year performs. */
export function planYear(plan: IndicatorPlan, yearIndex: number, random: () => number): YearPlan {
  const draw = random();
  const perf = draw < 0.6 ? 1 + random() * 0.08 : draw < 0.85 ? 0.93 + random() * 0.05 : 0.75 + random() * 0.1;
  const factor = plan.direction === 'up' ? 1 + plan.growth : 1 - plan.growth / 2;
  if (plan.kind === 'milestone') return { target: plan.base, baseline: null, phases: [], perf };
  if (plan.kind === 'rate')
    return { target: Number(fixed(plan.base + (random() - 0.5), 1)), baseline: null, phases: [], perf };
  if (plan.kind === 'level') {
    const baseline = plan.base * factor ** yearIndex;
    return {
      target: Number(fixed(baseline * factor, plan.decimals)),
      baseline: Number(fixed(baseline, plan.decimals)),
      phases: [],
      perf,
    };
  }
  const target = Number(fixed(plan.base * factor ** yearIndex, plan.decimals));
  const phases = CUMULATIVE_SHARE.map((share, i) => ({ month: i + 1, value: fixed(target * share, 4) }));
  return { target, baseline: null, phases, perf };
}

/** The figures of a year, months 1..throughMonth, as decimal strings (cumulative kinds never fall). */
export function planFigures(plan: IndicatorPlan, year: YearPlan, throughMonth: number, random: () => number): string[] {
  const values: string[] = [];
  let running = 0;
  for (let month = 1; month <= throughMonth; month += 1) {
    const noise = 1 + (random() - 0.5) * 0.02;
    const perf = plan.direction === 'up' ? year.perf : 2 - year.perf;
    let value: number;
    if (plan.kind === 'cumulative')
      value = Math.max(running, year.target * (CUMULATIVE_SHARE[month - 1] ?? 1) * perf * noise);
    else if (plan.kind === 'milestone')
      value = Math.max(running, Math.min(year.target, Math.floor((year.target * month * year.perf) / 12)));
    else if (plan.kind === 'rate') value = year.target + (perf - 1) * 20 + (random() - 0.5) * 0.4;
    else {
      const start = year.baseline ?? year.target;
      value = (start + ((year.target - start) * month) / 12) * (perf * 0.1 + 0.9) * noise;
    }
    running = value;
    values.push(fixed(value, plan.decimals));
  }
  return values;
}
