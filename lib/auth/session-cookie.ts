/**
 * Re-issues the current request's session token with a new session version. A password change moves the
 * user's session version on, which ends every session at its next request; the session that made the
 * change gets its token rewritten here (same cookie, same sign-in time, new version) and so stays open.
 * Route handlers only: it writes the response's cookies through next/headers.
 */
import { cookies } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { getAuthOptions } from '../session/options';
import { IDLE_TIMEOUT_SECONDS } from './session-policy';

const DEFAULT_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** Rewrites the session cookie this request carries with `sessionVersion`; false when there was none to rewrite. */
export async function reissueSessionVersion(sessionVersion: number): Promise<boolean> {
  const options = await getAuthOptions();
  const secret = typeof options.secret === 'string' ? options.secret : '';
  const configured = options.cookies?.sessionToken;
  const jar = await cookies();
  for (const name of [configured?.name, ...DEFAULT_NAMES]) {
    if (!name) continue;
    const raw = jar.get(name)?.value;
    if (!raw) continue;
    const token = await decode({ token: raw, secret }).catch(() => null);
    if (!token) return false; // not a token of ours: nothing to carry over
    const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge: IDLE_TIMEOUT_SECONDS });
    jar.set(name, value, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: name.startsWith('__Secure-') || name.startsWith('__Host-'),
      ...(configured?.name === name ? configured.options : {}),
      maxAge: IDLE_TIMEOUT_SECONDS,
    });
    return true;
  }
  return false;
}
