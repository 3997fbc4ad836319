/**
 * One app instance of the cluster: the single place that says how an instance is run, so it can be switched to
 * the release archive's `bin/zhuashou start` without touching the tests. Today: Next's standalone server when the
 * build made one (`output: 'standalone'`), else `next start` as tests/reliability/support/app.ts runs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnServer, startApp, waitFor, type RunningApp } from '@/tests/reliability/support/app';

const STANDALONE = path.resolve('.next/standalone');

/** Starts an instance on 127.0.0.1:<port> and waits until it is healthy. `publicUrl`: nginx's, which browsers use. */
export function startInstance(env: Record<string, string>, port: number, options: { publicUrl?: string } = {}): Promise<RunningApp> {
  const server = path.join(STANDALONE, 'server.js');
  if (!fs.existsSync(server)) return startApp(env, port, options);
  return spawnServer({
    command: process.execPath,
    args: [server],
    cwd: STANDALONE,
    env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1' },
    url: `http://127.0.0.1:${port}`,
    publicUrl: options.publicUrl,
  });
}

/** Waits for GET /api/ready to answer 200 (database reachable, migrations current). */
export async function waitReady(app: RunningApp, timeoutMs = 30_000): Promise<number> {
  return waitFor(async () => (await fetch(`${app.url}/api/ready`, { signal: AbortSignal.timeout(5_000) })).status === 200, timeoutMs, `${app.url}/api/ready`);
}
