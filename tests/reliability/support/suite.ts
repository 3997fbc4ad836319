/**
 * The setup every reliability suite shares: a throwaway database with its accounts (all signing in with one
 * password), made before the suite's tests, and after them the app instance still running ended and the database
 * dropped.
 */
import { afterAll, beforeAll } from 'vitest';
import { prepareDatabase, type PreparedDatabase, type TestAccount } from '@/scripts/lib/test-server';
import { startApp, type RunningApp } from '@/scripts/lib/test-app';

/** The password of every account a reliability suite makes. */
export const PASSWORD = 'Reliability-Pass#2026';

export interface ReliabilitySuite {
  /** The suite's database (set once its beforeAll has run). */
  db: PreparedDatabase;
  /** The app instance running on it, if any: a test sets it when it starts one and clears it once it ended it. */
  app: RunningApp | undefined;
  /** Starts the production build on the suite's database (with `env` added) at `port`, as the suite's `app`. */
  start(port: number, env?: Record<string, string>): Promise<RunningApp>;
  /** Stops the suite's `app` (SIGTERM, waiting for the exit) and clears it. */
  stop(): Promise<void>;
}

/**
 * Registers the suite's beforeAll and afterAll hooks. `ready` runs once the database is made (start the app, sign in,
 * read ids); `teardown.beforeEnd` runs after the tests before anything is ended, and an app still running is ended
 * with `teardown.end` (SIGTERM by default, SIGKILL for the suites that kill it anyway).
 */
export function reliabilitySuite(
  database: { prefix: string; pgliteDir: string; testUrl?: string; accounts: TestAccount[] },
  options: {
    ready?: (suite: ReliabilitySuite) => Promise<unknown>;
    teardown?: { end?: 'stop' | 'kill9'; beforeEnd?: () => Promise<void> };
  } = {},
): ReliabilitySuite {
  const suite: ReliabilitySuite = {
    db: undefined as unknown as PreparedDatabase,
    app: undefined,
    async start(port, env = {}) {
      suite.app = await startApp({ ...suite.db.env, ...env }, port);
      return suite.app;
    },
    async stop() {
      await suite.app?.stop();
      suite.app = undefined;
    },
  };
  beforeAll(async () => {
    suite.db = await prepareDatabase({ ...database, password: PASSWORD });
    await options.ready?.(suite);
  });
  afterAll(async () => {
    await options.teardown?.beforeEnd?.();
    if (options.teardown?.end === 'kill9') await suite.app?.kill9();
    else await suite.stop();
    await suite.db?.drop();
  });
  return suite;
}
