/**
 * The CSRF check of every state-changing request (lib/server-http/request-origin.ts says what passes): a refused
 * request answers 403 before its body is read or anything is stored, and is recorded (throttled).
 */
import { NextResponse } from 'next/server';
import { getSessionUser } from '@/lib/session/session';
import { AppError } from '@/lib/errors';
import { recordRefusal } from '@/lib/services/audit/refusals';
import { appOriginOf, clientAddressOf } from './request-facts';
import { checkRequestOrigin, ORIGIN_REFUSED_MESSAGE } from './request-origin';

/** The audit action of a cross-site refusal (throttled per address and minute, lib/services/audit/refusals.ts). */
export const ORIGIN_REFUSED_ACTION = 'refusal.origin';

/** null when the request may proceed; otherwise the 403 to answer with. */
export async function refuseCrossSite(req: Request): Promise<NextResponse | null> {
  const origin = req.headers.get('origin');
  const reason = checkRequestOrigin({
    method: req.method,
    origin,
    secFetchSite: req.headers.get('sec-fetch-site'),
    appOrigin: appOriginOf(req.headers),
  });
  if (!reason) return null;
  try {
    // Whose browser was sent the forged request, when it carried a session: the record is about them.
    const actor = await getSessionUser().catch(() => null);
    await recordRefusal(undefined, {
      reason: 'origin',
      clientAddress: clientAddressOf(req.headers),
      actorId: actor?.id ?? null,
      username: actor?.username ?? null,
      role: actor?.role,
      departmentId: actor?.departmentId ?? null,
      method: req.method,
      path: new URL(req.url).pathname,
      detail: { check: reason, origin: origin?.slice(0, 200) ?? null },
    });
  } catch (error) {
    // The refusal stands even when it cannot be recorded (database down): never let the request through.
    console.error('[security] could not record an origin refusal', error);
  }
  const error = new AppError('forbidden', ORIGIN_REFUSED_MESSAGE);
  return NextResponse.json(error.toJSON(), { status: 403 });
}
