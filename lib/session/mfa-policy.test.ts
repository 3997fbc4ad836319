import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';
import { mfaRequiredRoles, mustEnrollTotp, showsMfaOffNotice } from './mfa-policy';

describe('mfaRequiredRoles', () => {
  it('defaults to admin and auditor on PostgreSQL and to none on the embedded sample', () => {
    expect(mfaRequiredRoles('postgres', readEnv({}))).toEqual(['admin', 'security', 'auditor']);
    expect(mfaRequiredRoles('pglite', readEnv({}))).toEqual([]);
  });

  it('takes MFA_REQUIRED_ROLES as a comma list on either engine, "none" or empty for none', () => {
    expect(mfaRequiredRoles('pglite', readEnv({ MFA_REQUIRED_ROLES: 'admin, Leader,admin' }))).toEqual([
      'admin',
      'leader',
    ]);
    expect(mfaRequiredRoles('postgres', readEnv({ MFA_REQUIRED_ROLES: '' }))).toEqual([]);
    expect(mfaRequiredRoles('postgres', readEnv({ MFA_REQUIRED_ROLES: 'none' }))).toEqual([]);
  });

  it('refuses an unknown role name instead of silently requiring less', () => {
    expect(() => mfaRequiredRoles('postgres', readEnv({ MFA_REQUIRED_ROLES: 'admin,auditer' }))).toThrow(/auditer/);
  });
});

describe('mustEnrollTotp and the notice', () => {
  it('sends a required role without TOTP to enrolment, not one that has it or is not required', () => {
    expect(mustEnrollTotp({ role: 'admin', totpEnabled: false }, ['admin'])).toBe(true);
    expect(mustEnrollTotp({ role: 'admin', totpEnabled: true }, ['admin'])).toBe(false);
    expect(mustEnrollTotp({ role: 'official', totpEnabled: false }, ['admin'])).toBe(false);
    expect(mustEnrollTotp({ role: 'system', totpEnabled: false }, ['admin'])).toBe(false);
  });

  it('says MFA is off on the embedded sample to admins and auditors without TOTP only', () => {
    expect(showsMfaOffNotice({ role: 'admin', totpEnabled: false }, 'pglite', [])).toBe(true);
    expect(showsMfaOffNotice({ role: 'auditor', totpEnabled: false }, 'pglite', [])).toBe(true);
    expect(showsMfaOffNotice({ role: 'admin', totpEnabled: true }, 'pglite', [])).toBe(false);
    expect(showsMfaOffNotice({ role: 'official', totpEnabled: false }, 'pglite', [])).toBe(false);
    expect(showsMfaOffNotice({ role: 'admin', totpEnabled: false }, 'pglite', ['admin'])).toBe(false);
    expect(showsMfaOffNotice({ role: 'admin', totpEnabled: false }, 'postgres', [])).toBe(false);
  });
});
