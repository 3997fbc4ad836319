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

/** True when `code` is valid now (one step of clock drift either way). */
export function verifyTotp(secretBase32: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(secretBase32, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
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

export function verifySecondFactor(
  user: { totpSecret: string | null; recoveryCodes: string[] },
  code: string,
  now: Date,
): { ok: boolean; usedRecoveryCode: boolean; remainingRecoveryCodes: string[] } {
  if (user.totpSecret && verifyTotp(user.totpSecret, code, now)) {
    return { ok: true, usedRecoveryCode: false, remainingRecoveryCodes: user.recoveryCodes };
  }
  const hashed = hashRecoveryCode(code);
  if (user.recoveryCodes.includes(hashed)) {
    return { ok: true, usedRecoveryCode: true, remainingRecoveryCodes: user.recoveryCodes.filter((h) => h !== hashed) };
  }
  return { ok: false, usedRecoveryCode: false, remainingRecoveryCodes: user.recoveryCodes };
}
