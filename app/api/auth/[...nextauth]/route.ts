// GET/POST /api/auth/* — next-auth: sign-in with credentials, session, sign-out.
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';
import { refuseCrossSite } from '@/lib/http/origin-guard';
import { isSecureRequest } from '@/lib/http/request-facts';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth v4 types only its pages-router signature; at run time it recognises the App Router context.
// Its own CSRF token (double-submit cookie, `__Host-` over HTTPS) guards sign-in and sign-out; the origin check
// of every other write runs here too, so a login CSRF from a sibling subdomain is refused before it.
async function handler(req: Request, context: Context) {
  const refused = await refuseCrossSite(req);
  if (refused) return refused;
  return NextAuth(req as never, context as never, await getAuthOptions({ secure: isSecureRequest(req.headers) }));
}

export { handler as GET, handler as POST };
