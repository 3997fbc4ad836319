import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decryptWithKeys,
  deriveDataKey,
  encryptWithKey,
  isEncryptedValue,
  needsReseal,
  openSecret,
  sealSecret,
} from './data-key';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('encryption at rest (AES-256-GCM, HKDF-SHA256 key)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('stores v1:<iv>:<ciphertext+tag> in base64url, never the plain secret, and reads it back', () => {
    const key = deriveDataKey('a-long-enough-auth-secret-for-the-tests-0001');
    const stored = encryptWithKey(key, SECRET);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(SECRET);
    expect(isEncryptedValue(stored)).toBe(true);
    expect(decryptWithKeys([key], stored)).toBe(SECRET);
    // A fresh IV each time.
    expect(encryptWithKey(key, SECRET)).not.toBe(stored);
  });

  it('refuses a wrong key and a tampered value (the tag authenticates)', () => {
    const key = deriveDataKey('key-one-key-one-key-one-key-one-1');
    const stored = encryptWithKey(key, SECRET);
    expect(() => decryptWithKeys([deriveDataKey('key-two-key-two-key-two-key-two-2')], stored)).toThrow();
    // Flip one bit of the ciphertext and, separately, one of the tag: both must be refused.
    const [prefix, iv, bodyText] = stored.split(':');
    for (const at of [0, -1]) {
      const body = Buffer.from(bodyText ?? '', 'base64url');
      const index = at < 0 ? body.length + at : at;
      body.writeUInt8((body.readUInt8(index) ^ 0x01) & 0xff, index);
      const tampered = `${prefix}:${iv}:${body.toString('base64url')}`;
      expect(tampered).not.toBe(stored);
      expect(() => decryptWithKeys([key], tampered)).toThrow();
    }
  });

  it('reads a legacy plain secret as is', () => {
    expect(decryptWithKeys([deriveDataKey('k')], SECRET)).toBe(SECRET);
  });

  it('uses DATA_KEY when set, and still reads values sealed under AUTH_SECRET until they are resealed', async () => {
    vi.stubEnv('AUTH_SECRET', 'auth-secret-auth-secret-auth-secret-123');
    vi.stubEnv('DATA_KEY', '');
    const underAuth = await sealSecret(SECRET);
    vi.stubEnv('DATA_KEY', 'data-key-data-key-data-key-data-key-456');
    expect(await openSecret(underAuth)).toBe(SECRET);
    expect(await needsReseal(underAuth)).toBe(true);
    const underData = await sealSecret(SECRET);
    expect(await needsReseal(underData)).toBe(false);
    expect(() => decryptWithKeys([deriveDataKey('auth-secret-auth-secret-auth-secret-123')], underData)).toThrow();
    expect(await needsReseal(SECRET)).toBe(true);
  });
});
