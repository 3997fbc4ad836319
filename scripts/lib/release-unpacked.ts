/**
 * The release archive unpacked where an intranet server would have it: a fresh folder under /tmp with no
 * node_modules anywhere above it, a PATH holding only `node` and the few POSIX tools bin/zhuashou uses (no npm,
 * no npx), and the npm registry pointed at a closed port.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = process.cwd();

export function releaseArchive(): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const archive = path.join(ROOT, 'release', `zhuashou-${version}-linux-x64.tar.gz`);
  if (!fs.existsSync(archive) || process.env.RELEASE_REBUILD === '1') {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/release.ts'], {
      stdio: 'inherit',
      cwd: ROOT,
    });
  }
  return archive;
}

/** Every folder from `dir` up to the root that holds a node_modules (there must be none). */
export function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'node_modules'))) found.push(d);
    if (path.dirname(d) === d) return found;
  }
}

export interface Unpacked {
  work: string;
  /** zhuashou-<version>/ */
  home: string;
  /** Environment with nothing of this repository's: PATH of node and sh tools only, registry unreachable. */
  env: NodeJS.ProcessEnv;
}

export function unpack(archive: string): Unpacked {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-release-'));
  execFileSync('tar', ['-xzf', archive, '-C', work]);
  const [name] = fs.readdirSync(work).filter((n) => n.startsWith('zhuashou-'));
  if (!name) throw new Error('the archive has no zhuashou-<version>/ folder');
  const tools = path.join(work, 'path');
  fs.mkdirSync(tools);
  // bin/zhuashou needs the first five; deploy/backup.sh the rest.
  for (const tool of ['sh', 'dirname', 'readlink', 'sed', 'cat', 'date', 'ls', 'sort', 'rm', 'mkdir', 'env']) {
    const where = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    fs.symlinkSync(where, path.join(tools, tool));
  }
  fs.symlinkSync(process.execPath, path.join(tools, 'node'));
  // NODE_ENV as the systemd unit sets it for every command (deploy/systemd).
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    PATH: tools,
    HOME: work,
    LANG: 'C.UTF-8',
    TZ: 'Asia/Shanghai',
    npm_config_offline: 'true',
    npm_config_registry: 'http://127.0.0.1:9/',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  return { work, home: path.join(work, name), env };
}

export interface CommandResult {
  status: number | null;
  out: string;
}

/** bin/zhuashou <args>, run from the work folder (as an operator would, from anywhere). */
export function zhuashou(u: Unpacked, args: string[], env: Record<string, string> = {}): CommandResult {
  return runIn(u, path.join(u.home, 'bin', 'zhuashou'), args, env);
}

/** A program of the release (bin/zhuashou, deploy/backup.sh) run from the work folder. */
export function runIn(u: Unpacked, program: string, args: string[], env: Record<string, string> = {}): CommandResult {
  const result = spawnSync(program, args, {
    cwd: u.work,
    env: { ...u.env, ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

export interface Served {
  url: string;
  proc: ChildProcess;
  output(): string;
  /** SIGTERM; resolves with the exit code (null when killed by a signal) once the process is gone. */
  stop(): Promise<number | null>;
}

export async function serve(u: Unpacked, port: number, env: Record<string, string>): Promise<Served> {
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(path.join(u.home, 'bin', 'zhuashou'), ['start'], {
    cwd: u.work,
    env: { ...u.env, PORT: String(port), NEXTAUTH_URL: url, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const served: Served = {
    url,
    proc,
    output: () => log,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null && proc.pid) process.kill(proc.pid, 'SIGTERM');
      return exited;
    },
  };
  const started = Date.now();
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return served;
    if (proc.exitCode !== null || Date.now() - started > 90_000) {
      if (proc.exitCode === null && proc.pid) process.kill(-proc.pid, 'SIGKILL');
      throw new Error(`the release did not answer /api/health on ${url}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
