/**
 * The signed-in user of this request, checked against the user as stored now, every time: a JWT whose session
 * version no longer matches (sign-out elsewhere, disabled, role change, reset) or that passed the
 * absolute lifetime counts as signed out. (On PGlite the stored row is kept in the process until the users
 * table changes: db/queries/session-users.ts.)
 */
import { headers } from 'next/headers';
import { cache } from 'react';
import { configuredEngine, getDb } from '@/db/client';
import { getSessionUserRow } from '@/db/queries/session-users';
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { clientAddressOf, isSecureRequest } from '@/lib/server-http/request-facts';
import { mfaRequiredRoles, mustEnrollTotp } from './mfa-policy';
import { currentSessionClaims, type SessionClaims } from './session-token';
import { isSessionValid } from '../auth/session-validity';

export interface SessionUser extends Actor {
  id: number;
  displayName: string;
  mustChangePassword: boolean;
  departmentName: string | null;
  totpEnabled: boolean;
  /** The role requires a second factor the user has not enabled yet: only their own account is open. */
  mustEnrollTotp: boolean;
}

/** The address of the client of the current request (the one the nearest trusted proxy saw), as the audit log records it. */
export async function clientAddress(): Promise<string> {
  return clientAddressOf(await headers());
}

/**
 * The user a session's claims stand for, as stored now, or null when the claims are incomplete, the
 * user is gone or disabled, or the session was revoked or outlived (lib/auth/session-validity.ts). The one check
 * of a session: getSessionUser below and the shared overview (lib/server-http/overview-cache.ts) both make it.
 */
export async function sessionUserOf(claims: SessionClaims | null, clientAddress: string): Promise<SessionUser | null> {
  if (!claims || typeof claims.uid !== 'number' || typeof claims.sv !== 'number') return null;
  const db = await getDb();
  const user = await getSessionUserRow(db, claims.uid);
  const authTime = typeof claims.at === 'number' ? claims.at : undefined;
  if (!user || !isSessionValid({ user, sessionVersion: claims.sv, authTime, now: new Date() })) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    unitId: user.unitId,
    departmentName: null,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabled,
    mustEnrollTotp: mustEnrollTotp(user, mfaRequiredRoles(configuredEngine())),
    clientAddress,
  };
}

/** The session user, or null when signed out or the session was revoked. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const requestHeaders = await headers();
  const claims = await currentSessionClaims(isSecureRequest(requestHeaders));
  return sessionUserOf(claims, clientAddressOf(requestHeaders));
});

/**
 * For route handlers and services: the actor, or AppError('unauthenticated'). Until a user has changed a
 * one-time password and (where their role requires it) enabled TOTP, only their own account's routes
 * (`allowIncompleteSetup`, used by withAccountActor for /api/account/*) accept them.
 */
export async function requireActor(options: { allowIncompleteSetup?: boolean } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError('unauthenticated');
  if (!options.allowIncompleteSetup) {
    if (user.mustChangePassword) throw new AppError('forbidden', '请先修改初始密码');
    if (user.mustEnrollTotp) throw new AppError('forbidden', '请先完成双因素认证绑定');
  }
  return user;
}
