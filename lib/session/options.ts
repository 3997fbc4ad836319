/**
 * next-auth configuration: Credentials sign-in (username + password [+ TOTP]) and a JWT session carrying
 * the user id and session version. The JWT is only a pointer: every request re-reads the user
 * (lib/session/session.ts), so disabling, a role change or a reset takes effect at once.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authenticate } from '@/lib/services/account/sign-in';
import { clientAddressOf, recordHeaders } from '@/lib/server-http/request-facts';
import { safeCallbackPath } from '@/lib/domain/safe-redirect';
import { getAuthSecret } from '../auth/secret';
import { IDLE_TIMEOUT_SECONDS } from '../auth/session-policy';

const baseOptions: Omit<NextAuthOptions, 'secret'> = {
  session: { strategy: 'jwt', maxAge: IDLE_TIMEOUT_SECONDS, updateAge: 0 },
  jwt: { maxAge: IDLE_TIMEOUT_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'credentials',
      credentials: {
        username: { label: '用户名', type: 'text' },
        password: { label: '密码', type: 'password' },
        totp: { label: '动态验证码', type: 'text' },
      },
      async authorize(credentials, req) {
        const headers = (req?.headers ?? {}) as Record<string, string | string[] | undefined>;
        // The address the nearest trusted proxy saw (TRUSTED_PROXIES), not what the client wrote.
        const address = clientAddressOf(recordHeaders(headers));
        const user = await authenticate({
          username: credentials?.username ?? '',
          password: credentials?.password ?? '',
          totp: credentials?.totp ?? '',
          clientAddress: address,
        });
        // authenticate() throws a SignInError whose message (a code) next-auth passes back to the form.
        return { id: String(user.id), name: user.displayName, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // After sign-in (and sign-out), never leave the site: see lib/domain/safe-redirect.ts.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.authTime = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv, at: token.authTime };
    },
  },
};

let options: Promise<NextAuthOptions> | undefined;

/**
 * The options with the signing secret (resolved once per process; see lib/auth/secret.ts). `secure`: the
 * browser reached the app over HTTPS through a trusted proxy (lib/server-http/request-facts.ts isSecureRequest), so
 * the cookies are `__Secure-`/`__Host-` and Secure; otherwise next-auth decides from NEXTAUTH_URL as before.
 */
export async function getAuthOptions({ secure = false }: { secure?: boolean } = {}): Promise<NextAuthOptions> {
  options ??= getAuthSecret()
    .then((secret) => ({ ...baseOptions, secret }))
    .catch((error: unknown) => {
      options = undefined;
      throw error;
    });
  const resolved = await options;
  return secure ? { ...resolved, useSecureCookies: true } : resolved;
}
