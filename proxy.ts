// Every page request: the Content-Security-Policy (a fresh script nonce per page), HSTS over HTTPS through a
// trusted proxy, and a redirect of signed-out visitors to /login. API answers get their fixed policy from
// next.config.mjs instead: a proxy in front of a route handler would buffer its body (uploads of 10 MB). The redirect is NOT the
// security check: every page, route handler and service checks the session and the permission itself
// (CVE-2025-29927 showed why).
//
// One exception, for speed: the overview's document is served from a rendering shared by its reader's scope
// (lib/server-http/overview-cache.ts). That path makes the page's own session check (sessionUserOf) before it
// serves anything, and every other case — no session, a revoked one, a page that redirects — goes to Next as before.
import { serverEnv } from '@/lib/env';
import { NextResponse, type NextRequest } from 'next/server';
import { HSTS_VALUE, pageCsp } from '@/lib/server-http/csp';
import { isSecureRequest } from '@/lib/server-http/request-facts';
import { SHARED_RENDER_HEADER, sharedOverview, standIns } from '@/lib/server-http/shared-render';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
const PUBLIC_PAGES = ['/login', '/favicon.ico', '/icon.svg'];

function withSecurityHeaders(response: NextResponse, csp: string, secure: boolean): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  if (secure) response.headers.set('Strict-Transport-Security', HSTS_VALUE);
  return response;
}

export async function proxy(request: NextRequest) {
  const env = serverEnv();
  const secure = isSecureRequest(request.headers);
  const { pathname } = request.nextUrl;

  // The overview's shared render (this process asking itself, see below) gets the stand-in nonce it is stored with.
  const shared = request.headers.get(SHARED_RENDER_HEADER) === standIns().token;
  const nonce = shared ? standIns().nonce : Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = pageCsp({ nonce, development: env.development, secure });

  // The access-matrix test runs with the redirect switched off to show that no check depends on it.
  const redirectOff = env.proxyDisabled;
  const isPublic = PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!redirectOff && !isPublic && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = '';
    const next = request.nextUrl.pathname + request.nextUrl.search;
    if (next !== '/') url.searchParams.set('callbackUrl', next);
    return withSecurityHeaders(NextResponse.redirect(url), csp, secure);
  }

  if (!redirectOff && !shared) {
    // A failure here (the database) is the page's to report: Next renders it as before.
    const served = await sharedOverview(request, nonce, secure).catch(() => null);
    if (served) {
      const response = new NextResponse(served.body, { status: 200, headers: served.headers });
      response.headers.set('x-zhuashou-render', served.outcome);
      return withSecurityHeaders(response, csp, secure);
    }
  }

  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders (pages render
  // dynamically: app/layout.tsx); x-nonce is there for any script of our own.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // Believed by the page only from this process's own shared render: never passed on from a client.
  if (!shared) requestHeaders.delete(SHARED_RENDER_HEADER);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, secure);
}

export const config = {
  // Everything but the API (see above) and the build's static files (hashed JS/CSS and optimised images).
  matcher: ['/((?!api/|_next/static/|_next/image).*)'],
};
