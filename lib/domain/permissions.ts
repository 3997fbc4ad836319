/**
 * Who may do what: the only place a role is compared. Deny by default — a permission not listed for a
 * role is refused. Separation of duties (三员分立, 等保2.0 level 3): the system administrator (`admin`) runs
 * the catalog, targets, settings and departments but no account; the security administrator (`security`)
 * runs the accounts (users, roles, unlocks, resets, second factors) and nothing else; the auditor alone
 * reads the audit log and administers nothing. No administrator can so give itself the auditor's view:
 * granting or resetting an auditor account is shown to every auditor (lib/services/audit/auditor-alerts.ts).
 */
import type { Actor } from '@/lib/domain/actor';
import type { Role } from '@/lib/domain/types';

export const PERMISSIONS = [
  'dashboard.view', // overview, areas, indicators, review
  'screen.view', // the cockpit
  'department.view-all', // every department's figures and overdue list
  'actual.enter', // enter, save draft, submit own department's figures
  'actual.review', // approve / return own department's submitted figures
  'actual.reopen', // reopen an approved figure (with a reason)
  'period.lock', // close / reopen a period for the whole city
  'instruction.write', // 批示
  'instruction.answer', // answer a 批示 on own department's indicator
  'catalog.manage', // indicators
  'target.manage', // targets, phasing, settings
  'reminder.manage', // 催报提醒: channels and thresholds, the outbox, retry now
  'import.run', // bulk import of targets and actuals
  'user.manage', // accounts: create, role, disable, reset, unlock, second factor off
  'department.manage', // departments (catalog data)
  'audit.view', // the full audit log
  'audit.verify',
  'export.records',
  'export.audit',
  'bulletin.generate', // the monthly 通报: generate, list, download again
  'evidence.view', // download the 佐证材料 of figures the actor may see (department roles: own department only)
  'evidence.attach', // upload / remove 佐证材料 on own department's draft or returned figures
  'scoring.manage', // 考核 schemes: build, validate, publish
  'score.view', // published 考核 scores with their inputs and formulas
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const TABLE: Record<Role, readonly Permission[]> = {
  admin: [
    'dashboard.view',
    'screen.view',
    'department.view-all',
    'actual.reopen',
    'period.lock',
    'catalog.manage',
    'target.manage',
    'import.run',
    'department.manage',
    'reminder.manage',
    'bulletin.generate',
    'evidence.view',
    'scoring.manage',
    'score.view',
  ],
  security: ['dashboard.view', 'user.manage'],
  official: ['dashboard.view', 'actual.enter', 'instruction.answer', 'import.run', 'evidence.view', 'evidence.attach'],
  reviewer: ['dashboard.view', 'actual.review', 'instruction.answer', 'evidence.view'],
  leader: [
    'dashboard.view',
    'screen.view',
    'department.view-all',
    'instruction.write',
    'export.records',
    'bulletin.generate',
    'evidence.view',
    'score.view',
  ],
  auditor: [
    'dashboard.view',
    'screen.view',
    'department.view-all',
    'audit.view',
    'audit.verify',
    'export.records',
    'export.audit',
    'bulletin.generate',
    'evidence.view',
    'score.view',
  ],
};

/** True when the actor's role grants the permission. The system actor (seed, scripts) may do everything. */
export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  if (actor.role === 'system') return true;
  return TABLE[actor.role].includes(permission);
}

/** Roles whose users belong to one department and see only its rows when writing. */
export function isDepartmentScoped(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'official' || actor.role === 'reviewer';
}

/**
 * Whether a department- or unit-scoped actor may enter or review a figure: a city department's official works on
 * its department's city figures; a unit's official on that unit's figures of indicators tracked by unit (of its
 * department only, when it also belongs to one). Roles not scoped (the system, an administrator reopening) pass.
 */
export function mayActOnFigure(
  actor: Pick<Actor, 'role' | 'departmentId' | 'unitId'>,
  figure: { departmentId: number; trackedByUnit: boolean; unitId: number | null },
): boolean {
  if (!isDepartmentScoped(actor)) return true;
  const actorUnit = actor.unitId ?? null;
  if (actorUnit !== figure.unitId) return false;
  if (actorUnit === null) return actor.departmentId === figure.departmentId;
  return figure.trackedByUnit && (actor.departmentId === null || actor.departmentId === figure.departmentId);
}

export function requiresDepartment(role: Role): boolean {
  return role === 'official' || role === 'reviewer';
}

export function permissionsOf(role: Role): readonly Permission[] {
  return TABLE[role];
}
