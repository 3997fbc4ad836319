// GET/POST /api/auth/* — next-auth: sign-in with credentials, session, sign-out.
import NextAuth from 'next-auth';
import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { getAuthOptions } from '@/lib/session/options';
import { AppError } from '@/lib/errors';
import { refuseCrossSite } from '@/lib/server-http/origin-guard';
import { isSecureRequest } from '@/lib/server-http/request-facts';

type Context = { params: Promise<{ nextauth: string[] }> };

const CALLBACK_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'];

/** next-auth's own test of a callback URL: an http(s) URL, or a path. Anything else makes it answer 500. */
function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? 'http://localhost' : undefined).protocol);
  } catch {
    return false;
  }
}

// next-auth v4 types only its pages-router signature; at run time it recognises the App Router context.
// Its own CSRF token (double-submit cookie, `__Host-` over HTTPS) guards sign-in and sign-out; the origin check
// of every other write runs here too, so a login CSRF from a sibling subdomain is refused before it.
async function handler(req: Request, context: Context) {
  const refused = await refuseCrossSite(req);
  if (refused) return refused;
  // A tampered callback URL (cookie or parameter) is the client's error, not the server's: next-auth would answer
  // 500. The cookie is dropped (and expired in the browser); the parameter is refused with a 400 naming it.
  const jar = await cookies();
  for (const name of CALLBACK_COOKIES) {
    const value = jar.get(name)?.value;
    if (value !== undefined && !isHttpUrl(value)) jar.delete(name);
  }
  const callbackUrl = new URL(req.url).searchParams.get('callbackUrl');
  if (callbackUrl !== null && !isHttpUrl(callbackUrl)) {
    const error = new AppError('invalid_input', '「callbackUrl」无效：应为本站的页面地址', {
      callbackUrl: ['应为本站的页面地址'],
    });
    return NextResponse.json(error.toJSON(), { status: 400 });
  }
  return NextAuth(req as never, context as never, await getAuthOptions({ secure: isSecureRequest(req.headers) }));
}

export { handler as GET, handler as POST };
