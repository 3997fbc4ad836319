/**
 * A department's (责任单位) indicators, status and overdue figures at a period, and the list of departments
 * with their standing. Leaders, admins and auditors see every department; officials and reviewers their own.
 */
import { can } from '@/lib/domain/permissions';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { lastDueMonth } from '@/lib/domain/snapshot';
import { RANKING_FORMULA } from '@/lib/domain/ranking';
import { AppError } from '@/lib/errors';
import { loadDashboard, rankViews, summarizeGroup, type PeriodQuery } from './dashboard';
import { authorize, type ServiceOptions } from '@/lib/services/options';
import { listDepartments } from '../admin/departments';

/** GET /api/departments/[code] — one department's indicators at the period, with its rank among departments. */
export async function getDepartmentView(actor: Actor, code: string, query: PeriodQuery, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'dashboard.view', options);
  const department = (await listDepartments(actor, { db })).find((d) => d.code === code);
  if (!department) throw new AppError('not_found', `未找到责任单位「${code.slice(0, 40)}」`);
  if (!can(actor, 'department.view-all') && actor.departmentId !== department.id) {
    throw new AppError('forbidden', '只能查看本单位的指标');
  }
  const { period, views } = await loadDashboard(actor, query, { db, now });
  const own = views.filter((v) => v.departmentId === department.id && v.section !== 'review');
  const ranking = rankViews(views);
  return {
    period: { year: period.year, month: period.month },
    years: period.years,
    department: { code: department.code, name: department.name, shortName: department.shortName },
    isSample: own.some((v) => v.isSample),
    summary: summarizeGroup(own),
    indicators: own,
    overdue: own
      .filter((v) => v.status === 'overdue')
      .map((v) => ({ code: v.code, name: v.name, dueMonth: lastDueMonth(v.frequency, period.month) })),
    rank: ranking.find((r) => r.departmentId === department.id) ?? null,
    /** How many departments are ranked (those with something due; the rest have no share). */
    rankCount: ranking.filter((r) => r.share !== null).length,
    rankingFormula: RANKING_FORMULA,
  };
}

export type DepartmentView = Awaited<ReturnType<typeof getDepartmentView>>;

/** GET /api/departments — every department with indicators, ranked, with status counts (leaders, auditors, admins). */
export async function listDepartmentStanding(actor: Actor, query: PeriodQuery, options: ServiceOptions = {}) {
  requirePermission(actor, 'department.view-all');
  const { period, views } = await loadDashboard(actor, query, options);
  const planned = views.filter((v) => v.section !== 'review');
  return {
    period: { year: period.year, month: period.month },
    years: period.years,
    isSample: planned.some((v) => v.isSample),
    rankingFormula: RANKING_FORMULA,
    departments: rankViews(planned).map((r) => ({
      ...r,
      total: planned.filter((v) => v.departmentId === r.departmentId).length,
    })),
  };
}

export type DepartmentStanding = Awaited<ReturnType<typeof listDepartmentStanding>>;

/** The code of the actor's own department (for the 本单位 link), or null. */
export async function getOwnDepartmentCode(actor: Actor, options: ServiceOptions = {}): Promise<string | null> {
  requirePermission(actor, 'dashboard.view');
  if (actor.departmentId === null) return null;
  const departments = await listDepartments(actor, { db: options.db });
  return departments.find((d) => d.id === actor.departmentId)?.code ?? null;
}
