/**
 * The inputs of a scoring run, read from the database: the catalogue (indicators with their work area, the
 * departments and units scored), the year's targets and approved figures — the city's for departments, each unit's
 * own for units — and the 逾期未报 and 退回 counts of each. lib/domain/scoring-run.ts computes from them.
 */
import { type Db } from '@/db/client';
import { listActualRows, listIndicatorRows, listTargetRows } from '@/db/queries/figures';
import { countReturnedFigures, listScoringDepartments, listSubmittedFigures } from '@/db/queries/scoring';
import { listTrackedIndicators, listUnitFigures, listUnits, listUnitTargets } from '@/db/queries/units';
import { toDecimalString } from '@/lib/domain/decimal';
import { findDueItems } from '@/lib/domain/overdue';
import { type ItemInputs, type SchemeBody, type StoredSchemeBody } from '@/lib/domain/scoring';
import { upgradeLegacyScheme, validateScheme } from '@/lib/domain/scoring-scheme';
import { runScoring, type RunIndicator, type RunSubject, type SubjectResult } from '@/lib/domain/scoring-run';
import { WORK_AREAS } from '@/lib/domain/types';
import { reportsOwnFigures } from '@/lib/domain/units';
import { AppError } from '@/lib/errors';
import { getReportingSettings } from '../admin/settings';

const areaOfId = (id: number | null) => WORK_AREAS.find((a) => a.id === id) ?? null;

/** Indicators by code with their area; the departments and the units (those reporting figures of their own). */
export async function readCatalog(db: Db) {
  const [rows, departments, allUnits, tracked] = await Promise.all([
    listIndicatorRows(db, {}),
    listScoringDepartments(db),
    listUnits(db),
    listTrackedIndicators(db),
  ]);
  const indicators = new Map<string, RunIndicator & { departmentId: number }>(
    rows.map((r) => [
      r.code,
      {
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        direction: r.direction,
        area: areaOfId(r.areaId)?.slug ?? null,
        areaName: areaOfId(r.areaId)?.name ?? null,
        departmentId: r.departmentId,
        milestoneTotal: r.milestoneTotal,
      },
    ]),
  );
  const units = allUnits.filter((u) => u.isActive && reportsOwnFigures(u.kind));
  const subjectCodes = new Set([...departments.map((d) => d.code), ...units.map((u) => u.code)]);
  return { rows, departments, units, indicators, trackedIds: new Set(tracked.map((t) => t.id)), subjectCodes };
}
export type Catalog = Awaited<ReturnType<typeof readCatalog>>;

/** A stored body in today's shape (a body saved before area weights gets them from its items). */
export function currentBody(stored: StoredSchemeBody, catalog: Catalog): SchemeBody {
  return upgradeLegacyScheme(stored, (code) => catalog.indicators.get(code)?.area ?? null);
}

/** Every problem of the scheme against today's catalogue, refused before anything is stored. */
export function refuseIfInvalid(body: SchemeBody, catalog: Catalog) {
  const problems = validateScheme(body, catalog.indicators, catalog.subjectCodes);
  if (problems.length) throw new AppError('invalid_input', problems.join('；'), { scheme: problems });
}

const canonical = (v: string | null | undefined) => (v ? toDecimalString(v) : null);
const key = (unitId: number | null, indicatorId: number) => `${unitId ?? 'city'}:${indicatorId}`;

/** The scores of every department and unit under `body` from the year's approved figures. */
export async function computeRun(
  db: Db,
  catalog: Catalog,
  body: SchemeBody,
  year: number,
  now: Date,
): Promise<SubjectResult[]> {
  const used = body.items.flatMap((i) => {
    const ind = catalog.indicators.get(i.indicatorCode);
    return ind ? [ind.id] : [];
  });
  const unitUsed = used.filter((id) => catalog.trackedIds.has(id));
  const [targets, figures, unitTargets, unitFigures, returned, submitted, settings] = await Promise.all([
    listTargetRows(db, { year, indicatorIds: used }),
    listActualRows(db, { scope: 'approved', years: [year], indicatorIds: used }),
    listUnitTargets(db, { year, indicatorIds: unitUsed }),
    listUnitFigures(db, { year, indicatorIds: unitUsed, approvedOnly: true }),
    countReturnedFigures(db, year, used),
    listSubmittedFigures(db, year, used),
    getReportingSettings(db),
  ]);
  const inputs = new Map<string, ItemInputs>();
  for (const id of used) {
    const target = targets.find((t) => t.indicatorId === id);
    const latest = figures.filter((f) => f.indicatorId === id && f.value !== null).at(-1);
    inputs.set(key(null, id), {
      target: canonical(target?.value),
      baseline: canonical(target?.baseline),
      actual: canonical(latest?.value),
      month: latest?.month ?? null,
    });
  }
  // A unit is scored on a tracked indicator when it has a target of its own for the year.
  for (const t of unitTargets) {
    const latest = unitFigures
      .filter((f) => f.indicatorId === t.indicatorId && f.unitId === t.unitId && f.value !== null)
      .at(-1);
    inputs.set(key(t.unitId, t.indicatorId), {
      target: canonical(t.value),
      actual: canonical(latest?.value),
      month: latest?.month ?? null,
      milestoneTotal: null,
    });
  }
  const returnedBy = new Map(returned.map((r) => [key(r.unitId, r.indicatorId), r.n]));
  const lateBy = new Map<string, number>();
  const frequencyOf = new Map(catalog.rows.map((r) => [r.id, r.frequency]));
  const owners: (number | null)[] = [null, ...catalog.units.map((u) => u.id)];
  for (const unitId of owners) {
    const due = findDueItems({
      indicators: (unitId === null ? used : unitUsed).map((id) => ({
        id,
        frequency: frequencyOf.get(id) ?? 'monthly',
        hasTarget: unitId === null ? targets.some((t) => t.indicatorId === id) : inputs.has(key(unitId, id)),
      })),
      submitted: new Set(submitted.filter((s) => s.unitId === unitId).map((s) => `${s.indicatorId}:${s.month}`)),
      year,
      now,
      dueDay: settings.dueDay,
    });
    for (const d of due)
      if (d.state === 'overdue')
        lateBy.set(key(unitId, d.indicatorId), (lateBy.get(key(unitId, d.indicatorId)) ?? 0) + 1);
  }
  const subjects: RunSubject[] = [
    ...catalog.departments.map((d) => ({ kind: 'department' as const, id: d.id, code: d.code, name: d.shortName })),
    ...catalog.units.map((u) => ({ kind: 'unit' as const, id: u.id, code: u.code, name: u.name })),
  ];
  const ownerOf = (s: RunSubject) => (s.kind === 'unit' ? s.id : null);
  return runScoring({
    scheme: body,
    subjects,
    indicators: catalog.indicators,
    inputsOf: (s, ind) => {
      if (s.kind === 'department' && catalog.indicators.get(ind.code)?.departmentId !== s.id) return null;
      return inputs.get(key(ownerOf(s), ind.id)) ?? null;
    },
    countsOf: (s, ind) => ({
      late: lateBy.get(key(ownerOf(s), ind.id)) ?? 0,
      returned: returnedBy.get(key(ownerOf(s), ind.id)) ?? 0,
    }),
  });
}
