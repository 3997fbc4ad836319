/**
 * One work area (主抓手) at a period: every indicator with actual vs target vs expected, status, YoY and the
 * owning department, plus the area's summary. Set-based reads: the same queries whatever the area's size.
 */
import { DASHBOARD_SCOPE_KEY } from '@/db/queries/scope';
import type { Actor } from '@/lib/domain/actor';
import { requirePermission } from '@/lib/auth/require-permission';
import { WORK_AREAS } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';
import { loadDashboard, summarizeGroup, type PeriodQuery } from './dashboard';
import { type ServiceOptions } from '@/lib/services/options';
import { periodKey } from './read-model';

/** The area of a URL slug, or AppError('not_found') with a Chinese message. */
export function findArea(slug: string) {
  const area = WORK_AREAS.find((a) => a.slug === slug);
  if (!area) throw new AppError('not_found', `未找到工作领域「${slug.slice(0, 40)}」，请从总览进入七个主抓手之一`);
  return area;
}

/** GET /api/areas/[slug] — the area's indicators and summary at the period (from the read model). */
export async function getAreaView(actor: Actor, slug: string, query: PeriodQuery, options: ServiceOptions = {}) {
  requirePermission(actor, 'dashboard.view');
  const area = findArea(slug);
  const { period, views, model } = await loadDashboard(actor, query, options);
  return model.get(periodKey(`area:${area.slug}`, period), DASHBOARD_SCOPE_KEY, async () => {
    const indicators = views.filter((v) => v.areaId === area.id && v.section !== 'review');
    const departments = new Map(indicators.map((v) => [v.departmentCode, v.departmentShortName]));
    return {
      period: { year: period.year, month: period.month },
      years: period.years,
      area,
      areas: WORK_AREAS.map(({ slug: s, name, shortName, id }) => ({ id, slug: s, name, shortName })),
      isSample: indicators.some((v) => v.isSample),
      summary: summarizeGroup(indicators),
      indicators,
      departments: [...departments].map(([code, shortName]) => ({ code, shortName })),
    };
  });
}

export type AreaView = Awaited<ReturnType<typeof getAreaView>>;
