// Redirects signed-out visitors of pages to /login. It is NOT the security check: every page, route handler
// and service checks the session and the permission itself (CVE-2025-29927 showed why).
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export function proxy(request: NextRequest) {
  // The access-matrix test runs with the proxy switched off to show that no check depends on it.
  if (process.env.ZHUASHOU_PROXY_DISABLED === '1') return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = '';
  const next = request.nextUrl.pathname + request.nextUrl.search;
  if (next !== '/') url.searchParams.set('callbackUrl', next);
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: the API answers 401 itself, and login, auth and static assets stay public.
  matcher: ['/((?!api/|login|_next/|favicon.ico).*)'],
};
