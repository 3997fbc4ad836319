import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { createTotpSecret, matchTotpStep, verifySecondFactor } from './totp';

const now = new Date('2026-11-30T08:00:10Z');
const codeAt = (secret: string, at: Date) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });

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
    const user = { totpSecret: secret, recoveryCodes: [], totpLastStep: null as number | null };
    const first = verifySecondFactor(user, codeAt(secret, now), now);
    expect(first).toMatchObject({ ok: true, step });
    expect(verifySecondFactor({ ...user, totpLastStep: step }, codeAt(secret, now), now).ok).toBe(false);
    const next = new Date(now.getTime() + 30_000);
    expect(verifySecondFactor({ ...user, totpLastStep: step }, codeAt(secret, next), next).ok).toBe(true);
  });
});
