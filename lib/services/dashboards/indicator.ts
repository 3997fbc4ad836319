/**
 * One indicator: its snapshot at the period, the monthly trend against the target and expected lines,
 * every figure with its status, people, explanations and history, its targets, and its 批示 with answers.
 * A fixed number of queries (one per kind of record), whatever the indicator's history.
 */
import { getIndicatorByCode } from '@/db/queries/actuals';
import {
  listFigureEvents,
  listIndicatorFigures,
  listIndicatorTargets,
  type IndicatorTargetRow,
} from '@/db/queries/history';
import { listInstructionAnswers, listInstructions } from '@/db/queries/instructions';
import { scopeKey } from '@/db/queries/scope';
import { can } from '@/lib/domain/permissions';
import { listFigureEvidence } from '@/lib/services/evidence/evidence';
import { requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { decimalToNumber } from '@/lib/domain/decimal';
import { describeFigureEvent } from '@/lib/domain/figure-history';
import { buildSnapshot, toPhasing, type SnapshotTarget } from '@/lib/domain/snapshot';
import { statusLabel } from '@/lib/domain/summary';
import { buildTrendRows } from '@/lib/domain/trend';
import { actorRoleLabel, SYSTEM_ACTOR_LABEL } from '@/lib/domain/labels';
import { WORK_AREAS } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';
import { indicatorCodeSchema } from '@/lib/validation/instructions';
import type { Db } from '@/db/client';
import { loadIndicatorViews, resolvePeriod, toKpiView, type PeriodQuery, type ResolvedPeriod } from './dashboard';
import { resolveOptions, type ServiceOptions } from '@/lib/services/options';
import { openReadModel, periodKey, type ReadModel } from './read-model';
import { getReportingSettings } from '../admin/settings';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const roleLabel = (role: string | null) => (role ? actorRoleLabel(role) : '');

function toSnapshotTarget(t: IndicatorTargetRow | undefined): SnapshotTarget | null {
  return t
    ? {
        value: t.value,
        qualifier: t.qualifier,
        phasing: t.phasing,
        baseline: t.baseline,
        phases: t.phases,
        isSample: t.isSample,
      }
    : null;
}

function notFound(code: string): AppError {
  return new AppError('not_found', `未找到指标「${code.slice(0, 64)}」，请从总览或工作领域进入`);
}

/** GET /api/indicators/[code] — the indicator page's data at the period (from the read model). */
export async function getIndicatorDetail(actor: Actor, code: string, query: PeriodQuery, options: ServiceOptions = {}) {
  requirePermission(actor, 'dashboard.view');
  if (!indicatorCodeSchema.safeParse(code).success) throw notFound(code);
  const { db, now } = await resolveOptions(options);
  const model = await openReadModel(db, now);
  const record = await model.get(`indicator-record:${code}`, 'no-figures', () => getIndicatorByCode(db, code));
  if (!record) throw notFound(code);
  const period = await resolvePeriod(db, actor, query, now, model);
  // Drafts are shown to the owning department only: one version of the page per scope.
  const detail = await model.get(
    periodKey(`indicator:${record.id}`, period),
    scopeKey(actor, record.departmentId),
    () => readIndicatorDetail(db, actor, record, period, now, model),
  );
  // 佐证材料 are read live for this actor (never from the shared read model: another department's official sees
  // the figure but not its files).
  const evidence = await listFigureEvidence(
    actor,
    detail.figures.map((f) => f.id),
    { db },
  );
  return {
    ...detail,
    figures: detail.figures.map((f) => ({ ...f, evidence: evidence.get(f.id) ?? [] })),
    permissions: {
      canInstruct: can(actor, 'instruction.write'),
      canAnswer: can(actor, 'instruction.answer') && actor.departmentId === record.departmentId,
    },
  };
}

async function readIndicatorDetail(
  db: Db,
  actor: Actor,
  record: NonNullable<Awaited<ReturnType<typeof getIndicatorByCode>>>,
  period: ResolvedPeriod,
  now: Date,
  model: ReadModel,
) {
  const code = record.code;
  const args = { actor, indicatorId: record.id };
  const unscoped = { indicatorId: record.id };
  const [views, figures, targets, events, instructions, answers, settings] = await Promise.all([
    loadIndicatorViews(db, actor, period, now, { indicatorIds: [record.id] }, model),
    listIndicatorFigures(db, args),
    listIndicatorTargets(db, unscoped),
    listFigureEvents(db, args),
    listInstructions(db, unscoped),
    listInstructionAnswers(db, unscoped),
    getReportingSettings(db),
  ]);
  const raw = views[0];
  if (!raw) throw new AppError('not_found', `指标「${code}」已停用`);
  const view = toKpiView(raw);

  const reported = figures.filter((f) => f.status === 'submitted' || f.status === 'approved');
  const targetByYear = new Map(targets.map((t) => [t.year, t]));
  const periodTarget = toSnapshotTarget(targetByYear.get(period.year));

  const figureRows = [...figures].reverse().map((f) => {
    const isReported = f.status === 'submitted' || f.status === 'approved';
    const snapshot = isReported
      ? buildSnapshot({
          indicator: record,
          period: { year: f.year, month: f.month },
          figures: reported.filter((r) => r.year === f.year || r.year === f.year - 1),
          target: toSnapshotTarget(targetByYear.get(f.year)),
          now,
          dueDay: settings.dueDay,
          tolerances: settings.tolerances,
        })
      : null;
    return {
      id: f.id,
      year: f.year,
      month: f.month,
      value: f.value,
      valueText: f.valueText,
      qualifier: f.qualifier,
      workflow: f.status,
      version: f.version,
      status: snapshot?.status ?? null,
      statusLabel: snapshot
        ? statusLabel({
            status: snapshot.status,
            hasFigure: true,
            hasTarget: snapshot.target !== null,
            kind: record.kind,
          })
        : null,
      expected: snapshot?.expected ?? null,
      note: f.note,
      explanation: f.explanation,
      evidenceUrl: f.evidenceUrl,
      returnReason: f.returnReason,
      reopenReason: f.reopenReason,
      isSample: f.isSample,
      isDerived: f.isDerived,
      derivedNote: f.derivedNote,
      sourceText: f.sourceText,
      enteredBy: f.enteredByName,
      enteredAt: iso(f.enteredAt),
      submittedBy: f.submittedByName,
      submittedAt: iso(f.submittedAt),
      approvedBy: f.approvedByName,
      approvedAt: iso(f.approvedAt),
      returnedBy: f.returnedByName,
      returnedAt: iso(f.returnedAt),
      // Only the events of this (visible) figure: drafts of another department never show, nor their history.
      history: events
        .filter((e) => e.entityId === String(f.id))
        .map((e) => ({
          id: e.id,
          at: e.occurredAt.toISOString(),
          actor: e.actorName ?? e.actorUsername ?? SYSTEM_ACTOR_LABEL,
          role: roleLabel(e.actorRole),
          reason: e.reason,
          ...describeFigureEvent(e),
        })),
    };
  });

  const trend = buildTrendRows({
    kind: record.kind,
    frequency: record.frequency,
    year: period.year,
    throughMonth: period.month,
    figures: reported.map((f) => ({ year: f.year, month: f.month, value: decimalToNumber(f.value) })),
    target: decimalToNumber(periodTarget?.value ?? null),
    baseline: decimalToNumber(periodTarget?.baseline ?? null),
    phasing: toPhasing(periodTarget) ?? null,
    forecast: view.forecast?.value ?? null,
  });

  return {
    period: { year: period.year, month: period.month },
    years: period.years,
    indicator: {
      ...view,
      planType: record.planType,
      milestoneTotal: record.milestoneTotal,
      areaName: WORK_AREAS.find((a) => a.id === view.areaId)?.name ?? null,
    },
    trend,
    figures: figureRows,
    targets: [...targets].reverse().map((t) => ({
      year: t.year,
      value: t.value,
      valueText: t.valueText,
      qualifier: t.qualifier,
      phasing: t.phasing,
      phases: t.phases,
      baseline: t.baseline,
      isSample: t.isSample,
      isRevised: t.isRevised,
      revisionReason: t.revisionReason,
    })),
    instructions: instructions.map((i) => ({
      id: i.id,
      body: i.body,
      createdAt: i.createdAt.toISOString(),
      author: i.authorName,
      authorRole: roleLabel(i.authorRole),
      answers: answers
        .filter((a) => a.instructionId === i.id)
        .map((a) => ({
          id: a.id,
          body: a.body,
          createdAt: a.createdAt.toISOString(),
          author: a.authorName,
          authorRole: roleLabel(a.authorRole),
          department: a.departmentName,
        })),
    })),
  };
}

export type IndicatorDetail = Awaited<ReturnType<typeof getIndicatorDetail>>;
