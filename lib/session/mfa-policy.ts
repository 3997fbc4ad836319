/**
 * Which roles must sign in with a second factor (TOTP). MFA_REQUIRED_ROLES is a comma list of role codes
 * ("admin,security,auditor"; "none" or empty for none). Unset, it is the three administrators on a production database
 * and none on the embedded sample, so a newcomer can try the app (which then says so on every page).
 */
import { serverEnv, type ServerEnv } from '@/lib/env';
import { configuredEngine, type Engine } from '@/db/client';
import { ROLES, type Role } from '@/lib/domain/types';

/** The roles required when MFA_REQUIRED_ROLES is not set and the database is PostgreSQL. */
export const DEFAULT_MFA_ROLES: readonly Role[] = ['admin', 'security', 'auditor'];

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The roles that must use TOTP. An unknown role name is a configuration error and throws: a typo must not
 * silently switch the second factor off.
 */
export function mfaRequiredRoles(engine: Engine, env: Pick<ServerEnv, 'mfaRequiredRoles'> = serverEnv()): Role[] {
  const raw = env.mfaRequiredRoles;
  if (raw === undefined) return engine === 'postgres' ? [...DEFAULT_MFA_ROLES] : [];
  const names = raw
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && name !== 'none');
  const unknown = names.filter((name) => !isRole(name));
  if (unknown.length > 0) {
    throw new Error(
      `MFA_REQUIRED_ROLES names unknown roles: ${unknown.join(', ')} (allowed: ${ROLES.join(', ')}, or none)`,
    );
  }
  return [...new Set(names.filter(isRole))];
}

type RoleOrSystem = Role | 'system';

/** True when the user's role requires TOTP and they have not enabled it yet (they must enrol first). */
export function mustEnrollTotp(user: { role: RoleOrSystem; totpEnabled: boolean }, required: readonly Role[]): boolean {
  return user.role !== 'system' && !user.totpEnabled && required.includes(user.role);
}

/**
 * True when the page should say that MFA is not enforced: the embedded sample, a role that production
 * requires it for, not required here, and not enabled by the user.
 */
export function showsMfaOffNotice(
  user: { role: RoleOrSystem; totpEnabled: boolean },
  engine: Engine,
  required: readonly Role[],
): boolean {
  if (engine !== 'pglite' || user.role === 'system' || user.totpEnabled) return false;
  return DEFAULT_MFA_ROLES.includes(user.role) && !required.includes(user.role);
}

/** For pages: whether this deployment should tell the user that MFA is not enforced (see showsMfaOffNotice). */
export function mfaOffNoticeFor(user: { role: RoleOrSystem; totpEnabled: boolean }): boolean {
  const engine = configuredEngine();
  return showsMfaOffNotice(user, engine, mfaRequiredRoles(engine));
}
