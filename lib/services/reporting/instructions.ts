/**
 * 批示: a leader writes an instruction on an indicator; the owning department (its officials or reviewers)
 * answers it. Each write: permission → input → transaction (write + audit event).
 */
import { getIndicatorByCode } from '@/db/queries/actuals';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { getInstructionForAnswer, insertInstruction, insertInstructionAnswer } from '@/db/queries/instructions';
import { requireDepartmentAccess, requirePermission } from '@/lib/auth/require-permission';
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { answerInstructionSchema, createInstructionSchema, instructionIdSchema } from '@/lib/validation/instructions';
import { parseOrThrow } from '@/lib/validation/parse';
import { resolveOptions, type ServiceOptions } from '@/lib/services/options';

function authorId(actor: Actor): number {
  if (actor.id === null) throw new AppError('forbidden', '批示与答复须由具名用户填写');
  return actor.id;
}

/** POST /api/indicators/[code]/instructions — a leader's instruction on the indicator. */
export async function createInstruction(actor: Actor, code: string, input: unknown, options: ServiceOptions = {}) {
  requirePermission(actor, 'instruction.write');
  const data = parseOrThrow(createInstructionSchema, input);
  const author = authorId(actor);
  const { db, now } = await resolveOptions(options);
  return db.transaction(async (tx) => {
    const indicator = await getIndicatorByCode(tx, code);
    if (!indicator) throw new AppError('not_found', `未找到指标「${code.slice(0, 64)}」`);
    const row = await insertInstruction(tx, {
      indicatorId: indicator.id,
      authorId: author,
      body: data.body,
      createdAt: now,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'instruction.create',
      entityType: 'instruction',
      entityId: row.id,
      departmentId: indicator.departmentId,
      indicatorId: indicator.id,
      after: { indicatorCode: indicator.code, body: row.body },
      at: now,
    });
    return { id: row.id, indicatorCode: indicator.code, body: row.body, createdAt: row.createdAt.toISOString() };
  });
}

/** POST /api/instructions/[id]/answers — the owning department's answer to an instruction. */
export async function answerInstruction(actor: Actor, rawId: unknown, input: unknown, options: ServiceOptions = {}) {
  requirePermission(actor, 'instruction.answer');
  const { id } = parseOrThrow(instructionIdSchema, { id: typeof rawId === 'number' ? String(rawId) : rawId });
  const data = parseOrThrow(answerInstructionSchema, input);
  const author = authorId(actor);
  const { db, now } = await resolveOptions(options);
  return db.transaction(async (tx) => {
    const instruction = await getInstructionForAnswer(tx, id);
    if (!instruction) throw new AppError('not_found', '批示不存在或已被删除');
    requireDepartmentAccess(actor, instruction.departmentId);
    if (actor.departmentId !== instruction.departmentId)
      throw new AppError('forbidden', '只有该指标的责任单位可以答复批示');
    const row = await insertInstructionAnswer(tx, {
      instructionId: instruction.id,
      authorId: author,
      body: data.body,
      createdAt: now,
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'instruction.answer',
      entityType: 'instruction_answer',
      entityId: row.id,
      departmentId: instruction.departmentId,
      indicatorId: instruction.indicatorId,
      after: { instructionId: instruction.id, indicatorCode: instruction.indicatorCode, body: row.body },
      at: now,
    });
    return { id: row.id, instructionId: instruction.id, body: row.body, createdAt: row.createdAt.toISOString() };
  });
}
