/**
 * withActor for the user's own account routes (/api/account/*): the same shape, but it also admits a
 * user who still has to change a one-time password or enrol TOTP, since these routes are how they do it.
 * Every other route uses withActor, which refuses such a user (lib/auth/session.ts requireActor).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { requireActor } from '@/lib/auth/session';
import { errorResponse, type HandlerContext } from './handler';

export function withAccountActor<P = Record<string, never>>(
  run: (ctx: HandlerContext<P>) => Promise<unknown>,
): (req: NextRequest, ctx: { params: Promise<P> }) => Promise<NextResponse> {
  return async (req, ctx) => {
    try {
      const actor = await requireActor({ allowIncompleteSetup: true });
      const result = await run({ req, actor, params: await ctx.params });
      if (result instanceof Response) return result as NextResponse;
      return NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
