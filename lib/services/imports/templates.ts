/**
 * Import templates (导入模板) per department: the department's live indicators due in the period (actuals)
 * or of the year (targets), with what is already stored filled in, so a template uploaded unchanged changes
 * nothing. Officials get their own department's; a unit's officials their unit's figures of the indicators tracked by
 * unit; administrators choose one department, or all. Every row names its 县区 (全市 for the city's own) as the records
 * export does; the targets template lists each unit's share of a tracked indicator under its city row.
 */
import { type Db } from '@/db/client';
import { getDepartmentByCode, getDepartmentById, listFiguresOf, listTemplateIndicators } from '@/db/queries/catalog';
import { listTargetsForAdmin } from '@/db/queries/targets';
import { getUnitById, listTrackedIndicators, listUnits, listUnitTargets } from '@/db/queries/units';
import { isDepartmentScoped } from '@/lib/domain/permissions';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { currentPeriod, formatPeriod, formatPeriodLabel, isDueMonth, previousPeriod } from '@/lib/domain/period';
import { QUALIFIER_WORDS } from '@/lib/domain/qualifier';
import { buildTemplate, type TemplateRow } from '@/lib/import/template';
import { AppError } from '@/lib/errors';
import { templateQuerySchema } from '@/lib/validation/imports';
import { KIND_LABELS } from '@/lib/domain/labels';
import { reportsOwnFigures } from '@/lib/domain/units';
import { parseOrThrow } from '@/lib/validation/parse';
import { plainDecimal } from '../dashboards/catalog';
import { resolveOptions, type ServiceOptions } from '@/lib/services/options';

export interface TemplateFile {
  fileName: string;
  bytes: Buffer;
}

/** The qualifier as the template's drop-down writes it; exact is left blank. */
const qualifierText = (q: keyof typeof QUALIFIER_WORDS) => QUALIFIER_WORDS[q];

/** The 县区 column of a city row, as the records export writes it. */
const CITY = '全市';

async function scope(db: Db, actor: Actor, code: string | undefined) {
  if (isDepartmentScoped(actor) && actor.unitId != null) {
    const unit = await getUnitById(db, actor.unitId);
    if (!unit) throw new AppError('forbidden', '您的账号未关联县区');
    if (code && actor.departmentId === null) throw new AppError('forbidden', '只能下载本县区的模板');
    return { departmentId: actor.departmentId, code: unit.code, label: unit.name, unit };
  }
  if (isDepartmentScoped(actor)) {
    const own = actor.departmentId === null ? null : await getDepartmentById(db, actor.departmentId);
    if (!own) throw new AppError('forbidden', '您的账号未关联责任单位');
    if (code && code !== own.code) throw new AppError('forbidden', '只能下载本单位的模板');
    return { departmentId: own.id, code: own.code, label: own.name, unit: null };
  }
  if (!code) return { departmentId: null, code: 'all', label: '全部单位', unit: null };
  const department = await getDepartmentByCode(db, code);
  if (!department)
    throw new AppError('not_found', `「单位」${code} 不存在`, { department: [`「单位」${code} 不存在`] });
  return { departmentId: department.id, code: department.code, label: department.name, unit: null };
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
  const who = await scope(db, actor, q.department);
  // A unit's official reports the indicators tracked by unit (of its department, when it has one), for its unit.
  const indicators = who.unit
    ? (await listTrackedIndicators(db)).filter(
        (i) => i.rollupRule !== null && (who.departmentId === null || i.departmentId === who.departmentId),
      )
    : await listTemplateIndicators(db, { departmentId: who.departmentId });
  const unitRef = who.unit?.name ?? CITY;

  if (q.kind === 'actuals') {
    const period = q.period ?? previousPeriod(currentPeriod(now));
    const due = indicators.filter((i) => isDueMonth(i.frequency, period.month));
    const stored = await listFiguresOf(db, {
      indicatorIds: due.map((i) => i.id),
      years: [period.year],
      withUnits: who.unit !== null,
    });
    const unitId = who.unit?.id ?? null;
    const byIndicator = new Map(
      stored.filter((a) => a.month === period.month && a.unitId === unitId).map((a) => [a.indicatorId, a]),
    );
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
        unitRef,
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
  const [cityTargets, units, shares] = await Promise.all([
    listTargetsForAdmin(db, { year }),
    listUnits(db),
    listUnitTargets(db, { year, indicatorIds: indicators.filter((i) => i.trackedByUnit).map((i) => i.id) }),
  ]);
  const targets = new Map(cityTargets.map((t) => [t.indicator.id, t]));
  const reporting = units.filter((u) => u.isActive && reportsOwnFigures(u.kind));
  const rows: TemplateRow[] = indicators.flatMap((i) => {
    const t = targets.get(i.id);
    const base = { code: i.code, name: i.name, unit: i.unit, kindLabel: KIND_LABELS[i.kind], period: String(year) };
    const city: TemplateRow = {
      ...base,
      value: plainDecimal(t?.target?.value ?? null),
      qualifier: t?.target ? qualifierText(t.target.qualifier) : '',
      note: '',
      unitRef: CITY,
      phases: (t?.phases ?? []).map((p) => ({ month: p.month, value: plainDecimal(p.value) ?? p.value })),
    };
    if (!i.trackedByUnit || i.rollupRule === null) return [city];
    const shareOf = new Map(shares.filter((r) => r.indicatorId === i.id).map((r) => [r.unitId, r]));
    return [
      city,
      ...reporting.map((u) => {
        const share = shareOf.get(u.id);
        return {
          ...base,
          value: plainDecimal(share?.value ?? null),
          qualifier: share ? qualifierText(share.qualifier) : '',
          note: '',
          unitRef: u.name,
        };
      }),
    ];
  });
  const bytes = await buildTemplate({ kind: 'targets', scopeLabel: who.label, periodLabel: `${year}年`, rows });
  return { fileName: `目标导入模板-${who.code}-${year}.xlsx`, bytes };
}
