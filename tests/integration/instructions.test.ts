/**
 * 批示: a leader writes; an official or reviewer of the owning department answers; anyone else is refused;
 * every write is audited in its transaction; bad input names its field and stores nothing.
 */
import { asc, count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents, instructionAnswers, instructions } from '@/db/schema';
import { type Actor } from '@/lib/domain/actor';
import { getIndicatorDetail } from '@/lib/services/dashboards/indicator';
import { answerInstruction, createInstruction } from '@/lib/services/reporting/instructions';
import { forEachEngine } from '../helpers/test-db';
import { actorFor } from './fixtures/actors';
import { expectError } from './fixtures/refusals';
import { seedCatalogue } from './fixtures/catalogue';

const NOW = new Date('2026-04-10T04:00:00Z');

async function state(db: Db) {
  const [{ n: ins } = { n: 0 }] = await db.select({ n: count() }).from(instructions);
  const [{ n: ans } = { n: 0 }] = await db.select({ n: count() }).from(instructionAnswers);
  const [{ n: audit } = { n: 0 }] = await db.select({ n: count() }).from(auditEvents);
  return { ins, ans, audit };
}

forEachEngine('批示 (instructions)', (ctx) => {
  let leader: Actor;
  let official: Actor;
  let reviewer: Actor;
  let otherOfficial: Actor;
  let auditor: Actor;
  const opts = () => ({ db: ctx.db, now: NOW });

  // Display names differ from usernames, so that the page is seen to show the display name.
  const named = (username: string, role: Actor['role'], departmentCode?: string) =>
    actorFor(ctx.db, username, role, departmentCode, { displayName: `${username}-name` });

  beforeAll(async () => {
    await seedCatalogue(ctx.handle);
    leader = await named('instr-leader', 'leader');
    official = await named('instr-official', 'official', 'fgw');
    reviewer = await named('instr-reviewer', 'reviewer', 'fgw');
    otherOfficial = await named('instr-other', 'official', 'wlj');
    auditor = await named('instr-auditor', 'auditor');
  });

  it('a leader writes; the owning department answers (official and reviewer); both show on the indicator, both audited', async () => {
    const created = await createInstruction(
      leader,
      'INV-INVESTMENT',
      { body: '  一季度投资进度偏慢，请发改委说明原因并提出措施。 ' },
      opts(),
    );
    expect(created).toMatchObject({
      indicatorCode: 'INV-INVESTMENT',
      body: '一季度投资进度偏慢，请发改委说明原因并提出措施。',
    });

    const answer = await answerInstruction(
      official,
      String(created.id),
      { body: '已召开调度会，二季度将加快重点项目开工。' },
      opts(),
    );
    const second = await answerInstruction(reviewer, created.id, { body: '审核员补充：3月数据已核实。' }, opts());
    expect(answer.instructionId).toBe(created.id);
    expect(second.instructionId).toBe(created.id);

    const detail = await getIndicatorDetail(auditor, 'INV-INVESTMENT', { year: 2025 }, opts());
    expect(detail.instructions).toHaveLength(1);
    expect(detail.instructions[0]).toMatchObject({
      body: created.body,
      author: 'instr-leader-name',
      authorRole: '领导',
    });
    expect(detail.instructions[0]?.answers.map((a) => [a.author, a.department, a.body])).toEqual([
      ['instr-official-name', '发改委', '已召开调度会，二季度将加快重点项目开工。'],
      ['instr-reviewer-name', '发改委', '审核员补充：3月数据已核实。'],
    ]);
    // The page offers the forms only to those who may use them.
    expect(detail.permissions).toEqual({ canInstruct: false, canAnswer: false });
    expect((await getIndicatorDetail(leader, 'INV-INVESTMENT', {}, opts())).permissions).toEqual({
      canInstruct: true,
      canAnswer: false,
    });
    expect((await getIndicatorDetail(official, 'INV-INVESTMENT', {}, opts())).permissions).toEqual({
      canInstruct: false,
      canAnswer: true,
    });
    expect((await getIndicatorDetail(otherOfficial, 'INV-INVESTMENT', {}, opts())).permissions).toEqual({
      canInstruct: false,
      canAnswer: false,
    });

    const trail = await ctx.db
      .select({
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        actorId: auditEvents.actorId,
        after: auditEvents.after,
        indicatorId: auditEvents.indicatorId,
        departmentId: auditEvents.departmentId,
      })
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'instruction'))
      .orderBy(asc(auditEvents.id));
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      action: 'instruction.create',
      actorId: leader.id,
      departmentId: official.departmentId,
    });
    expect(trail[0]?.after).toMatchObject({ indicatorCode: 'INV-INVESTMENT', body: created.body });
    const answers = await ctx.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, entityId: auditEvents.entityId })
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'instruction_answer'))
      .orderBy(asc(auditEvents.id));
    expect(answers).toEqual([
      { action: 'instruction.answer', actorId: official.id, entityId: String(answer.id) },
      { action: 'instruction.answer', actorId: reviewer.id, entityId: String(second.id) },
    ]);
  });

  it('another department, a leader answering, an official instructing: forbidden, nothing stored', async () => {
    const created = await createInstruction(leader, 'INV-INVESTMENT', { body: '请加快进度' }, opts());
    const before = await state(ctx.db);
    await expectError(answerInstruction(otherOfficial, created.id, { body: '越权答复' }, opts()), 'forbidden');
    await expectError(answerInstruction(leader, created.id, { body: '领导不能答复' }, opts()), 'forbidden');
    await expectError(answerInstruction(auditor, created.id, { body: '审计员不能答复' }, opts()), 'forbidden');
    await expectError(createInstruction(official, 'INV-INVESTMENT', { body: '填报员不能批示' }, opts()), 'forbidden');
    await expectError(createInstruction(auditor, 'INV-INVESTMENT', { body: '审计员不能批示' }, opts()), 'forbidden');
    expect(await state(ctx.db)).toEqual(before);
  });

  it('bad input is invalid_input naming the field, and stores nothing', async () => {
    const created = await createInstruction(leader, 'INV-PROJECTS', { body: '请关注新开工项目' }, opts());
    const before = await state(ctx.db);
    for (const input of [
      { body: '' },
      { body: '   ' },
      { body: '好' },
      { body: 'x'.repeat(2001) },
      { body: 42 },
      {},
      { body: '正常内容', extra: 1 },
      null,
      'text',
    ]) {
      const error = await expectError(createInstruction(leader, 'INV-PROJECTS', input, opts()), 'invalid_input');
      expect(Object.keys(error.fieldErrors ?? {}).length).toBeGreaterThan(0);
    }
    await expectError(createInstruction(leader, 'INV-PROJECTS', { body: '' }, opts()), 'invalid_input', 'body');
    await expectError(answerInstruction(official, created.id, { body: ' ' }, opts()), 'invalid_input', 'body');
    await expectError(answerInstruction(official, 'abc', { body: '正常答复' }, opts()), 'invalid_input', 'id');
    await expectError(answerInstruction(official, '0', { body: '正常答复' }, opts()), 'invalid_input', 'id');
    expect(await state(ctx.db)).toEqual(before);
  });

  it('unknown indicator or instruction: not_found with a Chinese message, nothing stored', async () => {
    const before = await state(ctx.db);
    await expectError(createInstruction(leader, 'NO-SUCH-CODE', { body: '请说明' }, opts()), 'not_found');
    await expectError(answerInstruction(official, '999999', { body: '答复' }, opts()), 'not_found');
    await expectError(getIndicatorDetail(leader, 'NO-SUCH-CODE', {}, opts()), 'not_found');
    expect(await state(ctx.db)).toEqual(before);
  });
});
