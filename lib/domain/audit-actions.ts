/**
 * Every action the application writes to the audit log, with its Chinese label: the one list. The type
 * `AuditAction` is what appendAuditEvent accepts, so an action cannot be written without being listed here
 * (and so selectable in the /audit filters). Pure constants: no I/O.
 */

/** Why a request was refused; each is recorded, throttled, as the action `refusal.<reason>`. */
export const REFUSAL_REASONS = {
  sign_in: '登录被拒：用户名或密码不正确',
  sign_in_locked: '登录被拒：账号已锁定',
  sign_in_throttled: '登录被拒：地址限流',
  sign_in_disabled: '登录被拒：账号已停用',
  totp: '登录被拒：动态验证码不正确',
  unauthenticated: '拒绝访问：未登录的写操作',
  forbidden: '拒绝访问：无权限的写操作',
  origin: '拒绝访问：跨站来源',
} as const satisfies Record<string, string>;
export type RefusalReason = keyof typeof REFUSAL_REASONS;

const REFUSAL_ACTIONS = Object.fromEntries(
  Object.entries(REFUSAL_REASONS).map(([reason, label]) => [`refusal.${reason}`, label]),
) as { [R in RefusalReason as `refusal.${R}`]: (typeof REFUSAL_REASONS)[R] };

export const AUDIT_ACTIONS = {
  'auth.login': '登录',
  'auth.locked': '账号锁定',
  'seed.report': '载入报告数据',
  'seed.sample': '载入示例数据',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.reset_password': '重置密码',
  'user.unlock': '解除锁定',
  'user.change_password': '修改密码',
  'user.sign_out': '退出全部会话',
  'user.totp_enroll_start': '开始绑定动态口令',
  'user.totp_enable': '启用动态口令',
  'user.totp_disable': '停用动态口令',
  'department.create': '新建单位',
  'department.update': '修改单位',
  'unit.create': '新建县区',
  'unit.update': '修改县区',
  'unit_target.decompose': '分解目标到县区',
  'actual.save_draft': '保存草稿',
  'actual.submit': '提交数据',
  'actual.approve': '审核通过',
  'actual.return': '退回数据',
  'actual.reopen': '重新打开',
  'evidence.upload': '上传佐证材料',
  'evidence.remove': '删除佐证材料',
  'actual.rollup': '县区汇总到全市',
  'target.create': '新建目标',
  'target.update': '修改目标',
  'indicator.create': '新建指标',
  'indicator.update': '修改指标',
  'indicator.retire': '停用指标',
  'indicator.unretire': '恢复指标',
  'indicator.delete': '删除指标',
  'period.lock': '锁定填报期',
  'period.unlock': '解锁填报期',
  'instruction.create': '发布批示',
  'instruction.answer': '答复批示',
  'settings.update': '修改设置',
  'export.records': '导出数据',
  'export.audit': '导出审计日志',
  'export.indicator': '导出指标审计包',
  'bulletin.generate': '生成通报',
  'export.evidence': '导出佐证材料包',
  'export.scores': '导出考核得分',
  'scoring.scheme_save': '保存考核方案',
  'scoring.publish': '发布考核得分',
  'plan.indicator_update': '修改规划指标路径',
  'audit.checkpoint': '生成审计检查点',
  'audit.alert_acknowledge': '确认审计员账号变更提醒',
  'reminder.retry': '重新发送催报提醒',
  ...REFUSAL_ACTIONS,
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/**
 * Actions older versions wrote and this one no longer does: still labelled and filterable, since the log
 * keeps them forever, but not writable.
 */
export const LEGACY_AUDIT_ACTIONS = {
  'auth.login_failed': '登录失败',
} as const satisfies Record<string, string>;

/** The entity types events are written with, and their labels. */
export const AUDIT_ENTITY_TYPES = {
  user: '用户',
  department: '单位',
  unit: '县区',
  unit_target: '县区目标',
  actual: '实绩数据',
  evidence: '佐证材料',
  target: '目标',
  indicator: '指标',
  period: '填报期',
  instruction: '批示',
  instruction_answer: '批示答复',
  settings: '设置',
  export: '导出',
  bulletin: '通报',
  audit: '审计日志',
  seed: '初始数据',
  scoring_scheme: '考核方案',
  plan_indicator: '规划指标',
  request: '请求',
  reminder: '催报提醒',
} as const satisfies Record<string, string>;

/** The label of a stored entity type; an unknown one as it is. */
export function entityTypeLabel(type: string): string {
  const labels: Readonly<Record<string, string>> = AUDIT_ENTITY_TYPES;
  return Object.hasOwn(labels, type) ? (labels[type] ?? type) : type;
}

const E = AUDIT_ENTITY_TYPES;

/** Namespaces an action filter may name as a prefix ("actual.*"); a namespace named after an entity type uses its word. */
export const AUDIT_ACTION_GROUPS = {
  auth: '登录',
  refusal: '拒绝访问',
  seed: '数据载入',
  user: E.user,
  department: E.department,
  unit: E.unit,
  unit_target: E.unit_target,
  actual: E.actual,
  evidence: E.evidence,
  target: E.target,
  indicator: E.indicator,
  period: E.period,
  instruction: E.instruction,
  settings: E.settings,
  export: E.export,
  bulletin: E.bulletin,
  scoring: '考核评分',
  plan: '五年规划',
  audit: '审计',
  reminder: E.reminder,
} as const satisfies Record<string, string>;

/**
 * Namespaces whose actions leave what the dashboards show unchanged: signing in and being refused, exports and
 * generated bulletins (通报), the audit log's own events, reminders, evidence files (read live, never from the read
 * model), and account housekeeping. Everything else moves the data version. (`user.create`/`user.update` do move it:
 * a display name appears beside the figures a user entered.)
 */
const NON_DATA_NAMESPACES = new Set(['auth', 'refusal', 'export', 'bulletin', 'audit', 'reminder', 'evidence']);
const DATA_USER_ACTIONS = new Set<string>(['user.create', 'user.update']);

/** True when the action may change what the dashboards' read model shows (so its version must move). */
export function changesDashboardData(action: AuditAction): boolean {
  const namespace = action.slice(0, action.indexOf('.'));
  if (NON_DATA_NAMESPACES.has(namespace)) return false;
  if (namespace === 'user') return DATA_USER_ACTIONS.has(action);
  return true;
}

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** The Chinese label of an action (an unknown one, from a newer version, is shown as is). */
export function actionLabel(action: string): string {
  if (isAuditAction(action)) return AUDIT_ACTIONS[action];
  const legacy: Readonly<Record<string, string>> = LEGACY_AUDIT_ACTIONS;
  return Object.hasOwn(legacy, action) ? (legacy[action] ?? action) : action;
}

/** True for a value the /audit action filter accepts: a written or legacy action, or a namespace ("actual.*"). */
export function isKnownActionFilter(value: string): boolean {
  if (isAuditAction(value) || Object.hasOwn(LEGACY_AUDIT_ACTIONS, value)) return true;
  const prefix = /^([a-z_]+)\.\*$/.exec(value)?.[1];
  return prefix !== undefined && Object.hasOwn(AUDIT_ACTION_GROUPS, prefix);
}
