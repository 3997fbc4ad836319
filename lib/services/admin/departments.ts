/**
 * Departments (责任单位): everyone signed in may list them; administrators create and change them, each
 * write in one transaction with its audit event. Departments are never deleted: indicators, figures and
 * the audit log point at them, so an unused one is deactivated instead.
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { type Db } from '@/db/client';
import { appendAuditEvent } from '@/db/queries/audit-append';
import { insertedRow } from '@/db/queries/rows';
import { departments } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { createDepartmentSchema, departmentIdSchema, updateDepartmentSchema } from '@/lib/validation/users';
import { authorize, type ServiceOptions } from '@/lib/services/options';

export interface DepartmentSummary {
  id: number;
  code: string;
  name: string;
  shortName: string;
  isActive: boolean;
}

type DepartmentRow = typeof departments.$inferSelect;

const summaryColumns = {
  id: departments.id,
  code: departments.code,
  name: departments.name,
  shortName: departments.shortName,
  isActive: departments.isActive,
};

function auditView(row: DepartmentRow): DepartmentSummary {
  return { id: row.id, code: row.code, name: row.name, shortName: row.shortName, isActive: row.isActive };
}

const CODE_TAKEN = () => new AppError('conflict', '单位代码已存在', { code: ['该「单位代码」已被使用'] });
const NAME_TAKEN = () => new AppError('conflict', '单位名称已存在', { name: ['已有同名单位'] });

/** Two departments with one name would be indistinguishable in every list and export. */
async function assertNameFree(tx: Db, name: string, exceptId: number | null): Promise<void> {
  const [taken] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.name, name), exceptId === null ? undefined : ne(departments.id, exceptId)));
  if (taken) throw NAME_TAKEN();
}

/** Every department, active ones first, then by code. */
export async function listDepartments(actor: Actor, options: ServiceOptions = {}): Promise<DepartmentSummary[]> {
  const { db } = await authorize(actor, 'dashboard.view', options);
  return db
    .select(summaryColumns)
    .from(departments)
    .orderBy(sql`${departments.isActive} desc`, asc(departments.code));
}

export async function createDepartment(
  actor: Actor,
  input: unknown,
  options: ServiceOptions = {},
): Promise<DepartmentSummary> {
  const { db } = await authorize(actor, 'department.manage', options);
  const data = parseOrThrow(createDepartmentSchema, input);
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, data.code));
      if (taken) throw CODE_TAKEN();
      await assertNameFree(tx, data.name, null);
      const row = await insertedRow(tx.insert(departments).values(data).returning(), 'department');
      await appendAuditEvent(tx, {
        actor,
        action: 'department.create',
        entityType: 'department',
        entityId: row.id,
        departmentId: row.id,
        after: auditView(row),
      });
      return auditView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw CODE_TAKEN();
    throw error;
  }
}

/** Renames, or (de)activates; the code is permanent, since imports and scripts refer to it. */
export async function updateDepartment(
  actor: Actor,
  id: unknown,
  input: unknown,
  options: ServiceOptions = {},
): Promise<DepartmentSummary> {
  const { db } = await authorize(actor, 'department.manage', options);
  const departmentId = parseOrThrow(departmentIdSchema, { id }).id;
  const data = parseOrThrow(updateDepartmentSchema, input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(departments).where(eq(departments.id, departmentId)).for('update');
    if (!before) throw new AppError('not_found', '单位不存在');
    const next = {
      name: data.name ?? before.name,
      shortName: data.shortName ?? before.shortName,
      isActive: data.isActive ?? before.isActive,
    };
    if (next.name === before.name && next.shortName === before.shortName && next.isActive === before.isActive) {
      return auditView(before);
    }
    if (next.name !== before.name) await assertNameFree(tx, next.name, before.id);
    const [after] = await tx
      .update(departments)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(departments.id, departmentId))
      .returning();
    if (!after) throw new AppError('not_found', '单位不存在');
    await appendAuditEvent(tx, {
      actor,
      action: 'department.update',
      entityType: 'department',
      entityId: after.id,
      departmentId: after.id,
      before: auditView(before),
      after: auditView(after),
    });
    return auditView(after);
  });
}
