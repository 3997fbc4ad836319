/**
 * withActor for the user's own account routes (/api/account/*): the same shape, but it also admits a
 * user who still has to change a one-time password or enrol TOTP, since these routes are how they do it.
 * Every other route uses withActor, which refuses such a user (lib/session/session.ts requireActor).
 */
import type { NextRequest, NextResponse } from 'next/server';
import { requireActor } from '@/lib/session/session';
import { withResolvedActor, type HandlerContext } from './handler';

export function withAccountActor<P = Record<string, never>>(
  run: (ctx: HandlerContext<P>) => Promise<unknown>,
): (req: NextRequest, ctx: { params: Promise<P> }) => Promise<NextResponse> {
  return withResolvedActor(() => requireActor({ allowIncompleteSetup: true }), run);
}
