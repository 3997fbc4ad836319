/**
 * Encryption at rest of secrets the server must read back (TOTP seeds): AES-256-GCM under a key derived
 * with HKDF-SHA256 (fixed info label) from DATA_KEY when set, else from the signing secret (AUTH_SECRET or
 * the embedded engine's generated one). Stored as `v1:<iv>:<ciphertext‖tag>` (base64url), so a backup or a
 * copy of the table alone reveals nothing. A value without the prefix is a plain secret from before this
 * existed: it is still read, and re-encrypted (at start, and on its next use).
 *
 * Decryption tries the DATA_KEY key first and then the signing-secret key, so setting DATA_KEY later keeps
 * existing values readable until they are re-encrypted under it.
 */
import { serverEnv } from '@/lib/env';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { getAuthSecret } from './secret';

const PREFIX = 'v1';
const INFO = 'zhuashou/data-at-rest/v1';
const SALT = 'zhuashou';

/** A 32-byte AES key derived from key material (DATA_KEY or the signing secret). */
export function deriveDataKey(material: string): Buffer {
  if (!material) throw new Error('empty key material');
  return Buffer.from(hkdfSync('sha256', material, SALT, INFO, 32));
}

/** True when `stored` is in the encrypted format (whatever key). */
export function isEncryptedValue(stored: string): boolean {
  return stored.startsWith(`${PREFIX}:`);
}

/** Encrypts `plain` under `key` (fresh 96-bit IV each time). */
export function encryptWithKey(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}:${iv.toString('base64url')}:${body.toString('base64url')}`;
}

/** Decrypts with the first key that authenticates; a legacy plain value comes back as is; else throws. */
export function decryptWithKeys(keys: Buffer[], stored: string): string {
  if (!isEncryptedValue(stored)) return stored;
  const [, ivText, bodyText] = stored.split(':');
  const iv = Buffer.from(ivText ?? '', 'base64url');
  const body = Buffer.from(bodyText ?? '', 'base64url');
  if (iv.length !== 12 || body.length < 17) throw new Error('malformed encrypted value');
  for (const key of keys) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      // not this key: try the next
    }
  }
  throw new Error('encrypted value does not decrypt with DATA_KEY or AUTH_SECRET (was the key changed?)');
}

/** The keys of this environment: [encrypting key, …older keys still accepted for reading]. */
export async function getDataKeys(): Promise<Buffer[]> {
  const fromSecret = deriveDataKey(await getAuthSecret());
  const { dataKey } = serverEnv();
  return dataKey ? [deriveDataKey(dataKey), fromSecret] : [fromSecret];
}

/** Encrypts a secret for storage under this environment's key. */
export async function sealSecret(plain: string): Promise<string> {
  const [key] = await getDataKeys();
  if (!key) throw new Error('no data key');
  return encryptWithKey(key, plain);
}

/** The plain secret of a stored value (encrypted or legacy plain). */
export async function openSecret(stored: string): Promise<string> {
  return decryptWithKeys(await getDataKeys(), stored);
}

/** True when a stored value should be rewritten: plain, or encrypted under an older key than the current one. */
export async function needsReseal(stored: string): Promise<boolean> {
  if (!isEncryptedValue(stored)) return true;
  const [current] = await getDataKeys();
  if (!current) return false;
  try {
    decryptWithKeys([current], stored);
    return false;
  } catch {
    return true;
  }
}
