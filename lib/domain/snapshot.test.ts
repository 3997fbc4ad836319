/**
 * buildSnapshot is what every dashboard shows: status, expected progress, forecast and YoY together.
 * Named cases: a December period, missing months, lower-is-better, a rate, a milestone, an annual indicator
 * before December, no target.
 */
import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  lastDueMonth,
  type SnapshotFigure,
  type SnapshotIndicator,
  type SnapshotTarget,
} from './snapshot';
import type { StatedChange } from './compare';

const fig = (year: number, month: number, value: string, over: Partial<SnapshotFigure> = {}): SnapshotFigure => ({
  year,
  month,
  value,
  valueText: null,
  qualifier: 'exact',
  isSample: false,
  isDerived: false,
  ...over,
});

const target = (value: string, over: Partial<SnapshotTarget> = {}): SnapshotTarget => ({
  value,
  qualifier: 'exact',
  phasing: 'none',
  baseline: null,
  phases: [],
  isSample: false,
  ...over,
});

const monthlyCumulative: SnapshotIndicator = {
  kind: 'cumulative',
  direction: 'up',
  frequency: 'monthly',
  milestoneTotal: null,
};
const DUE_DAY = 5;

describe('buildSnapshot: a December period', () => {
  it('the December figure is the year end: expected = target, forecast = the figure, YoY against last December', () => {
    const figures = [
      ...Array.from({ length: 12 }, (_, i) => fig(2026, i + 1, String(100 * (i + 1)))),
      fig(2025, 12, '1000'),
    ];
    const s = buildSnapshot({
      indicator: monthlyCumulative,
      period: { year: 2026, month: 12 },
      figures,
      target: target('1200'),
      now: new Date('2027-01-10T00:00:00Z'),
      dueDay: DUE_DAY,
    });
    expect(s).toMatchObject({ asOfMonth: 12, expected: 1200, completion: 1, status: 'green', gapPoints: 0 });
    expect(s.forecast).toMatchObject({ value: 1200, willMeet: true, method: '按12月实际值' });
    expect(s.yoy).toMatchObject({ change: 20, unit: 'percent', source: 'computed' });
    expect(s.series).toHaveLength(12);
  });
});

describe('buildSnapshot: missing months', () => {
  const figures = [fig(2026, 1, '100'), fig(2026, 2, '200'), fig(2026, 4, '400')];
  const base = { indicator: monthlyCumulative, figures, target: target('1200'), dueDay: DUE_DAY };

  it('the latest due month (May) missing after its deadline → overdue; the figure shown is April’s', () => {
    const s = buildSnapshot({ ...base, period: { year: 2026, month: 5 }, now: new Date('2026-06-10T00:00:00Z') });
    expect(s.status).toBe('overdue');
    expect(s.gapPoints).toBeNull();
    expect(s.figure?.month).toBe(4);
    expect(s.asOfMonth).toBe(4);
    expect(s.completion).toBe(0.333333);
    // The forecast rests on April: 400 × 12/4.
    expect(s.forecast).toMatchObject({ value: 1200, willMeet: true, basedOnMonth: 4 });
  });

  it('before May’s deadline the status is judged on April (on track)', () => {
    const s = buildSnapshot({ ...base, period: { year: 2026, month: 5 }, now: new Date('2026-06-03T00:00:00Z') });
    expect(s).toMatchObject({ status: 'green', asOfMonth: 4, expected: 400, gapPoints: 0 });
  });

  it('a missing month in the middle (March) is overdue when March is the period', () => {
    const s = buildSnapshot({ ...base, period: { year: 2026, month: 3 }, now: new Date('2026-06-10T00:00:00Z') });
    expect(s.status).toBe('overdue');
    expect(s.figure?.month).toBe(2);
    expect(s.series.map((p) => p.month)).toEqual([1, 2]);
  });
});

describe('buildSnapshot: lower-is-better', () => {
  const pm25: SnapshotIndicator = { kind: 'level', direction: 'down', frequency: 'monthly', milestoneTotal: null };
  const run = (value: string) =>
    buildSnapshot({
      indicator: pm25,
      period: { year: 2026, month: 3 },
      figures: [fig(2026, 3, value)],
      target: target('34', { baseline: '40' }),
      now: new Date('2026-04-10T00:00:00Z'),
      dueDay: DUE_DAY,
    });

  it('below the expected path (40 → 34: 38.5 by March) → green', () => {
    expect(run('36')).toMatchObject({ expected: 38.5, status: 'green', gapPoints: 7.3529 });
  });

  it('above it by more than 10% of the target → red', () => {
    expect(run('42')).toMatchObject({ status: 'red', gapPoints: -10.2941 });
  });
});

describe('buildSnapshot: a rate', () => {
  it('compared in points with its target; YoY in points; the latest quarter rules between quarters', () => {
    const s = buildSnapshot({
      indicator: { kind: 'rate', direction: 'up', frequency: 'quarterly', milestoneTotal: null },
      period: { year: 2026, month: 5 },
      figures: [fig(2026, 3, '4.2'), fig(2025, 3, '4.9')],
      target: target('4.5', { qualifier: 'about' }),
      now: new Date('2026-06-10T00:00:00Z'),
      dueDay: DUE_DAY,
    });
    expect(s).toMatchObject({ asOfMonth: 3, expected: 4.5, status: 'yellow', gapPoints: -0.3, completion: null });
    expect(s.yoy).toMatchObject({ change: -0.7, unit: 'points', source: 'computed' });
    expect(s.forecast).toMatchObject({ value: 4.2, willMeet: false });
  });
});

describe('buildSnapshot: a milestone', () => {
  it('8 of 15 done by June against 7.5 expected → green; the forecast is capped at the total', () => {
    const s = buildSnapshot({
      indicator: { kind: 'milestone', direction: 'up', frequency: 'monthly', milestoneTotal: '15' },
      period: { year: 2026, month: 6 },
      figures: [fig(2026, 6, '8')],
      target: target('15'),
      now: new Date('2026-07-10T00:00:00Z'),
      dueDay: DUE_DAY,
    });
    expect(s).toMatchObject({ expected: 7.5, completion: 0.533333, status: 'green', gapPoints: 3.3333 });
    expect(s.forecast).toMatchObject({ value: 15, willMeet: true });
  });
});

describe('buildSnapshot: nothing due, nothing planned', () => {
  it('an annual indicator before December is grey, not overdue, and keeps last December as its prior', () => {
    const s = buildSnapshot({
      indicator: { kind: 'level', direction: 'up', frequency: 'annual', milestoneTotal: null },
      period: { year: 2026, month: 10 },
      figures: [fig(2025, 12, '334')],
      target: target('350'),
      now: new Date('2026-11-29T00:00:00Z'),
      dueDay: DUE_DAY,
    });
    expect(s).toMatchObject({ status: 'grey', figure: null, yoy: null, forecast: null });
    expect(s.prior?.value).toBe('334');
    expect(lastDueMonth('annual', 10)).toBe(0);
  });

  it('no target: grey even with a figure and a missed deadline; a derived prior is kept as derived', () => {
    const s = buildSnapshot({
      indicator: monthlyCumulative,
      period: { year: 2025, month: 12 },
      figures: [fig(2025, 12, '12.6'), fig(2024, 12, '10.71', { isDerived: true, qualifier: 'about' })],
      target: null,
      now: new Date('2026-11-29T00:00:00Z'),
      dueDay: DUE_DAY,
    });
    expect(s.status).toBe('grey');
    expect(s.prior).toMatchObject({ isDerived: true, value: '10.71' });
    expect(s.yoy?.change).toBe(17.6471);
  });

  it('sample figures mark the snapshot as sample', () => {
    const s = buildSnapshot({
      indicator: monthlyCumulative,
      period: { year: 2026, month: 1 },
      figures: [fig(2026, 1, '90', { isSample: true })],
      target: target('1200', { isSample: true }),
      now: new Date('2026-02-10T00:00:00Z'),
      dueDay: DUE_DAY,
    });
    expect(s.isSample).toBe(true);
  });
});

describe("buildSnapshot: the report's own figures", () => {
  const annual = (kind: SnapshotIndicator['kind'], unit: string): SnapshotIndicator => ({
    kind,
    unit,
    direction: 'up',
    frequency: 'annual',
    milestoneTotal: null,
  });
  const at = {
    period: { year: 2025, month: 12 },
    target: null,
    now: new Date('2026-03-01T00:00:00Z'),
    dueDay: DUE_DAY,
  };
  /** The 2025 snapshot of `indicator`, its 2025 figure reported with the report's `statedChange`, beside `prior`. */
  const withStatedChange = (
    indicator: SnapshotIndicator,
    value: string,
    statedChange: StatedChange,
    prior: SnapshotFigure,
  ) => buildSnapshot({ ...at, indicator, figures: [fig(2025, 12, value, { isReported: true, statedChange }), prior] });

  it('YoY is the stated change when the report gives one (出口 增长17.7%), whatever the derived prior says', () => {
    const s = withStatedChange(
      annual('cumulative', '亿元'),
      '12.6',
      { change: 17.7, unit: 'percent', basis: 'prior_year', text: '增长17.7%' },
      fig(2024, 12, '10.71', { isDerived: true, derivedNote: '由…推算' }),
    );
    expect(s.yoy).toEqual({ change: 17.7, unit: 'percent', source: 'stated', text: '增长17.7%' });
  });

  it('a change against the plan start is not a YoY: the computed one shows, marked 推算', () => {
    const s = withStatedChange(
      annual('level', '%'),
      '27.97',
      { change: 1.15, unit: 'points', basis: 'plan_start', text: '较“十三五”末提高1.15个百分点' },
      fig(2024, 12, '27.5', { isReported: true }),
    );
    expect(s.yoy).toMatchObject({ change: 0.47, unit: 'points', source: 'estimated' });
  });

  it('a statement in words: no target, no status to judge, no change', () => {
    const s = buildSnapshot({
      ...at,
      target: target('1'),
      indicator: annual('qualitative', ''),
      figures: [fig(2025, 12, '', { value: null, valueText: '广受群众点赞', isReported: true }), fig(2024, 12, '1')],
    });
    expect(s).toMatchObject({
      target: null,
      status: 'grey',
      completion: null,
      expected: null,
      yoy: null,
      forecast: null,
    });
  });
});
