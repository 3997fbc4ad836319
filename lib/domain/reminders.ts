/**
 * 催报提醒: which reminders are due at `now`, from the due figures, who may enter and review them, and the
 * thresholds. Pure: the clock, the calendar and the people are passed in; nothing is sent here.
 *
 * Stages, counted in Shanghai calendar days from the period's due day (lib/domain/period.ts):
 * - before the deadline (default 3 and 1 days): each official of the department with figures not submitted;
 * - overdue by `reviewerAfterDays` (default 2): the officials again and the department's reviewers;
 * - overdue by `adminAfterDays` (default 5): every administrator gets the city's list of what is still missing.
 * Weekends and holidays are not special: a stage falls on its calendar day. A stage missed (the server was down)
 * is still planned up to CATCH_UP_DAYS later, but only the latest stage reached, so a late start never sends a
 * burst of stale reminders. Each reminder has a deterministic key (kind:period:user:stage): planning twice gives
 * the same keys, and the outbox keeps one message per key.
 */
import {
  addMonths,
  currentPeriod,
  daysUntilDeadline,
  entryDeadline,
  formatPeriod,
  formatPeriodLabel,
  isDueMonth,
  type Period,
} from './period';
import type { ActualStatus, Frequency, Role } from './types';

export interface ReminderThresholds {
  /** Days before the due day on which officials are reminded, e.g. [3, 1]. */
  beforeDays: number[];
  /** Days overdue after which the department's reviewers are told too. */
  reviewerAfterDays: number;
  /** Days overdue after which the administrators get the city's list. */
  adminAfterDays: number;
}

export const DEFAULT_REMINDER_THRESHOLDS: ReminderThresholds = {
  beforeDays: [3, 1],
  reviewerAfterDays: 2,
  adminAfterDays: 5,
};

/** How many days after its own day a stage that was missed is still planned. */
export const CATCH_UP_DAYS = 2;

export type ReminderKind = 'due_soon' | 'overdue' | 'escalation' | 'admin_digest';

export interface PlanIndicator {
  id: number;
  code: string;
  name: string;
  departmentId: number;
  departmentName: string;
  frequency: Frequency;
  /** False for what is not reported period by period (qualitative statements, the five-year review). */
  reported: boolean;
  /** Years with a target: only planned indicators are due. */
  plannedYears: readonly number[];
}

export interface PlanFigure {
  indicatorId: number;
  year: number;
  month: number;
  status: ActualStatus;
}

export interface PlanUser {
  id: number;
  displayName: string;
  role: Role;
  departmentId: number | null;
  disabled: boolean;
}

export interface PlanInput {
  indicators: readonly PlanIndicator[];
  figures: readonly PlanFigure[];
  users: readonly PlanUser[];
  /** Periods closed for the whole city: nothing can be entered, so nobody is reminded. */
  lockedPeriods: readonly Period[];
  thresholds: ReminderThresholds;
  dueDay: number;
  now: Date;
}

export interface ReminderItem {
  indicatorId: number;
  code: string;
  name: string;
  departmentId: number;
  departmentName: string;
}

export interface PlannedReminder {
  key: string;
  kind: ReminderKind;
  /** before3, before1, after2, after5 … */
  stage: string;
  userId: number;
  userName: string;
  period: Period;
  /** Whole days to the due day (negative: days overdue). */
  daysLeft: number;
  items: ReminderItem[];
  subject: string;
  body: string;
}

interface Stage {
  name: string;
  /** daysLeft on the stage's own day (3 before, −2 overdue by two days). */
  day: number;
}

/** The latest stage reached at `daysLeft` if still within its catch-up window; before-stages end at the deadline. */
export function stageAt(daysLeft: number, stages: readonly Stage[]): Stage | null {
  const reached = stages.filter((s) => daysLeft <= s.day).sort((a, b) => a.day - b.day)[0];
  if (!reached) return null;
  if (daysLeft < reached.day - CATCH_UP_DAYS) return null;
  if (reached.day >= 0 && daysLeft < 0) return null;
  return reached;
}

/** `kind:YYYY-MM:userId:stage` — the same reminder always has the same key. */
export function reminderKey(kind: ReminderKind, period: Period, userId: number, stage: string): string {
  return `${kind}:${formatPeriod(period)}:${userId}:${stage}`;
}

function dueDateLabel(period: Period, dueDay: number): string {
  const lastLocal = new Date(entryDeadline(period, dueDay).getTime() - 1 + 8 * 60 * 60 * 1000);
  return `${lastLocal.getUTCFullYear()}年${lastLocal.getUTCMonth() + 1}月${lastLocal.getUTCDate()}日`;
}

function itemLines(items: readonly ReminderItem[], withDepartment: boolean): string {
  return items
    .map((i, n) => `${n + 1}. ${i.code} ${i.name}${withDepartment ? `（${i.departmentName}）` : ''}`)
    .join('\n');
}

function compose(
  kind: ReminderKind,
  user: PlanUser,
  period: Period,
  daysLeft: number,
  dueLabel: string,
  items: ReminderItem[],
) {
  const label = formatPeriodLabel(period);
  const overdueDays = -daysLeft;
  const where = '请登录抓手平台「数据填报」及时填报。';
  switch (kind) {
    case 'due_soon':
      return {
        subject: `【填报提醒】${label}数据将于${dueLabel}截止`,
        body: `${user.displayName}：您单位以下 ${items.length} 项指标${label}的数据尚未提交，截止时间为${dueLabel}（${daysLeft === 0 ? '今天截止' : `还有 ${daysLeft} 天`}）：\n${itemLines(items, false)}\n${where}`,
      };
    case 'overdue':
      return {
        subject: `【逾期提醒】${label}数据已逾期 ${overdueDays} 天`,
        body: `${user.displayName}：您单位以下 ${items.length} 项指标${label}的数据截止于${dueLabel}，已逾期 ${overdueDays} 天仍未提交：\n${itemLines(items, false)}\n${where}`,
      };
    case 'escalation':
      return {
        subject: `【逾期督办】${items[0]?.departmentName ?? ''}${label}数据已逾期 ${overdueDays} 天`,
        body: `${user.displayName}：本单位以下 ${items.length} 项指标${label}的数据截止于${dueLabel}，已逾期 ${overdueDays} 天仍未提交，请督促填报人员尽快填报并审核：\n${itemLines(items, false)}`,
      };
    case 'admin_digest': {
      const departments = new Set(items.map((i) => i.departmentId)).size;
      return {
        subject: `【逾期汇总】${label}数据逾期 ${overdueDays} 天未报：${departments} 个单位 ${items.length} 项`,
        body: `${user.displayName}：以下指标${label}的数据截止于${dueLabel}，已逾期 ${overdueDays} 天仍未提交：\n${itemLines(items, true)}`,
      };
    }
  }
}

/** The periods whose stages can fall around `now`: the current month and the three before it. */
function candidatePeriods(now: Date): Period[] {
  const current = currentPeriod(now);
  return [3, 2, 1, 0].map((back) => addMonths(current, -back));
}

/** Every reminder due at `now`, in a stable order (period, kind, user). */
export function planReminders(input: PlanInput): PlannedReminder[] {
  const { thresholds, dueDay, now } = input;
  const submitted = new Set(
    input.figures
      .filter((f) => f.status === 'submitted' || f.status === 'approved')
      .map((f) => `${f.indicatorId}:${f.year}:${f.month}`),
  );
  const locked = new Set(input.lockedPeriods.map(formatPeriod));
  const active = input.users.filter((u) => !u.disabled);
  const officialStages: Stage[] = [
    ...thresholds.beforeDays.map((d) => ({ name: `before${d}`, day: d })),
    { name: `after${thresholds.reviewerAfterDays}`, day: -thresholds.reviewerAfterDays },
  ];
  const reviewerStages: Stage[] = [
    { name: `after${thresholds.reviewerAfterDays}`, day: -thresholds.reviewerAfterDays },
  ];
  const adminStages: Stage[] = [{ name: `after${thresholds.adminAfterDays}`, day: -thresholds.adminAfterDays }];
  const out: PlannedReminder[] = [];
  for (const period of candidatePeriods(now)) {
    if (locked.has(formatPeriod(period))) continue;
    const missing: ReminderItem[] = input.indicators
      .filter(
        (i) =>
          i.reported &&
          i.plannedYears.includes(period.year) &&
          isDueMonth(i.frequency, period.month) &&
          !submitted.has(`${i.id}:${period.year}:${period.month}`),
      )
      .sort((a, b) => a.departmentId - b.departmentId || a.code.localeCompare(b.code))
      .map((i) => ({
        indicatorId: i.id,
        code: i.code,
        name: i.name,
        departmentId: i.departmentId,
        departmentName: i.departmentName,
      }));
    if (missing.length === 0) continue;
    const daysLeft = daysUntilDeadline(period, now, dueDay);
    const dueLabel = dueDateLabel(period, dueDay);
    const add = (kind: ReminderKind, stage: Stage, user: PlanUser, items: ReminderItem[]) => {
      out.push({
        key: reminderKey(kind, period, user.id, stage.name),
        kind,
        stage: stage.name,
        userId: user.id,
        userName: user.displayName,
        period,
        daysLeft,
        items,
        ...compose(kind, user, period, daysLeft, dueLabel, items),
      });
    };
    const official = stageAt(daysLeft, officialStages);
    const reviewer = stageAt(daysLeft, reviewerStages);
    const admin = stageAt(daysLeft, adminStages);
    const departmentIds = [...new Set(missing.map((m) => m.departmentId))];
    for (const departmentId of departmentIds) {
      const items = missing.filter((m) => m.departmentId === departmentId);
      for (const user of active.filter((u) => u.departmentId === departmentId)) {
        if (user.role === 'official' && official)
          add(official.day >= 0 ? 'due_soon' : 'overdue', official, user, items);
        if (user.role === 'reviewer' && reviewer) add('escalation', reviewer, user, items);
      }
    }
    if (admin) for (const user of active.filter((u) => u.role === 'admin')) add('admin_digest', admin, user, missing);
  }
  return out;
}

/** The wait before attempt `attempts + 1` after `attempts` failed ones: base × 2^(attempts−1), at most `capMs`. */
export function retryDelayMs(attempts: number, baseMs: number, capMs: number): number {
  const exponent = Math.max(0, Math.min(30, attempts - 1));
  return Math.min(capMs, baseMs * 2 ** exponent);
}
