/**
 * Records for exports: every figure (the city's and each unit's, with the unit named) with its indicator, target
 * (a unit's own target for a unit's figure) and who entered/approved it, read in keyset batches on the unique
 * (indicator, year, month, unit — the city's as 0) so that memory stays flat whatever the number of rows;
 * plus the pieces of one indicator's audit bundle (targets, instructions and their answers).
 */
import { and, asc, count, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '@/lib/domain/actor';
import type { Qualifier } from '@/lib/domain/types';
import type { Db } from '../client';
import { yieldToEventLoop } from './audit';
import { selectFigures, visibleAnyFigures } from './scope';
import {
  actuals,
  departments,
  indicators,
  instructionAnswers,
  instructions,
  targetPhases,
  targets,
  units,
  unitTargets,
  users,
  workAreas,
} from '../schema';
import { figureColumns, figurePeople, indicatorRefColumns, joinFigurePeople, targetColumns } from './columns';
import { firstOrNull } from './rows';

export interface RecordFilter {
  year?: number;
  fromMonth?: number;
  toMonth?: number;
  areaId?: number;
  departmentId?: number;
  indicatorId?: number;
}

const { enteredBy, approvedBy, returnedBy } = figurePeople;

const recordColumns = {
  ...figureColumns,
  indicatorId: actuals.indicatorId,
  code: indicators.code,
  name: indicators.name,
  definition: indicators.definition,
  unit: indicators.unit,
  kind: indicators.kind,
  direction: indicators.direction,
  frequency: indicators.frequency,
  milestoneTotal: indicators.milestoneTotal,
  areaName: workAreas.name,
  departmentName: departments.name,
  unitId: actuals.unitId,
  unitCode: units.code,
  unitName: units.name,
  note: actuals.note,
  explanation: actuals.explanation,
  statedChangeText: actuals.statedChangeText,
  enteredBy: enteredBy.username,
  enteredAt: actuals.enteredAt,
  approvedBy: approvedBy.username,
  approvedAt: actuals.approvedAt,
  returnedBy: returnedBy.username,
  returnedAt: actuals.returnedAt,
  returnReason: actuals.returnReason,
  reopenReason: actuals.reopenReason,
  // A unit's figure is set against the unit's own target (分解目标), the city's against the city's.
  targetValue: sql<
    string | null
  >`case when ${actuals.unitId} is null then ${targets.value} else ${unitTargets.value} end`,
  targetValueText: sql<string | null>`case when ${actuals.unitId} is null then ${targets.valueText} end`,
  targetQualifier: sql<Qualifier | null>`case when ${actuals.unitId} is null then ${targets.qualifier} else ${unitTargets.qualifier} end`,
};

/** The keyset's last column: the unit, the city's own figure first (as 0). */
const unitKey = sql<number>`coalesce(${actuals.unitId}, 0)`;

function recordConditions(filter: RecordFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.year !== undefined) where.push(eq(actuals.year, filter.year));
  if (filter.fromMonth !== undefined) where.push(gte(actuals.month, filter.fromMonth));
  if (filter.toMonth !== undefined) where.push(lte(actuals.month, filter.toMonth));
  if (filter.areaId !== undefined) where.push(eq(indicators.areaId, filter.areaId));
  if (filter.departmentId !== undefined) where.push(eq(indicators.departmentId, filter.departmentId));
  if (filter.indicatorId !== undefined) where.push(eq(actuals.indicatorId, filter.indicatorId));
  return where;
}

/** Figures are readable by every signed-in role (PRODUCT.md); drafts only by their own department (./scope). */
export async function countRecords(db: Db, args: { actor: Actor; filter: RecordFilter }): Promise<number> {
  const [row] = await selectFigures(db, { n: count() }).where(
    and(visibleAnyFigures(args.actor), ...recordConditions(args.filter)),
  );
  return row?.n ?? 0;
}

export type RecordRow = Awaited<ReturnType<typeof readRecordBatch>>[number];

async function readRecordBatch(db: Db, where: SQL[], size: number) {
  const figures = selectFigures(db, recordColumns)
    .innerJoin(departments, eq(departments.id, indicators.departmentId))
    .leftJoin(workAreas, eq(workAreas.id, indicators.areaId))
    .leftJoin(targets, and(eq(targets.indicatorId, actuals.indicatorId), eq(targets.year, actuals.year)))
    .leftJoin(units, eq(units.id, actuals.unitId))
    .leftJoin(
      unitTargets,
      and(
        eq(unitTargets.indicatorId, actuals.indicatorId),
        eq(unitTargets.year, actuals.year),
        eq(unitTargets.unitId, actuals.unitId),
      ),
    );
  return joinFigurePeople(figures.$dynamic())
    .where(and(...where))
    .orderBy(asc(actuals.indicatorId), asc(actuals.year), asc(actuals.month), asc(unitKey))
    .limit(size);
}

/** Matching figures by indicator, year and month, `batchSize` at a time. */
export async function* iterateRecords(
  db: Db,
  args: { actor: Actor; filter: RecordFilter; batchSize?: number },
): AsyncGenerator<RecordRow[]> {
  const size = args.batchSize ?? 1000;
  const base = [visibleAnyFigures(args.actor), ...recordConditions(args.filter)];
  let after: { indicatorId: number; year: number; month: number; unitId: number } | null = null;
  for (;;) {
    const where = after
      ? [
          ...base,
          sql`(${actuals.indicatorId}, ${actuals.year}, ${actuals.month}, ${unitKey}) > (${after.indicatorId}, ${after.year}, ${after.month}, ${after.unitId})`,
        ]
      : base;
    const rows = await readRecordBatch(db, where, size);
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < size) return;
    after = { indicatorId: last.indicatorId, year: last.year, month: last.month, unitId: last.unitId ?? 0 };
    await yieldToEventLoop();
  }
}

/** One indicator with its area and department names, by code. Unscoped: the catalogue is readable by every signed-in role. */
export async function getIndicatorForBundle(db: Db, args: { code: string }) {
  return firstOrNull(
    db
      .select({
        ...indicatorRefColumns,
        direction: indicators.direction,
        frequency: indicators.frequency,
        definition: indicators.definition,
        sourceText: indicators.sourceText,
        isRetired: indicators.isRetired,
        departmentId: indicators.departmentId,
        areaName: workAreas.name,
        departmentName: departments.name,
      })
      .from(indicators)
      .innerJoin(departments, eq(departments.id, indicators.departmentId))
      .leftJoin(workAreas, eq(workAreas.id, indicators.areaId))
      .where(eq(indicators.code, args.code))
      .limit(1),
  );
}

/** Every target of the indicator, each with its phases as "月:值" pairs. Unscoped: targets are readable by every signed-in role. */
export async function listIndicatorTargets(db: Db, args: { indicatorId: number }) {
  const rows = await db
    .select({
      ...targetColumns,
      revisionReason: targets.revisionReason,
      version: targets.version,
      updatedAt: targets.updatedAt,
      phases: sql<
        string | null
      >`(select string_agg(${targetPhases.month}::text || '月:' || trim_scale(${targetPhases.value})::text, '；' order by ${targetPhases.month}) from ${targetPhases} where ${targetPhases.targetId} = ${targets.id})`,
    })
    .from(targets)
    .where(eq(targets.indicatorId, args.indicatorId))
    .orderBy(asc(targets.year));
  return rows;
}

/** Instructions (批示) on the indicator and the answers to them, oldest first. Unscoped: every signed-in role reads them. */
export async function listIndicatorInstructions(db: Db, args: { indicatorId: number }) {
  const author = alias(users, 'instruction_author');
  const answerAuthor = alias(users, 'answer_author');
  return db
    .select({
      id: instructions.id,
      createdAt: instructions.createdAt,
      author: author.username,
      body: instructions.body,
      answerAt: instructionAnswers.createdAt,
      answerAuthor: answerAuthor.username,
      answer: instructionAnswers.body,
    })
    .from(instructions)
    .innerJoin(author, eq(author.id, instructions.authorId))
    .leftJoin(instructionAnswers, eq(instructionAnswers.instructionId, instructions.id))
    .leftJoin(answerAuthor, eq(answerAuthor.id, instructionAnswers.authorId))
    .where(eq(instructions.indicatorId, args.indicatorId))
    .orderBy(asc(instructions.createdAt), asc(instructions.id), asc(instructionAnswers.id));
}
