/** Second factor: TOTP (RFC 6238, 6 digits, 30 s, SHA-1 — what authenticator apps use) and recovery codes. */
import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

const ISSUER = '抓手平台';

export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

/** The otpauth:// URI an authenticator app scans (as a QR code). */
export function totpUri(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

const STEP_MS = 30_000;

/** The time step of the code when `code` is valid now (one step of clock drift either way), else null. */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / STEP_MS) + delta;
}

/** True when `code` is valid now (one step of clock drift either way). */
export function verifyTotp(secretBase32: string, code: string, now: Date): boolean {
  return matchTotpStep(secretBase32, code, now) !== null;
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
}

/** Ten one-time recovery codes (shown once) and their hashes (stored). */
export function createRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => {
    const raw = randomBytes(5).toString('hex').toUpperCase();
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** A TOTP code (not one already used: its step must be newer than the last accepted) or a recovery code. */
export function verifySecondFactor(
  user: { totpSecret: string | null; recoveryCodes: string[]; totpLastStep?: number | null },
  code: string,
  now: Date,
): { ok: boolean; usedRecoveryCode: boolean; remainingRecoveryCodes: string[]; step?: number } {
  const step = user.totpSecret ? matchTotpStep(user.totpSecret, code, now) : null;
  if (step !== null) {
    const replayed = user.totpLastStep !== null && user.totpLastStep !== undefined && step <= user.totpLastStep;
    return { ok: !replayed, usedRecoveryCode: false, remainingRecoveryCodes: user.recoveryCodes, step };
  }
  const hashed = hashRecoveryCode(code);
  if (user.recoveryCodes.includes(hashed)) {
    return { ok: true, usedRecoveryCode: true, remainingRecoveryCodes: user.recoveryCodes.filter((h) => h !== hashed) };
  }
  return { ok: false, usedRecoveryCode: false, remainingRecoveryCodes: user.recoveryCodes };
}
