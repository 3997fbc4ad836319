/**
 * The words people see for the catalogue's codes: one wording each, used by pages, forms, messages and exports.
 * Records over the domain's tuples, so a new code without its word does not compile.
 */
import type { PathKind, PlanStatus } from './plan-path';
import type { ScoringRule, SubjectKind } from './scoring';
import type { ActualStatus, Direction, Frequency, IndicatorKind, PhasingKind, PlanType } from './types';
import { monthsOfFrequency } from './period';
import { ROLE_LABELS, ROLES, type Role } from './types';

export const KIND_LABELS: Record<IndicatorKind, string> = {
  cumulative: '累计值',
  level: '时点值',
  rate: '比率/增速',
  milestone: '任务类',
  qualitative: '定性表述',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = { monthly: '月度', quarterly: '季度', annual: '年度' };

export const DIRECTION_LABELS: Record<Direction, string> = { up: '越高越好', down: '越低越好' };

export const PLAN_TYPE_LABELS: Record<PlanType, string> = { expected: '预期性', binding: '约束性' };

/** How a five-year plan's annual path is drawn (lib/domain/plan-path.ts). */
export const PATH_KIND_LABELS: Record<PathKind, string> = {
  straight: '等额递进',
  compound: '按年均增速',
  typed: '逐年设定',
};

export const PHASING_LABELS: Record<PhasingKind, string> = {
  none: '不分解',
  monthly: '按月分解',
  quarterly: '按季度分解',
};

/** A figure's place in the reporting workflow (填报 → 审核). */
export const ACTUAL_STATUS_LABELS: Record<ActualStatus, string> = {
  draft: '草稿',
  submitted: '已提交待审核',
  approved: '已审核通过',
  returned: '已退回',
};

/** The word for the system itself where an actor's role is shown (jobs, bootstrap, scheduled work). */
export const SYSTEM_ACTOR_LABEL = '系统';

/** The word for a stored actor role: a role's label, 系统 for the system, an unknown value as it is. */
export function actorRoleLabel(role: string): string {
  if (role === 'system') return SYSTEM_ACTOR_LABEL;
  return isRole(role) ? ROLE_LABELS[role] : role;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The choices of a tuple, in its order, joined as a message lists them: 「a、b、c」. */
export function choicesText<K extends string>(keys: readonly K[], labels: Record<K, string>): string {
  return keys.map((k) => labels[k]).join('、');
}

/** When a figure of this frequency is reported, in words (季度指标只在 3、6、9、12 月填报); '' for monthly (every month). */
export function reportingMonthsText(frequency: Frequency): string {
  if (frequency === 'monthly') return '';
  return `${FREQUENCY_LABELS[frequency]}指标只在 ${monthsOfFrequency(frequency).join('、')} 月填报`;
}

/** 催报提醒: the kinds of reminder, the outbox states and the channels, as /admin/reminders shows them. */
export const REMINDER_KIND_LABELS: Record<'due_soon' | 'overdue' | 'escalation' | 'admin_digest', string> = {
  due_soon: '截止前提醒',
  overdue: '逾期提醒',
  escalation: '逾期督办（审核人）',
  admin_digest: '逾期汇总（管理员）',
};
export const OUTBOX_STATUS_LABELS: Record<'queued' | 'sending' | 'sent' | 'failed', string> = {
  queued: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
};
export const REMINDER_CHANNEL_LABELS: Record<'email' | 'webhook', string> = {
  email: '电子邮件',
  webhook: 'Webhook（政务微信/钉钉）',
};

/** The label of a stored code, or the code itself when this version does not know it. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return Object.hasOwn(labels, code) ? (labels[code] ?? code) : code;
}

/** Where a plan indicator stands on its path. */
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  on_track: '符合进度',
  behind: '落后进度',
  no_data: '尚无数据',
  no_path: '无法推算路径',
};

/** 考核计分规则 (lib/domain/scoring.ts). */
export const SCORING_RULE_LABELS: Record<ScoringRule, string> = {
  completion: '完成率',
  on_time: '序时进度',
  milestone: '任务完成',
  lower_better: '越低越好（反向计分）',
};

/** Who is scored: a department today, a unit (county) once units exist. */
export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = { department: '责任单位', unit: '县区' };
