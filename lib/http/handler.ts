/**
 * The one shape of a JSON route handler: refuse cross-site writes, resolve the actor, run one service, map
 * AppError to its status. The permission itself is checked by the service (and again by the data layer's scoping).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { requireActor, type SessionUser } from '@/lib/auth/session';
import { AppError, isAppError, isDatabaseUnavailable } from '@/lib/errors';
import { jsonResponse } from './json-response';
import { refuseCrossSite } from './origin-guard';

export interface HandlerContext<P> {
  req: NextRequest;
  actor: SessionUser;
  params: P;
}

export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) return NextResponse.json(error.toJSON(), { status: error.status });
  if (isDatabaseUnavailable(error)) {
    const unavailable = new AppError('unavailable');
    return NextResponse.json(unavailable.toJSON(), { status: 503, headers: { 'Retry-After': '5' } });
  }
  console.error('[api] unexpected error', error);
  return NextResponse.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }, { status: 500 });
}

/** Wraps a handler: `resolveActor` signs the request in (or throws), `run` answers it. */
export function withResolvedActor<P>(
  resolveActor: () => Promise<SessionUser>,
  run: (ctx: HandlerContext<P>) => Promise<unknown>,
): (req: NextRequest, ctx: { params: Promise<P> }) => Promise<NextResponse> {
  return async (req, ctx) => {
    try {
      // Before the session is read or the body parsed: a forged request from another origin does nothing.
      const refused = await refuseCrossSite(req);
      if (refused) return refused;
      const actor = await resolveActor();
      const result = await run({ req, actor, params: await ctx.params });
      if (result instanceof Response) return result as NextResponse;
      return jsonResponse(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Wraps a handler that needs a signed-in user. */
export function withActor<P = Record<string, never>>(
  run: (ctx: HandlerContext<P>) => Promise<unknown>,
): (req: NextRequest, ctx: { params: Promise<P> }) => Promise<NextResponse> {
  return withResolvedActor(() => requireActor(), run);
}

/** Reads ?name= as an optional integer; an unparsable value is a 400 naming the field. */
export function optionalInt(req: NextRequest, name: string, label: string): number | undefined {
  const raw = req.nextUrl.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,6}$/.test(raw)) {
    throw new AppError('invalid_input', `「${label}」应为整数`, { [name]: [`「${label}」应为整数`] });
  }
  return Number(raw);
}
