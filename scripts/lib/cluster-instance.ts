/**
 * One app instance of the cluster, run as an intranet server runs it: `bin/zhuashou start` from the offline release
 * archive (`npm run release`), unpacked once into a folder with no node_modules above it and no npm on the PATH
 * (scripts/lib/release-unpacked.ts). The single place that says how an instance is run.
 */
import path from 'node:path';
import { releaseArchive, unpack, type Unpacked } from '@/scripts/lib/release-unpacked';
import { spawnServer, waitFor, type RunningApp } from '@/scripts/lib/test-app';

let unpacked: Unpacked | undefined;

/** Starts an instance on 127.0.0.1:<port> and waits until it is healthy. `publicUrl`: nginx's, which browsers use. */
export function startInstance(
  env: Record<string, string>,
  port: number,
  options: { publicUrl?: string } = {},
): Promise<RunningApp> {
  unpacked ??= unpack(releaseArchive());
  const release = unpacked;
  const releaseEnv = Object.fromEntries(
    Object.entries(release.env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return spawnServer({
    command: path.join(release.home, 'bin', 'zhuashou'),
    args: ['start'],
    cwd: release.work,
    env: { ...releaseEnv, ...env, PORT: String(port), HOSTNAME: '127.0.0.1' },
    url: `http://127.0.0.1:${port}`,
    publicUrl: options.publicUrl,
  });
}

/** Waits for GET /api/ready to answer 200 (database reachable, migrations current). */
export async function waitReady(app: RunningApp, timeoutMs = 30_000): Promise<number> {
  return waitFor(
    async () => (await fetch(`${app.url}/api/ready`, { signal: AbortSignal.timeout(5_000) })).status === 200,
    timeoutMs,
    `${app.url}/api/ready`,
  );
}
