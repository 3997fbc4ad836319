/**
 * 批示 (a leader's instruction on an indicator) and the owning department's answers. Reads are one query
 * each for any number of instructions; writes run inside the caller's transaction.
 */
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { departments, indicators, instructionAnswers, instructions, users } from '../schema';
import { firstOrNull, insertedRow } from './rows';

export type InstructionRow = Awaited<ReturnType<typeof listInstructions>>[number];
export type InstructionAnswerRow = Awaited<ReturnType<typeof listInstructionAnswers>>[number];

/** The indicator's instructions, newest first, with the author's name and role. Unscoped: every signed-in role reads them. */
export async function listInstructions(db: Db, args: { indicatorId: number }) {
  return db
    .select({
      id: instructions.id,
      body: instructions.body,
      createdAt: instructions.createdAt,
      authorName: users.displayName,
      authorRole: users.role,
    })
    .from(instructions)
    .innerJoin(users, eq(users.id, instructions.authorId))
    .where(eq(instructions.indicatorId, args.indicatorId))
    .orderBy(desc(instructions.createdAt), desc(instructions.id));
}

/** The answers to the indicator's instructions, oldest first, with the author's name and department. Unscoped: as the instructions. */
export async function listInstructionAnswers(db: Db, args: { indicatorId: number }) {
  return db
    .select({
      id: instructionAnswers.id,
      instructionId: instructionAnswers.instructionId,
      body: instructionAnswers.body,
      createdAt: instructionAnswers.createdAt,
      authorName: users.displayName,
      authorRole: users.role,
      departmentName: departments.shortName,
    })
    .from(instructionAnswers)
    .innerJoin(instructions, eq(instructions.id, instructionAnswers.instructionId))
    .innerJoin(users, eq(users.id, instructionAnswers.authorId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(instructions.indicatorId, args.indicatorId))
    .orderBy(asc(instructionAnswers.createdAt), asc(instructionAnswers.id));
}

/** An instruction with its indicator's owning department; null when absent. */
export function getInstructionForAnswer(tx: Db, id: number) {
  return firstOrNull(
    tx
      .select({
        id: instructions.id,
        indicatorId: instructions.indicatorId,
        departmentId: indicators.departmentId,
        indicatorCode: indicators.code,
      })
      .from(instructions)
      .innerJoin(indicators, eq(indicators.id, instructions.indicatorId))
      .where(eq(instructions.id, id))
      .limit(1),
  );
}

export async function insertInstruction(
  tx: Db,
  values: { indicatorId: number; authorId: number; body: string; createdAt: Date },
) {
  return insertedRow(tx.insert(instructions).values(values).returning(), 'instruction');
}

export async function insertInstructionAnswer(
  tx: Db,
  values: { instructionId: number; authorId: number; body: string; createdAt: Date },
) {
  return insertedRow(tx.insert(instructionAnswers).values(values).returning(), 'instruction answer');
}
