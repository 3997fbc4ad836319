/** Second factor: TOTP (RFC 6238, 6 digits, 30 s, SHA-1 — what authenticator apps use) and recovery codes. */
import { randomBytes } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';

const ISSUER = '抓手平台';

export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
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

/**
 * Recovery codes: 16 characters of the RFC 4648 base32 alphabet (80 bits from the CSPRNG), shown in four
 * groups (`ABCD-EFGH-JKMN-PQRS`). Stored as salted argon2id hashes with lighter parameters than passwords
 * (4 MiB, 1 pass): an 80-bit random code cannot be guessed offline whatever the hash cost — the salt stops
 * precomputation and matching across users, and the cost only has to make a stolen table useless, not to
 * stretch a weak secret. Ten verifications then take a few tens of milliseconds, not a second.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const RECOVERY_CODE_LENGTH = 16;
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_HASH_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 4096, timeCost: 1, parallelism: 1 } as const;

/** The code as typed, canonical: separators and spaces removed, upper case, 0/1/8 read as O/I/B; null if not a code. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase().replace(/0/g, 'O').replace(/1/g, 'I').replace(/8/g, 'B');
  return code.length === RECOVERY_CODE_LENGTH && /^[A-Z2-7]+$/.test(code) ? code : null;
}

export function hashRecoveryCode(code: string): Promise<string> {
  return argon2Hash(normalizeRecoveryCode(code) ?? code, RECOVERY_HASH_OPTIONS);
}

function randomRecoveryCode(): string {
  const bytes = randomBytes(10); // 80 bits → 16 base32 characters of 5 bits each
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/** Ten one-time recovery codes (shown once) and their salted hashes (stored). */
export async function createRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, randomRecoveryCode);
  return { codes, hashes: await Promise.all(codes.map(hashRecoveryCode)) };
}

/** The stored hash `code` matches (to be consumed with a conditional update), or null. */
export async function matchRecoveryCode(hashes: string[], code: string): Promise<string | null> {
  const normalized = normalizeRecoveryCode(code);
  if (!normalized) return null;
  for (const stored of hashes) {
    if (!stored.startsWith('$argon2id$')) continue; // unsalted SHA-256 hashes of an earlier version are never accepted
    try {
      if (await argon2Verify(stored, normalized)) return stored;
    } catch {
      // a malformed stored hash matches nothing
    }
  }
  return null;
}

/** A TOTP code, and its time step; a used step (not newer than the last accepted) is refused. */
export function verifyTotpCode(
  user: { totpSecret: string | null; totpLastStep?: number | null },
  code: string,
  now: Date,
): { ok: boolean; step?: number } {
  const step = user.totpSecret ? matchTotpStep(user.totpSecret, code, now) : null;
  if (step === null) return { ok: false };
  const replayed = user.totpLastStep !== null && user.totpLastStep !== undefined && step <= user.totpLastStep;
  return { ok: !replayed, step };
}
