/** The role → permission table (lib/domain/permissions.ts): separation of duties as PRODUCT.md states it. */
import { describe, expect, it } from 'vitest';
import {
  can,
  isDepartmentScoped,
  PERMISSIONS,
  permissionsOf,
  requiresDepartment,
  type Permission,
} from '@/lib/domain/permissions';
import { ROLES, type Role } from '@/lib/domain/types';

const DENIED: [Role, Permission[]][] = [
  [
    'official',
    ['user.manage', 'audit.view', 'catalog.manage', 'target.manage', 'actual.review', 'department.view-all'],
  ],
  ['reviewer', ['actual.enter', 'user.manage', 'audit.view', 'catalog.manage']],
  [
    'auditor',
    ['actual.enter', 'user.manage', 'catalog.manage', 'target.manage', 'actual.reopen', 'period.lock', 'import.run'],
  ],
  ['admin', ['audit.view', 'audit.verify', 'export.audit', 'actual.enter', 'actual.review', 'user.manage']],
  [
    'security',
    [
      'audit.view',
      'audit.verify',
      'export.audit',
      'export.records',
      'catalog.manage',
      'target.manage',
      'period.lock',
      'import.run',
      'department.manage',
      'actual.reopen',
      'actual.enter',
      'actual.review',
    ],
  ],
  ['leader', ['actual.enter', 'actual.review', 'user.manage', 'audit.view', 'catalog.manage']],
];

const GRANTED: [Role, Permission[]][] = [
  [
    'admin',
    [
      'department.manage',
      'catalog.manage',
      'target.manage',
      'period.lock',
      'actual.reopen',
      'import.run',
      'reminder.manage',
    ],
  ],
  ['security', ['user.manage']],
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

  it('三员分立: only the security administrator manages accounts; only the auditor reads or exports the audit log', () => {
    expect(ROLES.filter((role) => can({ role }, 'user.manage'))).toEqual(['security']);
    expect(ROLES.filter((role) => can({ role }, 'audit.view'))).toEqual(['auditor']);
    expect(ROLES.filter((role) => can({ role }, 'audit.verify'))).toEqual(['auditor']);
    expect(ROLES.filter((role) => can({ role }, 'export.audit'))).toEqual(['auditor']);
    expect(ROLES.filter((role) => can({ role }, 'department.manage'))).toEqual(['admin']);
    expect(ROLES.filter((role) => can({ role }, 'reminder.manage'))).toEqual(['admin']);
  });

  it('the monthly 通报 is generated and downloaded by the leader, the administrator and the auditor only', () => {
    expect(ROLES.filter((role) => can({ role }, 'bulletin.generate'))).toEqual(['admin', 'leader', 'auditor']);
  });

  it('考核 schemes are built by the administrator; published scores are read by the administrator, the leader and the auditor', () => {
    expect(ROLES.filter((role) => can({ role }, 'scoring.manage'))).toEqual(['admin']);
    expect(ROLES.filter((role) => can({ role }, 'score.view'))).toEqual(['admin', 'leader', 'auditor']);
  });

  it('no role both manages accounts and runs the system or reads the log', () => {
    for (const role of ROLES) {
      if (!can({ role }, 'user.manage')) continue;
      for (const p of ['catalog.manage', 'target.manage', 'period.lock', 'audit.view', 'export.audit'] as const)
        expect(can({ role }, p), `${role} ${p}`).toBe(false);
    }
  });

  it('佐证材料: only officials attach; the security administrator reads none; reviewers and auditors download', () => {
    expect(ROLES.filter((role) => can({ role }, 'evidence.attach'))).toEqual(['official']);
    expect(can({ role: 'security' }, 'evidence.view')).toBe(false);
    for (const role of ['official', 'reviewer', 'auditor', 'leader', 'admin'] as const)
      expect(can({ role }, 'evidence.view'), role).toBe(true);
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
