/**
 * The signed-in user of this request, re-read from the database every time: a JWT whose session
 * version no longer matches (sign-out elsewhere, disabled, role change, reset) or that passed the
 * absolute lifetime counts as signed out.
 */
import { headers } from 'next/headers';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getUserById } from '@/db/queries/users';
import type { Actor } from '@/lib/domain/actor';
import { AppError } from '@/lib/errors';
import { authOptions } from './options';
import { ABSOLUTE_TIMEOUT_SECONDS } from './session-policy';

export interface SessionUser extends Actor {
  id: number;
  displayName: string;
  mustChangePassword: boolean;
  departmentName: string | null;
}

async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'local';
}

/** The session user, or null when signed out or the session was revoked. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: unknown; sv?: unknown; at?: unknown } | null;
  if (!session || typeof session.uid !== 'number' || typeof session.sv !== 'number') return null;
  if (typeof session.at === 'number' && Date.now() / 1000 - session.at > ABSOLUTE_TIMEOUT_SECONDS) return null;
  const db = await getDb();
  const user = await getUserById(db, session.uid);
  if (!user || user.isDisabled || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    departmentName: null,
    mustChangePassword: user.mustChangePassword,
    clientAddress: await clientAddress(),
  };
});

/** For route handlers and services: the actor, or AppError('unauthenticated'). */
export async function requireActor(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError('unauthenticated');
  return user;
}
