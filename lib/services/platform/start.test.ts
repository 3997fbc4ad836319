import { afterEach, describe, expect, it, vi } from 'vitest';

const bootstrap = vi.fn(async () => {});
vi.mock('./bootstrap', () => ({ bootstrap }));
const startReminderWorker = vi.fn();
vi.mock('@/lib/services/reminders/worker', () => ({ startReminderWorker }));

describe('startServer', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    bootstrap.mockClear();
    startReminderWorker.mockClear();
  });

  it('refuses to start in production on PostgreSQL without AUTH_SECRET: exit code 2, a clear message, nothing prepared', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DATABASE_URL', 'postgres://app@127.0.0.1:1/none');
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { startServer } = await import('./start');
    await startServer();
    expect(exit).toHaveBeenCalledWith(2);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(
      /refusing to start: AUTH_SECRET is not set.*openssl rand -base64 32/,
    );
    expect(bootstrap).not.toHaveBeenCalled();
  });

  it('starts with AUTH_SECRET set', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DATABASE_URL', 'postgres://app@127.0.0.1:1/none');
    vi.stubEnv('AUTH_SECRET', 'k'.repeat(44));
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const { startServer } = await import('./start');
    await startServer();
    expect(exit).not.toHaveBeenCalled();
    expect(bootstrap).toHaveBeenCalledTimes(1);
    expect(startReminderWorker).toHaveBeenCalledWith(60_000);
  });

  it('does not start the reminder worker with REMINDER_WORKER=0', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DATABASE_URL', 'postgres://app@127.0.0.1:1/none');
    vi.stubEnv('AUTH_SECRET', 'k'.repeat(44));
    vi.stubEnv('REMINDER_WORKER', '0');
    vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { startServer } = await import('./start');
    await startServer();
    expect(startReminderWorker).not.toHaveBeenCalled();
  });
});
