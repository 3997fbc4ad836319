/**
 * 考核评分: the admin builds a year's scheme (a draft, saved and audited), validates it and publishes it; publishing
 * computes every department's score from approved figures only and stores it as a snapshot with the scheme
 * version, its inputs and its formula. A published scheme is never changed: the next save makes a new version,
 * audited, and the published snapshot stays as it was (the database refuses to change it).
 */
import { sql } from 'drizzle-orm';
import { type Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { listActualRows, listIndicatorRows, listTargetRows } from '@/db/queries/figures';
import {
  countReturnedFigures,
  getLatestScheme,
  getScheme,
  insertScheme,
  insertSnapshots,
  listScoringDepartments,
  listSchemeVersions,
  listSubmittedKeys,
  markSchemePublished,
  updateDraftScheme,
} from '@/db/queries/scoring';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { toDecimalString } from '@/lib/domain/decimal';
import { findDueItems } from '@/lib/domain/overdue';
import { ruleFits, SCORING_RULES, validateScheme, type ItemInputs, type SchemeBody } from '@/lib/domain/scoring';
import { runScoring, type RunIndicator, type SubjectResult } from '@/lib/domain/scoring-run';
import { WORK_AREAS } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { publishInputSchema, schemeInputSchema } from '@/lib/validation/scoring';
import { yearField } from '@/lib/validation/targets';
import { getReportingSettings } from '../admin/settings';
import { resolveOptions, type ServiceOptions } from '@/lib/services/options';

/** Serialises scheme saves and publications of a year (any fixed number plus the year). */
const SCHEME_LOCK_BASE = 7_720_100_000;

async function lockYear(tx: Db, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${SCHEME_LOCK_BASE + year})`);
}

const areaName = (id: number | null) => WORK_AREAS.find((a) => a.id === id)?.name ?? null;

async function catalog(db: Db) {
  const [rows, departments] = await Promise.all([listIndicatorRows(db, {}), listScoringDepartments(db)]);
  const indicators = new Map<string, RunIndicator>(
    rows.map((r) => [
      r.code,
      {
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        direction: r.direction,
        areaName: areaName(r.areaId),
        subjectId: r.departmentId,
        milestoneTotal: r.milestoneTotal,
      },
    ]),
  );
  return { rows, departments, indicators };
}

/** Every problem of the scheme against today's catalogue, refused before anything is stored. */
function refuseIfInvalid(
  body: SchemeBody,
  indicators: ReadonlyMap<string, RunIndicator>,
  departmentCodes: ReadonlySet<string>,
) {
  const problems = validateScheme(body, indicators, departmentCodes);
  if (problems.length) throw new AppError('invalid_input', problems.join('；'), { scheme: problems });
}

/** GET /api/admin/scoring?year= — the year's latest scheme, its versions, and the indicators and rules to choose from. */
export async function getScoringAdmin(actor: Actor, query: { year: unknown }, options: ServiceOptions = {}) {
  const { db } = await resolveOptions(options);
  requirePermission(actor, 'scoring.manage');
  const year = parseOrThrow(yearField, query.year);
  const database = db;
  const [{ rows, departments }, latest, versions] = await Promise.all([
    catalog(database),
    getLatestScheme(database, year),
    listSchemeVersions(database, year),
  ]);
  return {
    year,
    scheme: latest
      ? { version: latest.version, status: latest.status, isSample: latest.isSample, body: latest.body }
      : null,
    versions: versions.map((v) => ({
      ...v,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      updatedAt: v.updatedAt.toISOString(),
    })),
    indicators: rows
      .map((r) => ({
        code: r.code,
        name: r.name,
        unit: r.unit,
        areaName: areaName(r.areaId),
        departmentCode: r.departmentCode,
        departmentShortName: r.departmentShortName,
        rules: SCORING_RULES.filter((rule) => ruleFits(rule, r)),
      }))
      .filter((r) => r.rules.length > 0),
    departments: departments.map((d) => ({ code: d.code, shortName: d.shortName })),
  };
}
export type ScoringAdminView = Awaited<ReturnType<typeof getScoringAdmin>>;

/** PUT /api/admin/scoring — save the year's scheme: the draft in place, or (after a publication) a new version. */
export async function saveScheme(actor: Actor, input: unknown, options: ServiceOptions = {}) {
  const { db, now } = await resolveOptions(options);
  requirePermission(actor, 'scoring.manage');
  const { year, reason, ...body } = parseOrThrow(schemeInputSchema, input);
  const database = db;
  const { indicators, departments } = await catalog(database);
  refuseIfInvalid(body, indicators, new Set(departments.map((d) => d.code)));
  return database.transaction(async (tx) => {
    await lockYear(tx, year);
    const latest = await getLatestScheme(tx, year, true);
    const isNewVersion = !latest || latest.status === 'published';
    const saved = isNewVersion
      ? await insertScheme(tx, {
          year,
          version: (latest?.version ?? 0) + 1,
          body,
          subjectKind: 'department',
          isSample: false,
          createdBy: actor.id,
        })
      : await updateDraftScheme(tx, latest.id, body, actor.id);
    if (!saved) throw new AppError('conflict', '方案已被发布，请刷新后再修改');
    const note =
      latest?.status === 'published'
        ? `第 ${latest.version} 版已发布，修改生成第 ${saved.version} 版；已发布的得分保持不变`
        : null;
    await appendAuditEvent(tx, {
      actor,
      action: 'scoring.scheme_save',
      entityType: 'scoring_scheme',
      entityId: `${year}-v${saved.version}`,
      before: latest ? { version: latest.version, status: latest.status, body: latest.body } : null,
      after: { version: saved.version, status: saved.status, body },
      reason: [note, reason].filter(Boolean).join('；') || null,
      at: now,
    });
    return { year, version: saved.version, status: saved.status, newVersion: isNewVersion };
  });
}

/** The inputs of every scheme item from approved figures, the year's targets, overdue and returned counts. */
async function computeRun(db: Db, body: SchemeBody, year: number, now: Date): Promise<SubjectResult[]> {
  const { rows, departments, indicators } = await catalog(db);
  const used = body.items.flatMap((i) => {
    const ind = indicators.get(i.indicatorCode);
    return ind ? [ind.id] : [];
  });
  const [targets, figures, returned, submitted, settings] = await Promise.all([
    listTargetRows(db, { year, indicatorIds: used }),
    listActualRows(db, { scope: 'approved', years: [year], indicatorIds: used }),
    countReturnedFigures(db, year, used),
    listSubmittedKeys(db, year, used),
    getReportingSettings(db),
  ]);
  const inputs = new Map<number, ItemInputs>();
  for (const id of used) {
    const target = targets.find((t) => t.indicatorId === id);
    const latest = figures.filter((f) => f.indicatorId === id && f.value !== null).at(-1);
    const canonical = (v: string | null | undefined) => (v ? toDecimalString(v) : null);
    inputs.set(id, {
      target: canonical(target?.value),
      baseline: canonical(target?.baseline),
      actual: canonical(latest?.value),
      month: latest?.month ?? null,
    });
  }
  const due = findDueItems({
    indicators: rows
      .filter((r) => used.includes(r.id))
      .map((r) => ({ id: r.id, frequency: r.frequency, hasTarget: targets.some((t) => t.indicatorId === r.id) })),
    submitted,
    year,
    now,
    dueDay: settings.dueDay,
  });
  const late = new Map<number, number>();
  for (const d of due) if (d.state === 'overdue') late.set(d.indicatorId, (late.get(d.indicatorId) ?? 0) + 1);
  return runScoring({
    scheme: body,
    subjects: departments.map((d) => ({ kind: 'department' as const, id: d.id, code: d.code, name: d.shortName })),
    indicators,
    inputs,
    lateByIndicator: late,
    returnedByIndicator: returned,
  });
}

/** POST /api/admin/scoring/publish — compute and publish the scores of a draft version as a snapshot. */
export async function publishScheme(actor: Actor, input: unknown, options: ServiceOptions = {}) {
  const { db, now } = await resolveOptions(options);
  requirePermission(actor, 'scoring.manage');
  const { year, version } = parseOrThrow(publishInputSchema, input);
  const database = db;
  return database.transaction(async (tx) => {
    await lockYear(tx, year);
    const scheme = await getScheme(tx, year, version, true);
    if (!scheme) throw new AppError('not_found', `${year} 年考核方案第 ${version} 版不存在`);
    if (scheme.status === 'published')
      throw new AppError(
        'conflict',
        `${year} 年考核方案第 ${version} 版已发布，已发布的得分不能重算；请修改方案生成新版本`,
      );
    const { indicators, departments } = await catalog(tx);
    refuseIfInvalid(scheme.body, indicators, new Set(departments.map((d) => d.code)));
    const results = await computeRun(tx, scheme.body, year, now);
    if (results.length === 0)
      throw new AppError('invalid_input', '方案中的指标没有责任单位可计分', {
        scheme: ['方案中的指标没有责任单位可计分'],
      });
    await insertSnapshots(
      tx,
      results.map((r) => ({
        schemeId: scheme.id,
        year,
        schemeVersion: version,
        subjectKind: r.subject.kind,
        subjectId: r.subject.id,
        subjectCode: r.subject.code,
        subjectName: r.subject.name,
        rank: r.rank,
        total: r.total,
        base: r.base,
        deduction: r.deduction,
        bonus: r.bonus,
        inputs: r.inputs,
        formula: r.formula,
        isSample: scheme.isSample,
        publishedAt: now,
      })),
    );
    await markSchemePublished(tx, scheme.id, actor.id, now);
    await appendAuditEvent(tx, {
      actor,
      action: 'scoring.publish',
      entityType: 'scoring_scheme',
      entityId: `${year}-v${version}`,
      after: {
        year,
        version,
        subjects: results.length,
        totals: results.map((r) => ({ subject: r.subject.code, rank: r.rank, total: r.total })),
      },
      reason: scheme.isSample ? '示例数据：发布示例考核得分' : null,
      at: now,
    });
    return { year, version, subjects: results.length };
  });
}

/** The sample year's scheme, saved and published once by the system (示例数据), so /scores is filled on a new database. */
export async function seedSampleScores(db: Db, year: number, body: SchemeBody, now: Date): Promise<boolean> {
  const existing = await getLatestScheme(db, year);
  if (existing) return false;
  const { indicators, departments } = await catalog(db);
  refuseIfInvalid(body, indicators, new Set(departments.map((d) => d.code)));
  const system: Actor = { id: null, username: 'system', role: 'system', departmentId: null };
  await db.transaction(async (tx) => {
    await lockYear(tx, year);
    if (await getLatestScheme(tx, year, true)) return;
    await insertScheme(tx, { year, version: 1, body, subjectKind: 'department', isSample: true, createdBy: null });
    await appendAuditEvent(tx, {
      actor: system,
      action: 'scoring.scheme_save',
      entityType: 'scoring_scheme',
      entityId: `${year}-v1`,
      after: { version: 1, status: 'draft', body },
      reason: '示例数据：载入示例考核方案',
      at: now,
    });
  });
  await publishScheme(system, { year, version: 1 }, { db, now });
  return true;
}
