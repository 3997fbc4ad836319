/** The JWT signing secret: AUTH_SECRET, or on the embedded default one generated once and kept beside the data. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function resolveAuthSecret(): string {
  const fromEnv = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (process.env.DATABASE_URL && process.env.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET must be set when running against PostgreSQL in production (openssl rand -base64 32).');
  }
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
