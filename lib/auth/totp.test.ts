import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  createRecoveryCodes,
  createTotpSecret,
  matchRecoveryCode,
  matchTotpStep,
  normalizeRecoveryCode,
  verifyTotpCode,
} from './totp';

const now = new Date('2026-11-30T08:00:10Z');
const codeAt = (secret: string, at: Date) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp: at.getTime(),
  });

describe('TOTP second factor', () => {
  const secret = createTotpSecret();
  const step = Math.floor(now.getTime() / 30_000);

  it('accepts the current code and names its step; one step of drift either way', () => {
    expect(matchTotpStep(secret, codeAt(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, codeAt(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(secret, new Date(now.getTime() - 90_000)), now)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', now)).toBeNull();
  });

  it('refuses a code that was already used (RFC 6238 §5.2): its step is not newer than the last accepted', () => {
    const user = { totpSecret: secret, totpLastStep: null as number | null };
    const first = verifyTotpCode(user, codeAt(secret, now), now);
    expect(first).toMatchObject({ ok: true, step });
    expect(verifyTotpCode({ ...user, totpLastStep: step }, codeAt(secret, now), now).ok).toBe(false);
    const next = new Date(now.getTime() + 30_000);
    expect(verifyTotpCode({ ...user, totpLastStep: step }, codeAt(secret, next), next).ok).toBe(true);
  });
});

describe('recovery codes', () => {
  it('are 16 base32 characters (80 bits) in four groups, all different, hashed with salted argon2id', async () => {
    const { codes, hashes } = await createRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    // 16 symbols of a 32-letter alphabet: 16 × 5 = 80 bits.
    expect(normalizeRecoveryCode(codes[0] ?? '')).toHaveLength(16);
    for (const hash of hashes) expect(hash).toMatch(/^\$argon2id\$v=19\$m=4096,t=1,p=1\$/);
    // Salted: the same code hashed twice gives two different strings.
    const again = await createRecoveryCodes();
    expect(again.hashes.some((h) => hashes.includes(h))).toBe(false);
  });

  it('match as typed (lower case, spaces, no dashes, 0/1/8 for O/I/B) and name the stored hash they match', async () => {
    const { codes, hashes } = await createRecoveryCodes();
    const code = codes[3] ?? '';
    expect(await matchRecoveryCode(hashes, code)).toBe(hashes[3]);
    expect(await matchRecoveryCode(hashes, ` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(hashes[3]);
    expect(await matchRecoveryCode(hashes, code.replace(/-/g, '').replace(/O/g, '0').replace(/I/g, '1'))).toBe(
      hashes[3],
    );
    expect(await matchRecoveryCode(hashes, 'AAAA-BBBB-CCCC-DDDD')).toBeNull();
    expect(await matchRecoveryCode(hashes, '123456')).toBeNull();
  });

  it('never accept the unsalted SHA-256 hashes of the earlier 40-bit codes', async () => {
    const { createHash } = await import('node:crypto');
    const legacy = createHash('sha256').update('ABCDEFGHIJKLMNOP').digest('hex');
    expect(await matchRecoveryCode([legacy], 'ABCD-EFGH-IJKL-MNOP')).toBeNull();
  });

  it('verify ten codes in well under a second (the light parameters)', async () => {
    const { hashes } = await createRecoveryCodes();
    const started = performance.now();
    expect(await matchRecoveryCode(hashes, 'AAAA-BBBB-CCCC-DDDD')).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
