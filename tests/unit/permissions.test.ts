/** The role → permission table (lib/auth/permissions.ts): separation of duties as PRODUCT.md states it. */
import { describe, expect, it } from 'vitest';
import { can, isDepartmentScoped, PERMISSIONS, permissionsOf, requiresDepartment, type Permission } from '@/lib/auth/permissions';
import { ROLES, type Role } from '@/lib/domain/types';

const DENIED: [Role, Permission[]][] = [
  ['official', ['user.manage', 'audit.view', 'catalog.manage', 'target.manage', 'actual.review', 'department.view-all']],
  ['reviewer', ['actual.enter', 'user.manage', 'audit.view', 'catalog.manage']],
  ['auditor', ['actual.enter', 'user.manage', 'catalog.manage', 'target.manage', 'actual.reopen', 'period.lock', 'import.run']],
  ['admin', ['audit.view', 'audit.verify', 'export.audit', 'actual.enter', 'actual.review']],
  ['leader', ['actual.enter', 'actual.review', 'user.manage', 'audit.view', 'catalog.manage']],
];

const GRANTED: [Role, Permission[]][] = [
  ['admin', ['user.manage', 'catalog.manage', 'target.manage', 'period.lock', 'actual.reopen']],
  ['official', ['actual.enter']],
  ['reviewer', ['actual.review']],
  ['leader', ['instruction.write', 'screen.view']],
  ['auditor', ['audit.view', 'audit.verify', 'export.audit', 'export.records']],
];

describe('permissions', () => {
  it('every role may view the dashboards', () => {
    for (const role of ROLES) expect(can({ role }, 'dashboard.view'), role).toBe(true);
  });

  it.each(DENIED)('%s is refused what it must not do', (role, permissions) => {
    for (const permission of permissions) expect(can({ role }, permission), `${role} ${permission}`).toBe(false);
  });

  it.each(GRANTED)('%s may do its job', (role, permissions) => {
    for (const permission of permissions) expect(can({ role }, permission), `${role} ${permission}`).toBe(true);
  });

  it('only the admin manages users; only the auditor reads the audit log', () => {
    expect(ROLES.filter((role) => can({ role }, 'user.manage'))).toEqual(['admin']);
    expect(ROLES.filter((role) => can({ role }, 'audit.view'))).toEqual(['auditor']);
  });

  it('grants only known permissions, and the system actor everything', () => {
    for (const role of ROLES) for (const p of permissionsOf(role)) expect(PERMISSIONS).toContain(p);
    for (const p of PERMISSIONS) expect(can({ role: 'system' }, p)).toBe(true);
  });

  it('officials and reviewers belong to one department and are scoped to it', () => {
    expect(ROLES.filter(requiresDepartment)).toEqual(['official', 'reviewer']);
    expect(ROLES.filter((role) => isDepartmentScoped({ role }))).toEqual(['official', 'reviewer']);
  });
});
