/** What the server does once when it starts (called from instrumentation.ts). */
import { serverEnv } from '@/lib/env';
import { configuredEngine } from '@/db/client';
import { secretConfigurationError } from '@/lib/auth/secret';
import { log } from '@/lib/log';
import { bootstrap } from './bootstrap';
import { reportDatabaseLogin } from './readiness';

export async function startServer(): Promise<void> {
  // Before anything else: a production server on PostgreSQL without AUTH_SECRET must not serve at all.
  const secretProblem = secretConfigurationError();
  if (secretProblem) {
    console.error(`[zhuashou] refusing to start: ${secretProblem}`);
    process.exit(2);
    return;
  }
  try {
    await bootstrap();
    await reportDatabaseLogin();
  } catch (error) {
    if ((error as { code?: string }).code === 'database_locked') {
      console.error(`[zhuashou] ${(error as Error).message}`);
      process.exit(2);
    }
    // A database that is down at start must not stop the server: /api/health answers 503 until it is back.
    console.error(
      '[zhuashou] start-up could not prepare the database:',
      error instanceof Error ? error.message : error,
    );
  }
  if (serverEnv().reminderWorker) {
    const { startReminderWorker } = await import('@/lib/services/reminders/worker');
    startReminderWorker(serverEnv().reminderIntervalMs);
  }
  console.log(`[zhuashou] 已启动：http://localhost:${serverEnv().port}`);
  log.info(
    { event: 'start', engine: configuredEngine(), port: Number(serverEnv().port), node: process.version },
    'started',
  );
}
