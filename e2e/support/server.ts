/**
 * The e2e server: a throwaway database (a fresh PGlite folder, or a fresh PostgreSQL database when
 * TEST_DATABASE_URL is set), the e2e accounts, then `next start` on the production build.
 */
import { spawn } from 'node:child_process';
import { prepareDatabase } from '../../scripts/lib/test-server';
import { E2E_ACCOUNTS, E2E_PASSWORD } from './accounts';

const port = process.env.E2E_PORT ?? '3100';

async function main() {
  const { env } = await prepareDatabase({
    prefix: 'e2e',
    pgliteDir: '.data-e2e',
    testUrl: process.env.TEST_DATABASE_URL,
    accounts: Object.values(E2E_ACCOUNTS),
    password: E2E_PASSWORD,
  });
  const child = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], {
    stdio: 'inherit',
    env: {
      REMINDER_WORKER: '0',
      ...process.env,
      ...env,
      AUTH_SECRET: 'e2e-only-secret-not-for-production',
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
