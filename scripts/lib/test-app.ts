/** Starts the production build (`next start`) on a given database and signs users in over HTTP. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const RELIABILITY_SECRET = 'reliability-only-secret-not-for-production';
const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');
/** The V8 heap's ceiling in MB, as `npm start` and bin/zhuashou set it (SERVER_HEAP_MB, default 320). */
export const SERVER_HEAP_MB = Number(process.env.SERVER_HEAP_MB ?? 320);
/** The young generation's semi-spaces in MB, as `npm start` and bin/zhuashou set them. */
export const SERVER_SEMI_SPACE_MB = 2;

export interface RunningApp {
  url: string;
  proc: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL the whole process group (the CLI and the server it runs) and wait for exit. */
  kill9(): Promise<void>;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ServerCommand {
  /** The program and its arguments (node and a script). */
  command: string;
  args: string[];
  /** Environment on top of this process's and the harness's defaults. */
  env: Record<string, string>;
  /** Where it listens (http://127.0.0.1:<port>). */
  url: string;
  /** The URL browsers use (NEXTAUTH_URL): the app's own, or the reverse proxy's in front of it. */
  publicUrl?: string;
  cwd?: string;
}

/**
 * Starts a server in a process group of its own (so kill9 takes the CLI and what it runs) and waits for
 * /api/health. The one way the harnesses start the app; startApp and the cluster's startInstance choose the command.
 */
export async function spawnServer(server: ServerCommand): Promise<RunningApp> {
  const { url } = server;
  const proc = spawn(server.command, server.args, {
    cwd: server.cwd,
    env: {
      ...process.env,
      // A production server, as `next start` runs one: the test runner's own NODE_ENV=test must not leak into it
      // (lib/env.ts reads NODE_ENV at run time: it decides the graceful stop, the log level, the secret rules).
      NODE_ENV: 'production',
      // No reminder worker in test servers unless a test asks for one.
      REMINDER_WORKER: process.env.REMINDER_WORKER ?? '0',
      ...server.env,
      AUTH_SECRET: RELIABILITY_SECRET,
      NEXTAUTH_URL: server.publicUrl ?? url,
      NEXT_TELEMETRY_DISABLED: '1',
      DEMO_ACCOUNTS: '0',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const app: RunningApp = {
    url,
    proc,
    output: () => log,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null && proc.pid) process.kill(-proc.pid, 'SIGTERM');
      await exited;
    },
    async kill9() {
      if (proc.exitCode === null && proc.signalCode === null && proc.pid) process.kill(-proc.pid, 'SIGKILL');
      await exited;
    },
  };
  try {
    await waitFor(async () => (await fetch(`${url}/api/health`)).status === 200, 60_000, `the app on ${url}\n${log}`);
  } catch (error) {
    await app.kill9();
    throw error;
  }
  return app;
}

/** The production build (`next start`, as `npm start` runs it) on the given database. */
export function startApp(
  env: Record<string, string>,
  port: number,
  options: { publicUrl?: string } = {},
): Promise<RunningApp> {
  return spawnServer({
    command: process.execPath,
    args: [
      `--max-old-space-size=${SERVER_HEAP_MB}`,
      `--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`,
      NEXT_BIN,
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    env,
    url: `http://127.0.0.1:${port}`,
    publicUrl: options.publicUrl,
  });
}

/**
 * The header a non-browser client sends so that its writes pass the origin check (lib/server-http/request-origin.ts):
 * it names the app's own origin, as a browser on the app's pages would.
 */
export function sameOrigin(url: string): { origin: string } {
  return { origin: new URL(url).origin };
}

export interface SignInAnswer {
  /** The Cookie header value (every cookie the exchange set). */
  cookie: string;
  /** Whether a session cookie was set. */
  signedIn: boolean;
  /** The sign-in error code next-auth passed back (lib/auth/sign-in-messages.ts), or null. */
  error: string | null;
  status: number;
}

/** One sign-in attempt through next-auth's credentials callback (as the login form posts it). */
export async function attemptSignIn(url: string, username: string, password: string): Promise<SignInAnswer> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), rest.join('='));
    }
  };
  keep(csrf);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...sameOrigin(url),
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: new URLSearchParams({ csrfToken, username, password, json: 'true' }),
  });
  keep(res);
  // With json=true next-auth answers { url } — the error page's, with ?error=<code>, when it refused.
  const text = await res.text();
  let error: string | null = null;
  try {
    const target = (JSON.parse(text) as { url?: unknown }).url;
    if (typeof target === 'string') error = new URL(target, url).searchParams.get('error');
  } catch {
    error = null;
  }
  const signedIn = jar.has('next-auth.session-token');
  return {
    cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    signedIn,
    error: signedIn ? null : (error ?? `HTTP ${res.status}`),
    status: res.status,
  };
}

/** Signs in through next-auth's credentials callback; returns the Cookie header value. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const answer = await attemptSignIn(url, username, password);
  if (!answer.signedIn)
    throw new Error(`sign-in failed for ${username}: HTTP ${answer.status} (${answer.error ?? ''})`);
  return answer.cookie;
}

export interface JsonAnswer {
  status: number;
  body: { error?: { message?: string; code?: string; details?: Record<string, unknown> } } & Record<string, unknown>;
  ms: number;
}

/** A JSON request with a deadline; a network failure answers status 0. */
export async function call(
  url: string,
  cookie: string,
  method: string,
  body?: unknown,
  timeoutMs = 15_000,
): Promise<JsonAnswer> {
  const start = Date.now();
  try {
    const res = await fetch(url, {
      method,
      headers: { cookie, ...sameOrigin(url), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: JsonAnswer['body'] = {};
    try {
      parsed = JSON.parse(text) as JsonAnswer['body'];
    } catch {
      parsed = { raw: text.slice(0, 200) };
    }
    return { status: res.status, body: parsed, ms: Date.now() - start };
  } catch {
    return { status: 0, body: {}, ms: Date.now() - start };
  }
}
