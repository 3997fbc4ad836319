/**
 * The five-year (十四五) review: each figure of 2025 against the 2020 baseline where the report gives one,
 * grouped as the report groups them. Two queries.
 */
import { listActualRows, listIndicatorRows } from '@/db/queries/figures';
import type { Actor } from '@/lib/domain/actor';
import { changeToShow } from '@/lib/domain/compare';

import { decimalToNumber } from '@/lib/domain/decimal';
import { REVIEW_GROUPS } from '@/lib/domain/types';
import { authorize, type ServiceOptions } from '@/lib/services/options';

/** The plan under review: 十四五, 2021–2025, measured against the end of 十三五 (2020). */
export const REVIEW_PLAN = { name: '十四五', baselineYear: 2020, endYear: 2025 } as const;

type FigureRow = Awaited<ReturnType<typeof listActualRows>>[number];

function plainFigure(f: FigureRow | undefined) {
  if (!f) return null;
  return {
    year: f.year,
    month: f.month,
    value: f.value,
    valueText: f.valueText,
    qualifier: f.qualifier,
    isDerived: f.isDerived,
    derivedNote: f.derivedNote,
    isSample: f.isSample,
  };
}

function sideOf(f: FigureRow) {
  return {
    value: decimalToNumber(f.value),
    isDerived: f.isDerived,
    derivedNote: f.derivedNote,
    isReported: f.isReported,
  };
}

function statedSincePlanStart(f: FigureRow | undefined) {
  return f?.statedChange?.basis === 'plan_start' ? f.statedChange : null;
}

/** GET /api/review — the 十四五 figures by group, baseline against the end year. */
export async function getReview(actor: Actor, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'dashboard.view', options);
  const rows = (await listIndicatorRows(db, {})).filter((r) => r.section === 'review');
  const figures = await listActualRows(db, {
    scope: 'dashboard',
    years: [REVIEW_PLAN.baselineYear, REVIEW_PLAN.endYear],
    indicatorIds: rows.map((r) => r.id),
  });
  // The year's figure is its latest month (the review's figures are annual: December).
  const latest = (indicatorId: number, year: number) =>
    figures.filter((f) => f.indicatorId === indicatorId && f.year === year).at(-1);
  const items = rows.map((r) => {
    const end = latest(r.id, REVIEW_PLAN.endYear);
    const baseline = latest(r.id, REVIEW_PLAN.baselineYear);
    return {
      code: r.code,
      name: r.name,
      unit: r.unit,
      kind: r.kind,
      direction: r.direction,
      planType: r.planType,
      definition: r.definition,
      reviewGroup: r.reviewGroup,
      departmentShortName: r.departmentShortName,
      sourceText: r.sourceText,
      end: plainFigure(end),
      baseline: plainFigure(baseline),
      // The report's own change against the end of 十三五 wins; any other is computed and marked 推算 with its method.
      change: changeToShow({
        kind: r.kind,
        unit: r.unit,
        stated: statedSincePlanStart(end),
        current: end ? sideOf(end) : null,
        prior: baseline ? sideOf(baseline) : null,
        priorLabel: `${REVIEW_PLAN.baselineYear}年`,
      }),
    };
  });
  return {
    plan: REVIEW_PLAN,
    groups: REVIEW_GROUPS.map((name) => ({ name, items: items.filter((i) => i.reviewGroup === name) })),
    ungrouped: items.filter((i) => !REVIEW_GROUPS.some((g) => g === i.reviewGroup)),
  };
}

export type ReviewView = Awaited<ReturnType<typeof getReview>>;
