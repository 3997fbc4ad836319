// GET/POST /api/auth/* — next-auth: sign-in with credentials, session, sign-out.
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth v4 types only its pages-router signature; at run time it recognises the App Router context.
async function handler(req: Request, context: Context) {
  return NextAuth(req as never, context as never, await getAuthOptions());
}

export { handler as GET, handler as POST };
