/** Permission checks for services: throw AppError('forbidden') unless the role grants it. */
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { can, isDepartmentScoped, mayActOnFigure, type Permission } from '@/lib/domain/permissions';

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('forbidden');
}

/** Throws AppError('forbidden') unless the role grants at least one of the permissions. */
export function requireAnyPermission(actor: Actor, ...permissions: Permission[]): void {
  if (!permissions.some((permission) => can(actor, permission))) throw new AppError('forbidden');
}

/** For department-owned rows: a scoped role may act only on its own department. */
/** For figures: a scoped role may act only on its own department's (city) or its own unit's figures. */
export function requireFigureAccess(actor: Actor, figure: Parameters<typeof mayActOnFigure>[1]): void {
  if (!mayActOnFigure(actor, figure)) {
    throw new AppError('forbidden', figure.unitId === null ? '只能处理本单位的指标' : '只能处理本县区的数据');
  }
}

export function requireDepartmentAccess(actor: Actor, departmentId: number): void {
  if (isDepartmentScoped(actor) && actor.departmentId !== departmentId) {
    throw new AppError('forbidden', '只能处理本单位的指标');
  }
}
