/** Shared vocabulary of the KPI domain. Pure types and constants: no I/O. */

export const AREA_SLUGS = [
  'investment',
  'innovation',
  'construction',
  'industry',
  'tourism',
  'reform',
  'livelihood',
] as const;
export type AreaSlug = (typeof AREA_SLUGS)[number];

/** The seven 主抓手 in their fixed order (id = position, 1-based). */
export const WORK_AREAS: ReadonlyArray<{ id: number; slug: AreaSlug; name: string; shortName: string }> = [
  { id: 1, slug: 'investment', name: '抓招商、上项目', shortName: '招商项目' },
  { id: 2, slug: 'innovation', name: '抓创新、育主体', shortName: '创新主体' },
  { id: 3, slug: 'construction', name: '抓规划、强建设', shortName: '规划建设' },
  { id: 4, slug: 'industry', name: '抓载体、延链条', shortName: '载体链条' },
  { id: 5, slug: 'tourism', name: '抓文旅、扩消费', shortName: '文旅消费' },
  { id: 6, slug: 'reform', name: '抓改革、促开放', shortName: '改革开放' },
  { id: 7, slug: 'livelihood', name: '抓民生、办实事', shortName: '民生实事' },
];

/** Groups of the 十四五 five-year review, in the report's order. */
export const REVIEW_GROUPS = ['综合实力', '转型发展', '改革开放', '城乡发展', '生态环境', '社会事业'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];

/**
 * cumulative 累计值 · level 时点值 · rate 比率/增速 · milestone 任务类 ·
 * qualitative 定性表述 (the report's words with no figure and no completion claim: "广受群众点赞", "较好完成…"):
 * no target, no status, outside every count and completion.
 */
export const INDICATOR_KINDS = ['cumulative', 'level', 'rate', 'milestone', 'qualitative'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** An indicator as it describes itself, wherever it is named with its 口径: the catalogue, an entry sheet, a card. */
export interface IndicatorDescription {
  /** Stable code, upper-case ascii with dashes, unique: e.g. "INV-PROJECTS". */
  code: string;
  /** 指标名称 in Chinese. */
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  frequency: Frequency;
  /** 口径: what is counted, in Chinese, one sentence. */
  definition: string;
}

/** How an annual target is phased (分解目标): not at all (linear in time), a value per month, or per quarter end. */
export const PHASINGS = ['none', 'monthly', 'quarterly'] as const;
export type PhasingKind = (typeof PHASINGS)[number];

/** 预期性 (expected) or 约束性 (binding) indicator, as plans classify them. */
export const PLAN_TYPES = ['expected', 'binding'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

/**
 * How a figure is qualified in the report:
 * exact (bare), at_least (以上/≥), about (左右), over (超 — strictly more), breakthrough (突破 — strictly more,
 * the report's other word for it, kept apart so the screens say what the report says), at_most (以内/≤),
 * all_done (全部完成 — a milestone fully achieved).
 */
export const QUALIFIERS = ['exact', 'at_least', 'about', 'over', 'at_most', 'all_done', 'breakthrough'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** 县区 kinds: the city itself, its districts (区), counties (县) and development zones (开发区). */
export const UNIT_KINDS = ['city', 'district', 'county', 'zone'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * How a unit-tracked indicator's city figure is made from its units' (lib/domain/rollup.ts): the sum, entered at city
 * level, the mean weighted by a named weight indicator, or (milestones) done when every unit's is.
 */
export const ROLLUP_RULES = ['sum', 'entered', 'weighted', 'all_done'] as const;
export type RollupRule = (typeof ROLLUP_RULES)[number];

export const ACTUAL_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ActualStatus = (typeof ACTUAL_STATUSES)[number];

/** Traffic-light status, computed, never stored. */
export const PROGRESS_STATUSES = ['green', 'yellow', 'red', 'grey', 'overdue'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/**
 * 三员分立 (等保2.0): `admin` 系统管理员 runs the system (catalog, targets, settings, departments), `security`
 * 安全管理员 runs the accounts (users, roles, unlocks, resets), `auditor` 审计员 alone reads the audit log.
 * New values go at the end: the order is the pg enum's, and an added value is appended by its migration.
 */
export const ROLES = ['admin', 'official', 'reviewer', 'leader', 'auditor', 'security'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  official: '填报员',
  reviewer: '审核员',
  leader: '领导',
  auditor: '审计员',
  security: '安全管理员',
};

/** What a stated or computed change is measured in: relative percent, percentage points, or the indicator's unit. */
export const CHANGE_UNITS = ['percent', 'points', 'absolute'] as const;
export type ChangeUnit = (typeof CHANGE_UNITS)[number];

/** What a change is measured against: the same period a year earlier (同比), or the plan's start (较“十三五”末). */
export const CHANGE_BASES = ['prior_year', 'plan_start'] as const;
export type ChangeBasis = (typeof CHANGE_BASES)[number];
