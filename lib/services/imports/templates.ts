/**
 * Import templates (导入模板) per department: the department's live indicators due in the period (actuals)
 * or of the year (targets), with what is already stored filled in, so a template uploaded unchanged changes
 * nothing. Officials get their own department's; administrators choose one, or all.
 */
import { type Db } from '@/db/client';
import { getDepartmentByCode, getDepartmentById, listFiguresOf, listTemplateIndicators } from '@/db/queries/catalog';
import { listTargetsForAdmin } from '@/db/queries/targets';
import { isDepartmentScoped } from '@/lib/domain/permissions';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { currentPeriod, formatPeriod, formatPeriodLabel, isDueMonth, previousPeriod } from '@/lib/domain/period';
import { QUALIFIER_WORDS } from '@/lib/domain/qualifier';
import { buildTemplate, type TemplateRow } from '@/lib/import/template';
import { AppError } from '@/lib/errors';
import { templateQuerySchema } from '@/lib/validation/imports';
import { KIND_LABELS } from '@/lib/domain/labels';
import { parseOrThrow } from '@/lib/validation/parse';
import { plainDecimal } from '../dashboards/catalog';
import { resolveOptions, type ServiceOptions } from '@/lib/services/options';

export interface TemplateFile {
  fileName: string;
  bytes: Buffer;
}

/** The qualifier as the template's drop-down writes it; exact is left blank. */
const qualifierText = (q: keyof typeof QUALIFIER_WORDS) => QUALIFIER_WORDS[q];

async function scope(db: Db, actor: Actor, code: string | undefined) {
  if (isDepartmentScoped(actor)) {
    const own = actor.departmentId === null ? null : await getDepartmentById(db, actor.departmentId);
    if (!own) throw new AppError('forbidden', '您的账号未关联责任单位');
    if (code && code !== own.code) throw new AppError('forbidden', '只能下载本单位的模板');
    return { departmentId: own.id, code: own.code, label: own.name };
  }
  if (!code) return { departmentId: null, code: 'all', label: '全部单位' };
  const department = await getDepartmentByCode(db, code);
  if (!department)
    throw new AppError('not_found', `「单位」${code} 不存在`, { department: [`「单位」${code} 不存在`] });
  return { departmentId: department.id, code: department.code, label: department.name };
}

/** GET /api/imports/[kind]/template */
export async function getImportTemplate(
  actor: Actor,
  query: Record<string, string | undefined>,
  options: ServiceOptions = {},
): Promise<TemplateFile> {
  const { db, now } = await resolveOptions(options);
  const q = parseOrThrow(templateQuerySchema, query);
  requirePermission(actor, 'import.run');
  if (q.kind === 'targets') requirePermission(actor, 'target.manage');
  const database = db;
  const who = await scope(database, actor, q.department);
  const indicators = await listTemplateIndicators(database, { departmentId: who.departmentId });

  if (q.kind === 'actuals') {
    const period = q.period ?? previousPeriod(currentPeriod(now));
    const due = indicators.filter((i) => isDueMonth(i.frequency, period.month));
    const stored = await listFiguresOf(database, { indicatorIds: due.map((i) => i.id), years: [period.year] });
    const byIndicator = new Map(stored.filter((a) => a.month === period.month).map((a) => [a.indicatorId, a]));
    const rows: TemplateRow[] = due.map((i) => {
      const a = byIndicator.get(i.id);
      return {
        code: i.code,
        name: i.name,
        unit: i.unit,
        period: formatPeriod(period),
        value: plainDecimal(a?.value ?? null),
        qualifier: a ? qualifierText(a.qualifier) : '',
        note: a?.note ?? '',
      };
    });
    const bytes = await buildTemplate({
      kind: 'actuals',
      scopeLabel: who.label,
      periodLabel: formatPeriodLabel(period),
      rows,
    });
    return { fileName: `实绩导入模板-${who.code}-${formatPeriod(period)}.xlsx`, bytes };
  }

  const year = q.year ?? currentPeriod(now).year;
  const targets = new Map((await listTargetsForAdmin(database, { year })).map((t) => [t.indicator.id, t]));
  const rows: TemplateRow[] = indicators.map((i) => {
    const t = targets.get(i.id);
    return {
      code: i.code,
      name: i.name,
      unit: i.unit,
      kindLabel: KIND_LABELS[i.kind],
      period: String(year),
      value: plainDecimal(t?.target?.value ?? null),
      qualifier: t?.target ? qualifierText(t.target.qualifier) : '',
      note: '',
      phases: (t?.phases ?? []).map((p) => ({ month: p.month, value: plainDecimal(p.value) ?? p.value })),
    };
  });
  const bytes = await buildTemplate({ kind: 'targets', scopeLabel: who.label, periodLabel: `${year}年`, rows });
  return { fileName: `目标导入模板-${who.code}-${year}.xlsx`, bytes };
}
