import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEnv } from '@/lib/env';
import { readOrCreateSecretFile, secretConfigurationError } from './secret';

const PG = 'postgres://app@db.internal/zhuashou';

describe('the signing secret', () => {
  afterEach(() => vi.restoreAllMocks());

  it('production on PostgreSQL without AUTH_SECRET cannot run, and the message says which variable and how to make one', () => {
    const problem = secretConfigurationError(readEnv({ NODE_ENV: 'production', DATABASE_URL: PG }));
    expect(problem).toMatch(/AUTH_SECRET is not set/);
    expect(problem).toContain('openssl rand -base64 32');
    expect(
      secretConfigurationError(readEnv({ NODE_ENV: 'production', DATABASE_URL: PG, AUTH_SECRET: 'short' })),
    ).toMatch(/too short/);
    expect(
      secretConfigurationError(readEnv({ NODE_ENV: 'production', DATABASE_URL: PG, AUTH_SECRET: 'x'.repeat(44) })),
    ).toBeNull();
  });

  it('the embedded default and development may run without it (a generated file secret)', () => {
    expect(secretConfigurationError(readEnv({ NODE_ENV: 'production' }))).toBeNull();
    expect(secretConfigurationError(readEnv({ NODE_ENV: 'development', DATABASE_URL: PG }))).toBeNull();
  });

  it('the generated file is created 0600, and one found readable by others is narrowed to 0600', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-secret-'));
    try {
      const file = path.join(dir, 'data.secret');
      const secret = readOrCreateSecretFile(file);
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(readOrCreateSecretFile(file)).toBe(secret);

      fs.chmodSync(file, 0o644);
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      expect(readOrCreateSecretFile(file)).toBe(secret);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
