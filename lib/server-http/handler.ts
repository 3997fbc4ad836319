/**
 * The one shape of a JSON route handler: refuse cross-site writes, resolve the actor, run one service, map
 * AppError to its status. The permission itself is checked by the service (and again by the data layer's scoping).
 * A state-changing request refused with 401 or 403 is put on the record here, throttled (lib/services/audit/refusals.ts).
 * Every answer carries its request id (X-Request-Id) and is logged as one JSON line (lib/log.ts).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { clientAddress, requireActor, type SessionUser } from '@/lib/session/session';
import type { RefusalReason } from '@/lib/domain/audit-actions';
import { AppError, isAppError, isDatabaseUnavailable } from '@/lib/errors';
import { log } from '@/lib/log';
import { recordRefusal } from '@/lib/services/audit/refusals';
import { jsonResponse } from './json-response';
import { refuseCrossSite } from './origin-guard';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

export interface HandlerContext<P> {
  req: NextRequest;
  actor: SessionUser;
  params: P;
}

export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    const retryAfter = error.details?.retryAfterSeconds;
    const headers = typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : undefined;
    return NextResponse.json(error.toJSON(), { status: error.status, headers });
  }
  if (isDatabaseUnavailable(error)) {
    const unavailable = new AppError('unavailable');
    return NextResponse.json(unavailable.toJSON(), { status: 503, headers: { 'Retry-After': '5' } });
  }
  log.error({ err: error }, 'unexpected error in an API handler');
  return NextResponse.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }, { status: 500 });
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The refusal a state-changing request's error amounts to, if it is one to record (401/403). */
function refusalOf(method: string, error: unknown): RefusalReason | null {
  if (!STATE_CHANGING.has(method) || !isAppError(error)) return null;
  if (error.code === 'unauthenticated') return 'unauthenticated';
  if (error.code === 'forbidden') return 'forbidden';
  return null;
}

/** Records a refused write; a failure to record is logged, never turned into another answer. */
async function recordRefusedWrite(
  req: NextRequest,
  reason: RefusalReason,
  actor: SessionUser | null,
  error: AppError,
): Promise<void> {
  try {
    await recordRefusal(undefined, {
      clientAddress: actor?.clientAddress ?? (await clientAddress()),
      reason,
      actorId: actor?.id ?? null,
      username: actor?.username ?? null,
      role: actor?.role,
      departmentId: actor?.departmentId ?? null,
      method: req.method,
      path: req.nextUrl.pathname,
      detail: { message: error.message.slice(0, 200) },
    });
  } catch (recordError) {
    log.error({ err: recordError }, 'could not record a refused request');
  }
}

/** Wraps a handler: `resolveActor` signs the request in (or throws), `run` answers it. */
export function withResolvedActor<P>(
  resolveActor: () => Promise<SessionUser>,
  run: (ctx: HandlerContext<P>) => Promise<unknown>,
): (req: NextRequest, ctx: { params: Promise<P> }) => Promise<NextResponse> {
  return async (req, ctx) => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers.get(REQUEST_ID_HEADER));
    let actor: SessionUser | null = null;
    let response: NextResponse;
    try {
      // Before the session is read or the body parsed: a forged request from another origin does nothing.
      const refused = await refuseCrossSite(req);
      if (refused) {
        response = refused;
      } else {
        actor = await resolveActor();
        const result = await run({ req, actor, params: await ctx.params });
        response = result instanceof Response ? (result as NextResponse) : jsonResponse(result);
      }
    } catch (error) {
      const reason = refusalOf(req.method, error);
      if (reason && isAppError(error)) await recordRefusedWrite(req, reason, actor, error);
      response = errorResponse(error);
    }
    try {
      response.headers.set(REQUEST_ID_HEADER, requestId);
    } catch {
      // A response with immutable headers (none of ours today) still gets its log line.
    }
    // For a streamed download the duration is the time to its first byte: the body is still being written.
    log.info(
      {
        requestId,
        actorId: actor?.id ?? null,
        method: req.method,
        route: req.nextUrl.pathname,
        status: response.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
    return response;
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
