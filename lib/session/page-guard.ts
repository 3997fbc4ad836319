/**
 * For server-rendered pages: the signed-in user, or a redirect to /login — or, until the account is set
 * up, to the forced password change and then (where the role requires it) to the TOTP enrolment.
 */
import { notFound, redirect } from 'next/navigation';
import type { Permission } from '../domain/permissions';
import { can } from '../domain/permissions';
import { isAppError } from '../errors';
import { getSessionUser, type SessionUser } from './session';

export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword) redirect('/account/password');
  if (user.mustEnrollTotp) redirect('/account/mfa');
  return user;
}

/** The user when the role grants `permission`; null when signed in without it (the page shows 无权限). */
export async function requirePagePermission(permission: Permission): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await requirePageUser();
  return { user, allowed: can(user, permission) };
}

/** A page's data from its service, or Next's 404 page when the service says what the URL names does not exist. */
export function orNotFound<T>(data: Promise<T>): Promise<T> {
  return data.catch((error: unknown) => {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  });
}
