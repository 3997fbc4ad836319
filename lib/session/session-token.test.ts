import { decode, encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';

const SECRET = 'session-token-test-secret-0123456789abcdef';
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));
vi.mock('@/lib/auth/secret', () => ({ getAuthSecret: async () => SECRET }));
const decodes = vi.hoisted(() => ({ count: 0 }));
vi.mock('next-auth/jwt', async (importOriginal) => {
  const original = await importOriginal<typeof import('next-auth/jwt')>();
  return {
    ...original,
    decode: (params: Parameters<typeof original.decode>[0]) => {
      decodes.count += 1;
      return original.decode(params);
    },
  };
});

const { currentSessionClaims, keptTokenCount, MAX_KEPT_TOKENS, sessionClaimsOf } = await import('./session-token');

const NOW = Date.now();
const token = (claims: Record<string, unknown>, maxAge = 3600, secret = SECRET) =>
  encode({ token: { name: '测试', ...claims }, secret, maxAge });

afterEach(() => {
  jar.clear();
  vi.unstubAllEnvs();
});

describe('sessionClaimsOf (the claims of a session token)', () => {
  it("reads the user, the session version and the sign-in time next-auth's sign-in wrote", async () => {
    expect(await sessionClaimsOf(await token({ uid: 7, sv: 3, authTime: 1_700_000_000 }), NOW)).toEqual({
      uid: 7,
      sv: 3,
      at: 1_700_000_000,
    });
  });

  it('decrypts a token once and answers from what it kept after that', async () => {
    const value = await token({ uid: 8, sv: 1, authTime: 1 });
    const before = decodes.count;
    const first = await sessionClaimsOf(value, NOW);
    expect(await sessionClaimsOf(value, NOW + 60_000)).toEqual(first);
    expect(decodes.count - before).toBe(1);
  });

  it('refuses an expired token, whether decrypted now or kept from before (15 s of clock tolerance, as next-auth)', async () => {
    const value = await token({ uid: 9, sv: 1, authTime: 1 }, 60);
    // The token's own expiry: encode stamps it from the clock when it runs, which a loaded machine can put a second
    // past NOW.
    const exp = Number((await decode({ token: value, secret: SECRET }))?.exp);
    expect(exp).toBeGreaterThanOrEqual(Math.floor(NOW / 1000) + 60);
    expect(await sessionClaimsOf(value, NOW)).not.toBeNull();
    expect(await sessionClaimsOf(value, (exp + 14) * 1000)).not.toBeNull();
    expect(await sessionClaimsOf(value, (exp + 15) * 1000)).toBeNull();
    // Gone from the kept tokens: an earlier clock does not bring it back without decrypting again.
    const before = decodes.count;
    await sessionClaimsOf(value, NOW);
    expect(decodes.count - before).toBe(1);
    const stale = await token({ uid: 10, sv: 1, authTime: 1 }, 60);
    expect(await sessionClaimsOf(stale, (exp + 120) * 1000)).toBeNull();
  });

  it('refuses a token of another secret, a forged or an empty one, and keeps none of them', async () => {
    const kept = keptTokenCount();
    expect(
      await sessionClaimsOf(await token({ uid: 1, sv: 1, authTime: 1 }, 3600, 'another-secret-0123456789abcdef'), NOW),
    ).toBeNull();
    expect(await sessionClaimsOf('forged.token.of.five.parts', NOW)).toBeNull();
    expect(await sessionClaimsOf('', NOW)).toBeNull();
    expect(await sessionClaimsOf(undefined, NOW)).toBeNull();
    expect(keptTokenCount()).toBe(kept);
  });

  it(`keeps at most ${MAX_KEPT_TOKENS} tokens, dropping the oldest`, async () => {
    const first = await token({ uid: 100, sv: 1, authTime: 1 });
    await sessionClaimsOf(first, NOW);
    for (let i = 0; i < MAX_KEPT_TOKENS; i += 1)
      await sessionClaimsOf(await token({ uid: 1000 + i, sv: 1, authTime: 1 }), NOW);
    expect(keptTokenCount()).toBe(MAX_KEPT_TOKENS);
    const before = decodes.count;
    expect(await sessionClaimsOf(first, NOW)).toMatchObject({ uid: 100 });
    expect(decodes.count - before).toBe(1);
  });
});

describe('currentSessionClaims (the session cookie of this request)', () => {
  it('reads the plain cookie over HTTP and the __Secure- one over HTTPS or when NEXTAUTH_URL is https', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://zhuashou.test');
    jar.set('next-auth.session-token', await token({ uid: 21, sv: 1, authTime: 1 }));
    jar.set('__Secure-next-auth.session-token', await token({ uid: 22, sv: 1, authTime: 1 }));
    expect(await currentSessionClaims(false)).toMatchObject({ uid: 21 });
    expect(await currentSessionClaims(true)).toMatchObject({ uid: 22 });
    vi.stubEnv('NEXTAUTH_URL', 'https://zhuashou.test');
    expect(await currentSessionClaims(false)).toMatchObject({ uid: 22 });
    jar.clear();
    expect(await currentSessionClaims(false)).toBeNull();
  });
});
