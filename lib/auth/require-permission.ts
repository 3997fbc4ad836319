/** Permission checks for services: throw AppError('forbidden') unless the role grants it. */
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { can, isDepartmentScoped, type Permission } from '../domain/permissions';

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('forbidden');
}

/** Throws AppError('forbidden') unless the role grants at least one of the permissions. */
export function requireAnyPermission(actor: Actor, ...permissions: Permission[]): void {
  if (!permissions.some((permission) => can(actor, permission))) throw new AppError('forbidden');
}

/** For department-owned rows: a scoped role may act only on its own department. */
export function requireDepartmentAccess(actor: Actor, departmentId: number): void {
  if (isDepartmentScoped(actor) && actor.departmentId !== departmentId) {
    throw new AppError('forbidden', '只能处理本单位的指标');
  }
}
