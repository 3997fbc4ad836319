import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDER_THRESHOLDS,
  planReminders,
  retryDelayMs,
  stageAt,
  type PlanFigure,
  type PlanIndicator,
  type PlanInput,
  type PlanUser,
} from './reminders';

const ind = (id: number, departmentId: number, extra: Partial<PlanIndicator> = {}): PlanIndicator => ({
  id,
  code: `C${id}`,
  name: `指标${id}`,
  departmentId,
  departmentName: `单位${departmentId}`,
  frequency: 'monthly',
  reported: true,
  plannedYears: [2026, 2027],
  ...extra,
});
const user = (id: number, role: PlanUser['role'], departmentId: number | null, disabled = false): PlanUser => ({
  id,
  displayName: `用户${id}`,
  role,
  departmentId,
  disabled,
});

const USERS = [
  user(1, 'official', 10),
  user(2, 'official', 10),
  user(3, 'reviewer', 10),
  user(4, 'official', 20),
  user(5, 'reviewer', 20),
  user(6, 'admin', null),
  user(7, 'leader', null),
];
/** Noon in Shanghai on the given local date. */
const at = (date: string) => new Date(`${date}T04:00:00Z`);

function plan(now: Date, over: Partial<PlanInput> = {}) {
  return planReminders({
    indicators: [ind(100, 10), ind(101, 10), ind(200, 20)],
    figures: [],
    users: USERS,
    lockedPeriods: [],
    thresholds: DEFAULT_REMINDER_THRESHOLDS,
    dueDay: 5,
    now,
    ...over,
  });
}
const keys = (now: Date, over: Partial<PlanInput> = {}) =>
  plan(now, over)
    .map((r) => r.key)
    .sort();

describe('planReminders: the right people on the right days (November 2026 due Saturday 5 December)', () => {
  it('3 days before (Wednesday 2 December): every official of each department with missing figures, nobody else', () => {
    const got = plan(at('2026-12-02'));
    expect(got.map((r) => [r.kind, r.userId, r.stage])).toEqual([
      ['due_soon', 1, 'before3'],
      ['due_soon', 2, 'before3'],
      ['due_soon', 4, 'before3'],
    ]);
    expect(got[0]?.key).toBe('due_soon:2026-11:1:before3');
    expect(got[0]?.items.map((i) => i.code)).toEqual(['C100', 'C101']);
    expect(got[0]?.subject).toBe('【填报提醒】2026年11月数据将于2026年12月5日截止');
    expect(got[0]?.body).toContain('还有 3 天');
  });

  it('4 days before: nothing yet; the stage starts exactly at Shanghai midnight', () => {
    expect(plan(new Date('2026-12-01T15:59:59Z'))).toEqual([]);
    expect(keys(new Date('2026-12-01T16:00:00Z'))).toContain('due_soon:2026-11:1:before3');
  });

  it('2 days before: the 3-day reminder again with the same key (a missed tick catches up, the outbox keeps one)', () => {
    expect(keys(at('2026-12-03'))).toEqual(keys(at('2026-12-02')));
  });

  it('1 day before (Friday) and the due day itself (Saturday: weekends are not special): the 1-day reminder', () => {
    expect(keys(at('2026-12-04'))).toEqual([
      'due_soon:2026-11:1:before1',
      'due_soon:2026-11:2:before1',
      'due_soon:2026-11:4:before1',
    ]);
    expect(keys(at('2026-12-05'))).toEqual(keys(at('2026-12-04')));
    expect(plan(at('2026-12-05'))[0]?.body).toContain('今天截止');
  });

  it('overdue by 1 day: nothing; by 2 days: the officials again and the reviewers of those departments', () => {
    expect(plan(at('2026-12-06'))).toEqual([]);
    const got = plan(at('2026-12-07'));
    expect(got.map((r) => [r.kind, r.userId])).toEqual([
      ['overdue', 1],
      ['overdue', 2],
      ['escalation', 3],
      ['overdue', 4],
      ['escalation', 5],
    ]);
    expect(got.find((r) => r.userId === 3)?.subject).toBe('【逾期督办】单位102026年11月数据已逾期 2 天');
  });

  it('overdue by 5 days: each administrator gets the city list; not leaders; officials no longer (their stage is past)', () => {
    const got = plan(at('2026-12-10'));
    expect(got.map((r) => [r.kind, r.userId, r.key])).toEqual([['admin_digest', 6, 'admin_digest:2026-11:6:after5']]);
    expect(got[0]?.items.map((i) => i.departmentName)).toEqual(['单位10', '单位10', '单位20']);
    expect(got[0]?.subject).toContain('2 个单位 3 项');
  });

  it('a stage missed by more than the catch-up window is dropped, not sent late', () => {
    expect(plan(at('2026-12-13'))).toEqual([]);
  });
});

describe('planReminders: what counts as missing', () => {
  it('submitted and approved figures are done; draft and returned ones are still missing', () => {
    const figures: PlanFigure[] = [
      { indicatorId: 100, year: 2026, month: 11, status: 'submitted' },
      { indicatorId: 101, year: 2026, month: 11, status: 'approved' },
      { indicatorId: 200, year: 2026, month: 11, status: 'returned' },
    ];
    expect(keys(at('2026-12-02'), { figures })).toEqual(['due_soon:2026-11:4:before3']);
    const drafts = figures.map((f) => ({ ...f, status: 'draft' as const }));
    expect(keys(at('2026-12-02'), { figures: drafts })).toHaveLength(3);
  });

  it('no deadline: a quarterly indicator outside quarter ends, an unplanned one and a qualitative one are never reminded', () => {
    const indicators = [
      ind(1, 10, { frequency: 'quarterly' }),
      ind(2, 10, { plannedYears: [] }),
      ind(3, 10, { reported: false }),
      ind(4, 10, { frequency: 'annual' }),
    ];
    expect(plan(at('2026-12-02'), { indicators })).toEqual([]);
    // …while the quarterly and annual ones are due for December.
    expect(keys(at('2027-01-02'), { indicators })).toEqual([
      'due_soon:2026-12:1:before3',
      'due_soon:2026-12:2:before3',
    ]);
  });

  it('December: its figures are due on 5 January of the next year and keyed with 2026-12', () => {
    const got = plan(at('2027-01-04'));
    expect(got.map((r) => r.key)).toContain('due_soon:2026-12:1:before1');
    expect(got[0]?.subject).toBe('【填报提醒】2026年12月数据将于2027年1月5日截止');
  });

  it('a period closed for the city reminds nobody; disabled users are skipped', () => {
    expect(plan(at('2026-12-02'), { lockedPeriods: [{ year: 2026, month: 11 }] })).toEqual([]);
    const users = [user(1, 'official', 10, true), user(4, 'official', 20)];
    expect(keys(at('2026-12-02'), { users })).toEqual(['due_soon:2026-11:4:before3']);
  });

  it('a later due day moves every stage with it (due day 20: 3 days before is the 17th)', () => {
    expect(plan(at('2026-12-16'), { dueDay: 20 })).toEqual([]);
    expect(keys(at('2026-12-17'), { dueDay: 20 })).toContain('due_soon:2026-11:1:before3');
  });

  it('planning twice gives the same keys, and no key twice', () => {
    for (const day of ['2026-12-02', '2026-12-04', '2026-12-07', '2026-12-10']) {
      const a = keys(at(day));
      expect(keys(at(day))).toEqual(a);
      expect(new Set(a).size).toBe(a.length);
    }
  });

  it('custom thresholds: one reminder 7 days before, reviewers after 1 day, admins after 3', () => {
    const thresholds = { beforeDays: [7], reviewerAfterDays: 1, adminAfterDays: 3 };
    expect(keys(at('2026-11-28'), { thresholds })).toContain('due_soon:2026-11:1:before7');
    expect(keys(at('2026-12-06'), { thresholds })).toContain('escalation:2026-11:3:after1');
    expect(keys(at('2026-12-08'), { thresholds })).toContain('admin_digest:2026-11:6:after3');
  });
});

describe('stageAt', () => {
  const stages = [
    { name: 'before3', day: 3 },
    { name: 'before1', day: 1 },
    { name: 'after2', day: -2 },
  ];
  it.each([
    [4, null],
    [3, 'before3'],
    [2, 'before3'],
    [1, 'before1'],
    [0, 'before1'],
    [-1, null],
    [-2, 'after2'],
    [-4, 'after2'],
    [-5, null],
  ])('daysLeft %i → %s', (daysLeft, expected) => {
    expect(stageAt(daysLeft, stages)?.name ?? null).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 10].map((n) => retryDelayMs(n, 60_000, 600_000))).toEqual([
      60_000, 120_000, 240_000, 480_000, 600_000, 600_000,
    ]);
    expect(retryDelayMs(0, 1000, 10_000)).toBe(1000);
    expect(retryDelayMs(1000, 1000, 10_000)).toBe(10_000);
  });
});
