import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEnv, serverEnv } from './env';

describe('the server configuration', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('keeps the defaults of the variables it names', () => {
    const env = readEnv({});
    expect(env.port).toBe('3000');
    expect(env.logLevel).toBe('info');
    expect(env.databaseUrl).toBeUndefined();
    expect(env.databasePoolSize).toBe(10);
    expect(env.demoAccounts).toBe(true);
    expect(env.seedSample).toBe(false);
    expect(env.proxyDisabled).toBe(false);
    expect(readEnv({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  });

  it('treats an empty secret, database URL or origin as unset, and AUTH_SECRET before NEXTAUTH_SECRET', () => {
    const env = readEnv({
      DATABASE_URL: '',
      DATABASE_OWNER_URL: 'postgres://owner@x/db',
      AUTH_SECRET: '',
      NEXTAUTH_SECRET: 'n',
      APP_ORIGIN: '',
    });
    expect(env.databaseUrl).toBeUndefined();
    expect(env.databaseOwnerUrl).toBeUndefined();
    expect(env.authSecret).toBe('n');
    expect(env.appOrigin).toBeUndefined();
    expect(readEnv({ AUTH_SECRET: 'a', NEXTAUTH_SECRET: 'n' }).authSecret).toBe('a');
  });

  it('runs the reminder worker by default, not under the test runner unless REMINDER_WORKER=1, never with 0', () => {
    expect(readEnv({}).reminderWorker).toBe(true);
    expect(readEnv({ NODE_ENV: 'production' }).reminderWorker).toBe(true);
    expect(readEnv({ NODE_ENV: 'test' }).reminderWorker).toBe(false);
    expect(readEnv({ NODE_ENV: 'test', REMINDER_WORKER: '1' }).reminderWorker).toBe(true);
    expect(readEnv({ REMINDER_WORKER: '0' }).reminderWorker).toBe(false);
    expect(readEnv({}).reminderIntervalMs).toBe(60_000);
    expect(readEnv({ REMINDER_INTERVAL_MS: '5000' }).reminderIntervalMs).toBe(5000);
    expect(readEnv({ REMINDER_INTERVAL_MS: '10' }).reminderIntervalMs).toBe(1000);
    expect(readEnv({ REMINDER_INTERVAL_MS: 'x' }).reminderIntervalMs).toBe(60_000);
  });

  it('follows the process environment when it changes (tests stub variables at run time)', () => {
    vi.stubEnv('EXPORT_MAX_ROWS', '7');
    expect(serverEnv().exportMaxRows).toBe('7');
    vi.stubEnv('EXPORT_MAX_ROWS', '8');
    expect(serverEnv().exportMaxRows).toBe('8');
    expect(serverEnv()).toBe(serverEnv());
  });
});
