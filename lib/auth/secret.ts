/**
 * The JWT signing secret: AUTH_SECRET when set; otherwise one generated once and kept where every instance
 * finds it — beside the data folder on the embedded engine, in the settings table on PostgreSQL (so several
 * instances behind a load balancer agree without configuration).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getDb } from '@/db/client';
import { getOrCreateSecretSetting } from '@/db/queries/settings';

let cached: Promise<string> | undefined;

function fileSecret(): string {
  const dir = process.env.PGLITE_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), '.data');
  const file = `${path.resolve(/*turbopackIgnore: true*/ dir)}.secret`;
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}

export function getAuthSecret(): Promise<string> {
  const fromEnv = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (fromEnv) return Promise.resolve(fromEnv);
  if (!process.env.DATABASE_URL) return Promise.resolve(fileSecret());
  cached ??= getDb()
    .then((db) => getOrCreateSecretSetting(db, 'auth.secret', randomBytes(32).toString('base64')))
    .catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
  return cached;
}
