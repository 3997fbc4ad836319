/**
 * 考核评分: the admin builds a year's scheme (a draft, saved and audited), validates it and publishes it; publishing
 * computes every department's and every unit's (县区) score from approved figures only (./run.ts) and stores it as a snapshot with the scheme
 * version, its inputs and its formula. A published scheme is never changed: the next save makes a new version,
 * audited, and the published snapshot stays as it was (the database refuses to change it).
 */
import { sql } from 'drizzle-orm';
import { type Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import {
  getLatestScheme,
  getScheme,
  insertScheme,
  insertSnapshots,
  listSchemeVersions,
  markSchemePublished,
  updateDraftScheme,
} from '@/db/queries/scoring';
import type { Actor } from '@/lib/domain/actor';
import { ruleFits, SCORING_RULES, type SchemeBody } from '@/lib/domain/scoring';
import { isLegacyScheme } from '@/lib/domain/scoring-scheme';
import { WORK_AREAS } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { publishInputSchema, schemeInputSchema } from '@/lib/validation/scoring';
import { yearField } from '@/lib/validation/targets';
import { computeRun, currentBody, readCatalog, refuseIfInvalid } from './run';
import { authorize, type ServiceOptions } from '@/lib/services/options';

/** Serialises scheme saves and publications of a year (any fixed number plus the year). */
const SCHEME_LOCK_BASE = 7_720_100_000;

async function lockYear(tx: Db, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${SCHEME_LOCK_BASE + year})`);
}

/** GET /api/admin/scoring?year= — the year's latest scheme, its versions, and the indicators and rules to choose from. */
export async function getScoringAdmin(actor: Actor, query: { year: unknown }, options: ServiceOptions = {}) {
  const { db } = await authorize(actor, 'scoring.manage', options);
  const year = parseOrThrow(yearField, query.year);
  const [catalog, latest, versions] = await Promise.all([
    readCatalog(db),
    getLatestScheme(db, year),
    listSchemeVersions(db, year),
  ]);
  const { rows, departments, units } = catalog;
  return {
    year,
    scheme: latest
      ? {
          version: latest.version,
          status: latest.status,
          isSample: latest.isSample,
          body: currentBody(latest.body, catalog),
          /** Saved before area weights: the form shows the weights it would now carry. */
          isLegacy: isLegacyScheme(latest.body),
        }
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
        area: catalog.indicators.get(r.code)?.area ?? null,
        areaName: catalog.indicators.get(r.code)?.areaName ?? null,
        departmentCode: r.departmentCode,
        trackedByUnit: catalog.trackedIds.has(r.id),
        departmentShortName: r.departmentShortName,
        rules: SCORING_RULES.filter((rule) => ruleFits(rule, r)),
      }))
      .filter((r) => r.rules.length > 0 && r.area !== null),
    areas: WORK_AREAS.map((a) => ({ slug: a.slug, name: a.name })),
    departments: departments.map((d) => ({ code: d.code, shortName: d.shortName })),
    units: units.map((u) => ({ code: u.code, name: u.name })),
  };
}
export type ScoringAdminView = Awaited<ReturnType<typeof getScoringAdmin>>;

/** PUT /api/admin/scoring — save the year's scheme: the draft in place, or (after a publication) a new version. */
export async function saveScheme(actor: Actor, input: unknown, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'scoring.manage', options);
  const { year, reason, ...body } = parseOrThrow(schemeInputSchema, input);
  refuseIfInvalid(body, await readCatalog(db));
  return db.transaction(async (tx) => {
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

/** POST /api/admin/scoring/publish — compute and publish the scores of a draft version as a snapshot. */
export async function publishScheme(actor: Actor, input: unknown, options: ServiceOptions = {}) {
  const { db, now } = await authorize(actor, 'scoring.manage', options);
  const { year, version } = parseOrThrow(publishInputSchema, input);
  return db.transaction(async (tx) => {
    await lockYear(tx, year);
    const scheme = await getScheme(tx, year, version, true);
    if (!scheme) throw new AppError('not_found', `${year} 年考核方案第 ${version} 版不存在`);
    if (scheme.status === 'published')
      throw new AppError(
        'conflict',
        `${year} 年考核方案第 ${version} 版已发布，已发布的得分不能重算；请修改方案生成新版本`,
      );
    const catalog = await readCatalog(tx);
    const body = currentBody(scheme.body, catalog);
    refuseIfInvalid(body, catalog);
    const results = await computeRun(tx, catalog, body, year, now);
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
        departments: results.filter((r) => r.subject.kind === 'department').length,
        units: results.filter((r) => r.subject.kind === 'unit').length,
        totals: results.map((r) => ({ kind: r.subject.kind, subject: r.subject.code, rank: r.rank, total: r.total })),
      },
      reason: scheme.isSample ? '示例数据：发布示例考核得分' : null,
      at: now,
    });
    return {
      year,
      version,
      subjects: results.length,
      departments: results.filter((r) => r.subject.kind === 'department').length,
      units: results.filter((r) => r.subject.kind === 'unit').length,
    };
  });
}

/** The sample year's scheme, saved and published once by the system (示例数据), so /scores is filled on a new database. */
export async function seedSampleScores(db: Db, year: number, body: SchemeBody, now: Date): Promise<boolean> {
  const existing = await getLatestScheme(db, year);
  if (existing) return false;
  refuseIfInvalid(body, await readCatalog(db));
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
