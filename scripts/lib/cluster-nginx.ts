/**
 * nginx in front of several app instances, for the cluster tests and the benchmark: installed from Debian when
 * missing, run as a foreground child with a throw-away config whose pid, logs and temp files live in a temp
 * folder. Loopback and plain HTTP (TLS and the rest of a real site are in deploy/).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '@/scripts/lib/test-app';

/** `apt-get install -y nginx` when `which nginx` fails (a fresh CI machine); the path of the binary. */
export function ensureNginx(): string {
  const found = spawnSync('which', ['nginx'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'nginx'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return execFileSync('which', ['nginx'], { encoding: 'utf8' }).trim();
}

/**
 * The site: an upstream of the instances with keepalive; a request that could not reach an instance (refused,
 * reset, timed out) or got 502/503 from it goes to the next one — for idempotent methods only: nginx never
 * resends a POST/PUT/PATCH/DELETE that reached an upstream, so a write is never done twice. `max_fails=0`:
 * every request tries its instance afresh (a restarted instance takes requests the moment it listens; a down
 * one costs a refused connect on loopback and the retry).
 */
export function nginxConfig(options: { dir: string; port: number; upstreams: number[] }): string {
  const { dir } = options;
  return `# Written by scripts/lib/cluster-nginx.ts — throw-away, loopback only.
worker_processes 1;
daemon off;
user root;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 50m;
  upstream zhuashou {
${options.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
    keepalive 32;
    # An instance told to stop (SIGTERM) closes its listener but keeps serving requests that arrive on connections
    # already open; retiring each kept-alive connection after 2 s bounds that (a stop under the test's read load
    # took ~5 s per instance without it, ~1 s with it).
    keepalive_time 2s;
  }
  server {
    listen 127.0.0.1:${options.port};
    location / {
      proxy_pass http://zhuashou;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
    }
  }
}
`;
}

export interface RunningNginx {
  url: string;
  proc: ChildProcess;
  /** The error log and the child's output. */
  output(): string;
  stop(): Promise<void>;
}

export async function startNginx(options: { port: number; upstreams: number[] }): Promise<RunningNginx> {
  const binary = ensureNginx();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-nginx-'));
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, nginxConfig({ dir, ...options }));
  const proc = spawn(binary, ['-c', conf, '-p', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const output = () =>
    `${log}${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`;
  const stop = async () => {
    // SIGQUIT: nginx's graceful stop (the workers finish their requests).
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGQUIT');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => {
        if (proc.exitCode !== null) throw new Error(`nginx exited: ${output()}`);
        // Any HTTP answer (a 502 while no instance runs) means nginx listens.
        await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
        return true;
      },
      15_000,
      `nginx on ${url}`,
    );
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output()}`);
  }
  return { url, proc, output, stop };
}
