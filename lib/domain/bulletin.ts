/**
 * The monthly 通报 as one plain model: title, summary paragraph, one table per work area, the lists of 滞后 and
 * 逾期未报, the department ranking with its formula. Every figure is already written as the report writes it
 * (亿元, 万人, qualifiers), so the Word and PDF renderers only lay the strings out. Pure: the statuses, shares and
 * ranking come in as the dashboards computed them (lib/services/dashboard.ts); nothing is judged again here.
 */
import { formatPercent, formatPoints, formatScaled, NO_VALUE } from './format';
import { traitsOf } from './kind-traits';
import { formatReportFigure } from './qualifier';
import { RANKING_FORMULA } from './ranking';
import { lastDueMonth } from './snapshot';
import { STATUS_LABELS } from './status';
import { compareWorstFirst, countStatuses, isJudged, type StatusCounts } from './summary';
import type { Frequency, IndicatorKind, ProgressStatus, Qualifier } from './types';

/** Chinese ordinals for the section headings (一、二、…); the seven areas and the sections after them fit. */
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export const BULLETIN_SAMPLE_NOTICE = '本通报所用数据为示例数据（非真实统计数据），仅供演示。';
export const NO_EXPLANATION = '未填写情况说明';
export const NOT_REPORTED = '截至通报生成时未报送数据';

interface FigureLike {
  month: number;
  value: string | null;
  valueText: string | null;
  qualifier: Qualifier;
}

/** One indicator at the period, as the dashboards' view gives it (lib/services/dashboard.ts KpiView). */
export interface BulletinIndicator {
  id: number;
  name: string;
  unit: string;
  kind: IndicatorKind;
  frequency: Frequency;
  areaId: number | null;
  departmentId: number;
  departmentName: string;
  departmentShortName: string;
  figure: FigureLike | null;
  target: { value: string | null; valueText?: string | null; qualifier: Qualifier } | null;
  expected: number | null;
  shares: { actual: number | null; expected: number | null } | null;
  status: ProgressStatus;
  statusLabel: string;
  gapPoints: number | null;
  isSample: boolean;
}

export interface BulletinRankInput {
  rank: number;
  departmentName: string;
  onTrack: number;
  counted: number;
  share: number | null;
}

export interface BulletinRow {
  name: string;
  target: string;
  actual: string;
  expected: string;
  completion: string;
  status: string;
  progressStatus: ProgressStatus;
  department: string;
}

export interface BulletinArea {
  heading: string;
  summary: string;
  rows: BulletinRow[];
}

export interface BulletinListItem {
  name: string;
  department: string;
  /** 滞后: the figure and the gap; 逾期未报: the month due. */
  detail: string;
  explanation: string;
}

export interface BulletinModel {
  title: string;
  periodText: string;
  sampleNotice: string | null;
  summary: string;
  counts: StatusCounts & { judged: number; statements: number };
  areas: BulletinArea[];
  laggingHeading: string;
  lagging: BulletinListItem[];
  overdueHeading: string;
  overdue: BulletinListItem[];
  rankingHeading: string;
  rankingFormula: string;
  ranking: { rank: string; department: string; onTrack: string; counted: string; share: string }[];
  /** The departments with nothing due yet, in one sentence ("" when none): not ranked, so not rows. */
  unrankedText: string;
}

/** "2026年1–11月累计", "2026年11月", "2026年全年": what a figure's month stands for. */
function asOfText(kind: IndicatorKind, year: number, month: number): string {
  if (month === 12) return `${year}年全年`;
  return traitsOf(kind).cumulativeToDate ? `1–${month}月累计` : `${month}月`;
}

function actualText(v: BulletinIndicator, year: number): string {
  if (!v.figure) return NO_VALUE;
  return `${formatReportFigure(v.figure, v.unit)}（${asOfText(v.kind, year, v.figure.month)}）`;
}

/** Completion as the table shows it: a share of the target, or for a rate its gap in points. */
function completionText(v: BulletinIndicator): string {
  if (traitsOf(v.kind).comparedInPoints) return v.gapPoints === null ? NO_VALUE : `较目标${formatPoints(v.gapPoints)}`;
  return v.shares?.actual === null || v.shares?.actual === undefined ? NO_VALUE : formatPercent(v.shares.actual);
}

function toRow(v: BulletinIndicator, year: number): BulletinRow {
  return {
    name: v.name,
    target: v.target ? formatReportFigure(v.target, v.unit) : '未设定',
    actual: actualText(v, year),
    expected: v.expected === null ? NO_VALUE : formatScaled(v.expected, v.unit),
    completion: completionText(v),
    status: v.statusLabel,
    progressStatus: v.status,
    department: v.departmentShortName,
  };
}

/** "进展正常12项、预警3项、滞后2项、逾期未报1项、暂无数据4项" (a status with none is left out; "" when all are 0). */
export function countsText(counts: StatusCounts): string {
  const order: ProgressStatus[] = ['green', 'yellow', 'red', 'overdue', 'grey'];
  const word = (s: ProgressStatus) => (s === 'green' ? '进展正常' : STATUS_LABELS[s]);
  return order
    .filter((s) => counts[s] > 0)
    .map((s) => `${word(s)}${counts[s]}项`)
    .join('、');
}

function areaSummary(items: readonly BulletinIndicator[]): string {
  const judged = items.filter(isJudged);
  const statements = items.length - judged.length;
  const parts = judged.length
    ? `纳入评价指标${judged.length}项，其中${countsText(countStatuses(judged)) || '均暂无数据'}`
    : '无纳入评价的指标';
  return `本领域共${items.length}项指标，${parts}${statements ? `；另有定性表述${statements}项，不作评价` : ''}。`;
}

/**
 * The bulletin of `period`: indicators in catalogue order within each of `areas` (in the order given), the 滞后
 * list worst first (the larger lag first, then catalogue order), 逾期未报 in catalogue order, the ranking as
 * ranked. `explanations` maps an indicator id to the 情况说明 (and 备注) of the figure its status rests on.
 */
export function buildBulletinModel(args: {
  period: { year: number; month: number };
  areas: readonly { id: number; name: string }[];
  indicators: readonly BulletinIndicator[];
  ranking: readonly BulletinRankInput[];
  explanations: ReadonlyMap<number, string>;
}): BulletinModel {
  const { period } = args;
  const periodText = `${period.year}年${period.month}月`;
  const inAreas = args.indicators.filter((v) => args.areas.some((a) => a.id === v.areaId));
  const judged = inAreas.filter(isJudged);
  const counts = countStatuses(judged);
  const statements = inAreas.length - judged.length;
  const byStatus = (s: ProgressStatus) => judged.filter((v) => v.status === s);

  const countsSentence = countsText(counts);
  const summary =
    `截至${periodText}，七个主抓手共安排目标任务指标${inAreas.length}项，` +
    (judged.length
      ? `纳入评价${judged.length}项${statements ? `（另有定性表述${statements}项不作评价）` : ''}，其中${countsSentence || '均暂无数据'}。`
      : '均不纳入评价。') +
    (counts.red + counts.overdue > 0
      ? `请滞后和逾期未报指标的责任单位对照目标任务，查找原因、制定措施，按时报送数据和情况说明。`
      : '');

  const areas = args.areas.map((area, index) => {
    const items = inAreas.filter((v) => v.areaId === area.id);
    return {
      heading: `${ORDINALS[index] ?? String(index + 1)}、${area.name}`,
      summary: areaSummary(items),
      rows: items.map((v) => toRow(v, period.year)),
    };
  });

  const explanation = (v: BulletinIndicator) => args.explanations.get(v.id)?.trim() || NO_EXPLANATION;
  const lagging = byStatus('red')
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compareWorstFirst(a.item, b.item) || a.index - b.index)
    .map(({ item: v }) => ({
      name: v.name,
      department: v.departmentName,
      detail: `实绩${actualText(v, period.year)}，序时进度${v.expected === null ? NO_VALUE : formatScaled(v.expected, v.unit)}${v.gapPoints === null ? '' : `，${traitsOf(v.kind).comparedInPoints ? '较目标' : '较序时进度'}${formatPoints(v.gapPoints)}`}`,
      explanation: explanation(v),
    }));
  const overdue = byStatus('overdue').map((v) => {
    const due = lastDueMonth(v.frequency, period.month);
    return {
      name: v.name,
      department: v.departmentName,
      detail: `应报${period.year}年${due}月数据`,
      explanation: args.explanations.get(v.id)?.trim() || NOT_REPORTED,
    };
  });

  const next = args.areas.length;
  const ranked = args.ranking.filter((r) => r.share !== null);
  const unranked = args.ranking.filter((r) => r.share === null);
  return {
    title: `长治市七个主抓手目标任务进展情况通报（${periodText}）`,
    periodText,
    sampleNotice: inAreas.some((v) => v.isSample) ? BULLETIN_SAMPLE_NOTICE : null,
    summary,
    counts: { ...counts, judged: judged.length, statements },
    areas,
    laggingHeading: `${ORDINALS[next] ?? ''}、滞后指标（${lagging.length}项）`,
    lagging,
    overdueHeading: `${ORDINALS[next + 1] ?? ''}、逾期未报指标（${overdue.length}项）`,
    overdue,
    rankingHeading: `${ORDINALS[next + 2] ?? ''}、责任单位排名`,
    rankingFormula: `排名口径：${RANKING_FORMULA}。`,
    ranking: ranked.map((r) => ({
      rank: String(r.rank),
      department: r.departmentName,
      onTrack: String(r.onTrack),
      counted: String(r.counted),
      share: formatPercent(r.share ?? 0),
    })),
    unrankedText: unranked.length
      ? `本期尚无应报数据、不参与排名的单位（${unranked.length}个）：${unranked.map((r) => r.departmentName).join('、')}。`
      : '',
  };
}
