/** For server-rendered pages: the signed-in user, or a redirect to /login (or to the forced password change). */
import { redirect } from 'next/navigation';
import type { Permission } from './permissions';
import { can } from './permissions';
import { getSessionUser, type SessionUser } from './session';

export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword) redirect('/account/password');
  return user;
}

/** The user when the role grants `permission`; null when signed in without it (the page shows 无权限). */
export async function requirePagePermission(permission: Permission): Promise<{ user: SessionUser; allowed: boolean }> {
  const user = await requirePageUser();
  return { user, allowed: can(user, permission) };
}
