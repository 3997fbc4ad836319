import type { StatedChange } from '@/lib/domain/compare';
import type { AreaSlug, IndicatorDescription, PlanType, Qualifier, ReviewGroup } from '@/lib/domain/types';

/** A department (责任单位) of the seed. `code` is stable and lower-case ascii. */
export interface SeedDepartment {
  code: string;
  name: string;
  shortName: string;
}

/** One reported value of an indicator for one year (period = December of that year). */
export interface SeedValue {
  year: number;
  /** Decimal string exactly as reported ("1027", "25.3", "60.65"); null for a purely qualitative result. */
  value: string | null;
  qualifier: Qualifier;
  /** Qualitative wording kept verbatim where the report gives words, not a number ("双下降", "县县全覆盖"). */
  valueText?: string;
  /** True when the value is computed from another reported figure (e.g. a prior year from a growth rate). */
  derived?: boolean;
  /** How a derived value was computed, in Chinese ("由2025年12.6亿元、增长17.7%推算"). */
  derivedNote?: string;
  /** A change the report states for this figure, with its words verbatim from the source sentence. */
  statedChange?: StatedChange;
}

/** One indicator of the report with its reported figures. */
export interface SeedIndicator extends IndicatorDescription {
  planType: PlanType;
  /** Work area for the 2025 figures; null for indicators of the five-year review only. */
  area: AreaSlug | null;
  /** Group of the 十四五 review, for review indicators. */
  reviewGroup?: ReviewGroup;
  /** Department code (one of SEED_DEPARTMENTS). */
  department: string;
  /** Headline tile position (1..n) for the report's headline boxes; omitted otherwise. */
  headline?: number;
  /** Where it appears: an area section, 一年亮点回眸 lead paragraph, or the five-year review. */
  section: 'area' | 'highlights' | 'review';
  /** The source sentence, verbatim from the report. */
  source: string;
  /** For milestones: how many items in total (e.g. 15 for "15件民生实事"); the value then is the count done. */
  milestoneTotal?: string;
  /** Reported values: the 2025 figure (or the 2025 end of the five-year review), plus baseline 2020 or derived priors. */
  values: SeedValue[];
}
