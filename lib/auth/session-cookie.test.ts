import { decode, encode } from 'next-auth/jwt';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const SECRET = 'session-cookie-test-secret-0123456789abcdef';
const jar = new Map<string, { value: string; options?: Record<string, unknown> }>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)?.value ?? '' } : undefined),
    set: (name: string, value: string, options?: Record<string, unknown>) => jar.set(name, { value, options }),
  }),
}));
vi.mock('../session/options', () => ({ getAuthOptions: async () => ({ secret: SECRET }) }));

describe('reissueSessionVersion (the session that changed the password stays open)', () => {
  beforeEach(() => jar.clear());

  it('rewrites the session cookie with the new version, keeping the user and the sign-in time', async () => {
    const { reissueSessionVersion } = await import('./session-cookie');
    const token = await encode({ token: { uid: 7, sv: 3, authTime: 1_700_000_000 }, secret: SECRET });
    jar.set('next-auth.session-token', { value: token });
    expect(await reissueSessionVersion(4)).toBe(true);
    const written = jar.get('next-auth.session-token');
    expect(written?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure: false });
    const decoded = await decode({ token: written?.value ?? '', secret: SECRET });
    expect(decoded).toMatchObject({ uid: 7, sv: 4, authTime: 1_700_000_000 });
  });

  it('keeps the __Secure- cookie secure, and does nothing without a valid session cookie', async () => {
    const { reissueSessionVersion } = await import('./session-cookie');
    jar.set('__Secure-next-auth.session-token', {
      value: await encode({ token: { uid: 1, sv: 1, authTime: 1 }, secret: SECRET }),
    });
    expect(await reissueSessionVersion(2)).toBe(true);
    expect(jar.get('__Secure-next-auth.session-token')?.options).toMatchObject({ secure: true });
    jar.clear();
    expect(await reissueSessionVersion(2)).toBe(false);
    jar.set('next-auth.session-token', { value: 'forged' });
    expect(await reissueSessionVersion(2)).toBe(false);
    expect(jar.get('next-auth.session-token')?.value).toBe('forged');
  });
});
