/**
 * Units (县区): every signed-in user may list them; the system administrator adds and changes them (the same
 * permission that runs departments), each write in one transaction with its audit event. Units are never
 * deleted (figures, targets and users point at them): an unused one is deactivated.
 */

import { appendAuditEvent } from '@/db/queries/audit-append';
import {
  getUnitByCodeForUpdate,
  insertUnit,
  listUnits as listUnitRows,
  updateUnitRow,
  type UnitRecord,
} from '@/db/queries/units';
import type { Actor } from '@/lib/domain/actor';
import type { UnitKind } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { createUnitSchema, updateUnitSchema } from '@/lib/validation/units';
import { authorize, type ServiceOptions } from '@/lib/services/options';

export interface UnitSummary {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  sortOrder: number;
  isActive: boolean;
}

function summary(row: UnitRecord): UnitSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    sortOrder: row.sortOrder,
    isActive: row.isActive,
  };
}

function nameTaken(all: readonly UnitRecord[], name: string, exceptId: number | null): boolean {
  return all.some((u) => u.name === name && u.id !== exceptId);
}

const NAME_TAKEN = () => new AppError('conflict', '县区名称已存在', { name: ['已有同名县区'] });

export async function listUnits(actor: Actor, options: ServiceOptions = {}): Promise<UnitSummary[]> {
  const { db } = await authorize(actor, 'dashboard.view', options);
  return (await listUnitRows(db)).map(summary);
}

/** POST /api/admin/units */
export async function createUnit(actor: Actor, input: unknown, options: ServiceOptions = {}): Promise<UnitSummary> {
  const { db } = await authorize(actor, 'department.manage', options);
  const data = parseOrThrow(createUnitSchema, input);
  return db.transaction(async (tx) => {
    const all = await listUnitRows(tx);
    if (nameTaken(all, data.name, null)) throw NAME_TAKEN();
    const sortOrder = data.sortOrder ?? Math.max(0, ...all.map((u) => u.sortOrder)) + 1;
    const row = await insertUnit(tx, { code: data.code, name: data.name, kind: data.kind, sortOrder });
    if (!row) throw new AppError('conflict', '县区代码已存在', { code: ['该「县区代码」已被使用'] });
    await appendAuditEvent(tx, {
      actor,
      action: 'unit.create',
      entityType: 'unit',
      entityId: row.code,
      after: summary(row),
    });
    return summary(row);
  });
}

/** PATCH /api/admin/units/[code] — rename, re-kind, re-order, (de)activate; the code is permanent. */
export async function updateUnit(
  actor: Actor,
  code: string,
  input: unknown,
  options: ServiceOptions = {},
): Promise<UnitSummary> {
  const { db } = await authorize(actor, 'department.manage', options);
  const data = parseOrThrow(updateUnitSchema, input);
  return db.transaction(async (tx) => {
    const before = await getUnitByCodeForUpdate(tx, code.toLowerCase());
    if (!before) throw new AppError('not_found', '县区不存在');
    if (data.name !== undefined && data.name !== before.name && nameTaken(await listUnitRows(tx), data.name, before.id))
      throw NAME_TAKEN();
    const next = {
      name: data.name ?? before.name,
      kind: data.kind ?? before.kind,
      sortOrder: data.sortOrder ?? before.sortOrder,
      isActive: data.isActive ?? before.isActive,
    };
    if (next.kind !== before.kind && (next.kind === 'city') !== (before.kind === 'city')) {
      throw new AppError('invalid_input', '市本级与县区之间不能互改类型', { kind: ['市本级与县区之间不能互改类型'] });
    }
    const unchanged =
      next.name === before.name &&
      next.kind === before.kind &&
      next.sortOrder === before.sortOrder &&
      next.isActive === before.isActive;
    if (unchanged) return summary(before);
    const after = await updateUnitRow(tx, before.id, next);
    if (!after) throw new AppError('not_found', '县区不存在');
    await appendAuditEvent(tx, {
      actor,
      action: 'unit.update',
      entityType: 'unit',
      entityId: after.code,
      before: summary(before),
      after: summary(after),
    });
    return summary(after);
  });
}
