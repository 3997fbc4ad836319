/**
 * The session cookie and the claims of its token: the one reader of a session cookie, for pages and route
 * handlers (lib/session/session.ts) and for the shared overview (lib/server-http/overview-cache.ts).
 *
 * The token is next-auth's encrypted JWT (A256GCM, its key derived from the secret by HKDF). next-auth's
 * getServerSession derived that key, decrypted the token and then encrypted a fresh one to set as a cookie,
 * which a route handler or a page cannot set and so threw away: 1.5 ms of a cached answer's 4.5 ms on this
 * machine, and up to 8 ms at p95 (the HKDF runs in libuv's thread pool). A token's claims never change, so
 * each token is decrypted once and its claims kept until it expires. Only a token that decrypted with our
 * secret is kept; whether it still stands for its user (the session version, the lifetime, a disabled
 * account) is checked against the database on every request, as before (sessionUserOf).
 */
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { getAuthSecret } from '@/lib/auth/secret';
import { serverEnv } from '@/lib/env';

export const SESSION_COOKIE = 'next-auth.session-token';
export const SECURE_SESSION_COOKIE = '__Secure-next-auth.session-token';

/** What a session's JWT names: the user, the session version it was issued with, when they signed in. */
export interface SessionClaims {
  uid?: unknown;
  sv?: unknown;
  at?: unknown;
}

/** Tokens kept decrypted: one per signed-in browser; each entry is a few hundred bytes. */
export const MAX_KEPT_TOKENS = 2000;
/** next-auth's decode accepts a token up to 15 s past its expiry (jose's clockTolerance); so does a kept one. */
const CLOCK_TOLERANCE_SECONDS = 15;

interface Kept {
  claims: SessionClaims;
  /** The token's `exp`, in seconds since the epoch. */
  exp: number;
}

const kept = new Map<string, Kept>();

/** The cookie next-auth keeps the session in: the `__Secure-` one over HTTPS (this request's, or NEXTAUTH_URL's). */
export function sessionCookieName(secure: boolean): string {
  return secure || serverEnv().secureSessionCookie ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/**
 * The claims of a session token, or null when there is none, it was not made with our secret, is malformed or
 * has expired. `nowMs` is for tests.
 */
export async function sessionClaimsOf(token: string | undefined, nowMs = Date.now()): Promise<SessionClaims | null> {
  if (!token) return null;
  const nowSeconds = nowMs / 1000;
  const held = kept.get(token);
  if (held) {
    if (held.exp > nowSeconds - CLOCK_TOLERANCE_SECONDS) return held.claims;
    kept.delete(token);
    return null;
  }
  const payload = await decode({ token, secret: await getAuthSecret() }).catch(() => null);
  if (!payload || typeof payload.exp !== 'number') return null;
  if (payload.exp <= nowSeconds - CLOCK_TOLERANCE_SECONDS) return null;
  const claims: SessionClaims = { uid: payload.uid, sv: payload.sv, at: payload.authTime };
  kept.set(token, { claims, exp: payload.exp });
  while (kept.size > MAX_KEPT_TOKENS) {
    const oldest = kept.keys().next().value;
    if (oldest === undefined) break;
    kept.delete(oldest);
  }
  return claims;
}

/** The claims of this request's session cookie (pages and route handlers), or null when signed out. */
export async function currentSessionClaims(secure: boolean): Promise<SessionClaims | null> {
  return sessionClaimsOf((await cookies()).get(sessionCookieName(secure))?.value);
}

/** How many tokens are kept (tests). */
export const keptTokenCount = () => kept.size;
