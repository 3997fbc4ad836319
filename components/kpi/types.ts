/**
 * The shapes the KPI components draw, structurally typed so that components depend on lib/domain only;
 * the services' views satisfy them.
 */
import { periodSearch } from '@/lib/domain/period';
import type { ShownChange } from '@/lib/domain/compare';
import type { IndicatorSnapshot } from '@/lib/domain/snapshot';
import type { IndicatorDescription, Qualifier } from '@/lib/domain/types';

export interface FigureLike {
  year?: number;
  month: number;
  value: string | null;
  valueText?: string | null;
  qualifier: Qualifier;
  isSample?: boolean;
  isDerived?: boolean;
  derivedNote?: string | null;
}

export interface TargetLike {
  value: string | null;
  valueText?: string | null;
  qualifier: Qualifier;
  isSample: boolean;
}

/** A change as the domain hands it over (lib/domain/compare ShownChange). */
export type ChangeLike = ShownChange;

/** An indicator's KPI: its description, and its snapshot's judgement as the domain computes it (lib/domain/snapshot.ts). */
export interface KpiLike
  extends
    IndicatorDescription,
    Pick<
      IndicatorSnapshot,
      'asOfMonth' | 'expected' | 'completion' | 'status' | 'gapPoints' | 'yoy' | 'forecast' | 'series' | 'isSample'
    > {
  departmentCode: string;
  departmentShortName: string;
  figure: FigureLike | null;
  prior: FigureLike | null;
  target: TargetLike | null;
  shares: { actual: number | null; expected: number | null } | null;
  statusLabel: string;
}

/** An indicator named on an area card (需关注 / 主要指标): what the card's line shows. */
export type FeaturedKpiLike = Pick<
  KpiLike,
  'code' | 'name' | 'unit' | 'status' | 'statusLabel' | 'departmentShortName' | 'isSample'
> & { figure: FeaturedFigureLike | null };

/** A figure on an area card's line: its value as the report writes it, and whether it is derived (推算). */
export type FeaturedFigureLike = Pick<FigureLike, 'value' | 'valueText' | 'qualifier' | 'isDerived' | 'derivedNote'>;

/** A headline tile's indicator: what the tile shows (no definition or source text). */
export type HeadlineKpiLike = Pick<
  KpiLike,
  | 'code'
  | 'name'
  | 'unit'
  | 'kind'
  | 'figure'
  | 'prior'
  | 'target'
  | 'expected'
  | 'gapPoints'
  | 'yoy'
  | 'series'
  | 'status'
  | 'statusLabel'
  | 'isSample'
>;

/** The period of the page, for links that keep it. */
export interface PeriodLike {
  year: number;
  month: number;
}

/** "?year=2026&month=10": a link keeps the period its sender saw (lib/domain/period writes it). */
export { periodSearch };

/** A period page's crumbs: 总览, then the pages above this one (`path`s), every link keeping the period shown. */
export function periodCrumbs(period: PeriodLike, ...above: { path: string; label: string }[]) {
  const search = periodSearch(period);
  return [{ path: '/', label: '总览' }, ...above].map(({ path, label }) => ({ href: `${path}${search}`, label }));
}
