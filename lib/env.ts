/**
 * The server's configuration from its environment, in one place, typed: every variable the app and its data layer
 * read is named here with its default (see README / INSTALL for what each does). Server-side only (never import it
 * from a client component: the browser has no such environment). Scripts and tests may read process.env themselves.
 *
 * `serverEnv()` parses process.env once and reuses the result while the environment stays the same; a changed
 * environment (tests stub variables at run time) is parsed again. `readEnv(source)` parses a given source (tests).
 */
import { z } from 'zod';

const optional = z.string().optional();

const rawSchema = z.object({
  NODE_ENV: optional,
  PORT: optional,
  LOG_LEVEL: optional,
  DATABASE_URL: optional,
  DATABASE_OWNER_URL: optional,
  DATABASE_POOL_SIZE: optional,
  PGLITE_DIR: optional,
  PGLITE_SHARED_BUFFERS: optional,
  MIGRATIONS_DIR: optional,
  AUTH_SECRET: optional,
  NEXTAUTH_SECRET: optional,
  DATA_KEY: optional,
  MFA_REQUIRED_ROLES: optional,
  SEED_SAMPLE: optional,
  DEMO_ACCOUNTS: optional,
  EXPORT_MAX_ROWS: optional,
  IMPORT_CONCURRENCY: optional,
  EVIDENCE_DIR: optional,
  TRUSTED_PROXIES: optional,
  APP_ORIGIN: optional,
  ZHUASHOU_PROXY_DISABLED: optional,
  NEXTAUTH_URL: optional,
  OVERVIEW_CACHE: optional,
  REMINDER_WORKER: optional,
  REMINDER_INTERVAL_MS: optional,
  CHROMIUM_PATH: optional,
});

const KEYS = rawSchema.keyof().options;

const envSchema = rawSchema.transform((e) => ({
  /** NODE_ENV as set (next start: production, next dev: development, the test runner: test). */
  nodeEnv: e.NODE_ENV,
  production: e.NODE_ENV === 'production',
  development: e.NODE_ENV === 'development',
  /** PORT as printed at start (default 3000). */
  port: e.PORT ?? '3000',
  /** LOG_LEVEL; unset: info, silent in the test runner's own process. */
  logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
  /** PostgreSQL (DATABASE_URL); unset or empty: the embedded PGlite database. */
  databaseUrl: e.DATABASE_URL || undefined,
  /** The owner's login for migrations and restores (DATABASE_OWNER_URL), only with DATABASE_URL. */
  databaseOwnerUrl: (e.DATABASE_URL && e.DATABASE_OWNER_URL) || undefined,
  /** DATABASE_POOL_SIZE, default 10. */
  databasePoolSize: Number(e.DATABASE_POOL_SIZE ?? 10),
  /** PGLITE_DIR (the embedded database's folder); unset: ./.data. */
  pgliteDir: e.PGLITE_DIR,
  /**
   * PGLITE_SHARED_BUFFERS, the embedded database's buffer pool (PostgreSQL's shared_buffers); default 32MB. PGlite's
   * own default, 128MB, is allocated and touched in the server's memory when the database opens (measured: 128MB
   * costs 288 MB resident at open, 32MB 173 MB); reads past the pool come from the operating system's file cache.
   */
  pgliteSharedBuffers: e.PGLITE_SHARED_BUFFERS || '32MB',
  /** MIGRATIONS_DIR; unset: ./db/migrations. */
  migrationsDir: e.MIGRATIONS_DIR,
  /** The session signing secret: AUTH_SECRET, else NEXTAUTH_SECRET; empty counts as unset. */
  authSecret: e.AUTH_SECRET || e.NEXTAUTH_SECRET || undefined,
  /** DATA_KEY, the key stored secrets are encrypted with (else one derived from the signing secret). */
  dataKey: e.DATA_KEY || undefined,
  /** MFA_REQUIRED_ROLES as written (lib/session/mfa-policy reads it). */
  mfaRequiredRoles: e.MFA_REQUIRED_ROLES,
  /** SEED_SAMPLE=1: load the sample year on PostgreSQL too. */
  seedSample: e.SEED_SAMPLE === '1',
  /** DEMO_ACCOUNTS=0: no demo accounts on the embedded database. */
  demoAccounts: e.DEMO_ACCOUNTS !== '0',
  /** EXPORT_MAX_ROWS as written (lib/services/exports/run reads it; default there). */
  exportMaxRows: e.EXPORT_MAX_ROWS,
  /** IMPORT_CONCURRENCY as written (lib/services/imports/imports reads it; default there). */
  importConcurrency: e.IMPORT_CONCURRENCY,
  /** TRUSTED_PROXIES as written (lib/server-http/request-facts parses it). */
  /** EVIDENCE_DIR: the folder evidence files are kept in; unset or empty: in the database (bytea). */
  evidenceDir: e.EVIDENCE_DIR || undefined,
  /** TRUSTED_PROXIES as written (lib/http/request-facts parses it). */
  trustedProxies: e.TRUSTED_PROXIES,
  /** APP_ORIGIN; empty counts as unset. */
  appOrigin: e.APP_ORIGIN || undefined,
  /** ZHUASHOU_PROXY_DISABLED=1: proxy.ts does not redirect signed-out visitors (the access-matrix test). */
  proxyDisabled: e.ZHUASHOU_PROXY_DISABLED === '1',
  /** NEXTAUTH_URL is https: next-auth names its session cookie __Secure-… on every request (lib/session/options). */
  secureSessionCookie: (e.NEXTAUTH_URL ?? '').startsWith('https://'),
  /** OVERVIEW_CACHE=0: every overview is rendered for its own request (lib/server-http/overview-cache; the benchmark's A/B). */
  overviewCache: e.OVERVIEW_CACHE !== '0',
  /** REMINDER_WORKER=1 runs the reminder worker, =0 never; unset: on, except under the test runner (NODE_ENV=test). */
  reminderWorker: e.REMINDER_WORKER === '1' || (e.REMINDER_WORKER !== '0' && e.NODE_ENV !== 'test'),
  /** REMINDER_INTERVAL_MS: how often the reminder worker ticks (default 60000, at least 1000). */
  reminderIntervalMs: Math.max(1000, Number(e.REMINDER_INTERVAL_MS) || 60_000),
  /** CHROMIUM_PATH: the Chromium that prints the 通报 to PDF (lib/export/pdf-print.ts); unset: /usr/bin/chromium. */
  chromiumPath: e.CHROMIUM_PATH || '/usr/bin/chromium',
}));

export type ServerEnv = z.infer<typeof envSchema>;
export type EnvSource = Readonly<Partial<Record<string, string>>>;

/** The configuration of a given environment (an object like process.env). */
export function readEnv(source: EnvSource): ServerEnv {
  const picked: Partial<Record<(typeof KEYS)[number], string>> = {};
  for (const key of KEYS) picked[key] = source[key];
  return envSchema.parse(picked);
}

let cached: { fingerprint: string; env: ServerEnv } | undefined;

/** This process's configuration (parsed once per distinct environment). */
export function serverEnv(): ServerEnv {
  const fingerprint = JSON.stringify(KEYS.map((key) => process.env[key] ?? null));
  if (cached?.fingerprint !== fingerprint) cached = { fingerprint, env: readEnv(process.env) };
  return cached.env;
}
