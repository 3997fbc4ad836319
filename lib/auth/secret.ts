/**
 * The JWT signing secret: AUTH_SECRET when set. Without it, in production on PostgreSQL the server refuses
 * to start (checked at start, `secretConfigurationError`); elsewhere one is generated once and kept in a
 * 0600 file beside the data folder. It is never stored in the database: whoever reads a backup or the
 * settings table must not be able to forge a session (issue 12, finding 1).
 */
import { serverEnv, type ServerEnv } from '@/lib/env';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The shortest AUTH_SECRET accepted in production (`openssl rand -base64 32` gives 44 characters). */
export const MIN_SECRET_LENGTH = 32;

const HOW_TO =
  'Create one with `openssl rand -base64 32` and set it in the environment of every instance (AUTH_SECRET=…).';

/**
 * Why this environment cannot run (an English message for the operator's log), or null when it can:
 * production on PostgreSQL needs AUTH_SECRET of at least 32 characters.
 */
export function secretConfigurationError(env: ServerEnv = serverEnv()): string | null {
  if (!env.production || !env.databaseUrl) return null;
  const secret = env.authSecret;
  if (!secret) {
    return `AUTH_SECRET is not set. In production on PostgreSQL (DATABASE_URL is set) the session signing secret must come from the environment; the server will not start without it. ${HOW_TO}`;
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    return `AUTH_SECRET is too short (${secret.length} characters, at least ${MIN_SECRET_LENGTH} required). ${HOW_TO}`;
  }
  return null;
}

/** Where the generated secret of the embedded engine lives: `<PGLITE_DIR>.secret`. */
export function secretFilePath(env: ServerEnv = serverEnv()): string {
  const dir = env.pgliteDir ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '.data');
  return `${path.resolve(/*turbopackIgnore: true*/ dir)}.secret`;
}

/**
 * Reads (or creates) the secret file, owner-only. A file readable by group or others (copied, restored
 * from an archive) is narrowed to 0600 before use; one that cannot be narrowed is refused.
 */
export function readOrCreateSecretFile(file: string): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64');
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      fd = fs.openSync(file, 'r'); // another process created it first
    }
  }
  try {
    if ((fs.fstatSync(fd).mode & 0o077) !== 0) {
      try {
        fs.fchmodSync(fd, 0o600);
      } catch {
        throw new Error(`${file} is readable by other users and its mode cannot be changed: make it 0600 (chmod 600).`);
      }
      console.warn(`[zhuashou] ${file} was readable by other users; its mode is now 0600.`);
    }
    const secret = fs.readFileSync(fd, 'utf8').trim();
    if (secret.length < MIN_SECRET_LENGTH)
      throw new Error(`${file} holds no usable secret: delete it to make a new one.`);
    return secret;
  } finally {
    fs.closeSync(fd);
  }
}

let cached: { file: string; secret: string } | undefined;

/** The signing secret (see the module comment); throws where production requires AUTH_SECRET. */
export function getAuthSecret(): Promise<string> {
  const fromEnv = serverEnv().authSecret;
  if (fromEnv) return Promise.resolve(fromEnv);
  const problem = secretConfigurationError();
  if (problem) return Promise.reject(new Error(problem));
  try {
    const file = secretFilePath();
    if (cached?.file !== file) cached = { file, secret: readOrCreateSecretFile(file) };
    return Promise.resolve(cached.secret);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
