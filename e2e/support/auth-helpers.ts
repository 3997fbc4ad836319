/**
 * Helpers for the sign-in and user-management specs. They create their own users (through the admin API)
 * and never sign out, lock or change the shared e2e accounts.
 */
import {
  expect,
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { z } from 'zod';
import { SAME_ORIGIN, storageStateOf } from './accounts';

export const BASE_URL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const NO_SESSION = { cookies: [], origins: [] };

/** A password that meets every rule (and contains none of the test usernames). */
export const STRONG_PASSWORD = 'Zs-Strong#2026x';

export function totpNow(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

/** An API context with the shared security administrator's session, who manages accounts (used read-and-create only: never signed out). */
export function adminApi(): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: BASE_URL,
    storageState: storageStateOf('security'),
    extraHTTPHeaders: SAME_ORIGIN,
  });
}

/** Runs `work` with an adminApi() context, disposed of afterwards (also when `work` fails). */
export async function withAdminApi<T>(work: (admin: APIRequestContext) => Promise<T>): Promise<T> {
  const admin = await adminApi();
  try {
    return await work(admin);
  } finally {
    await admin.dispose();
  }
}

const createdSchema = z.object({ id: z.number(), username: z.string(), password: z.string() });

export interface NewUser {
  username: string;
  displayName: string;
  role: 'admin' | 'security' | 'official' | 'reviewer' | 'leader' | 'auditor';
  departmentCode?: string;
  /** A county/district/zone (县区) official or reviewer. */
  unitCode?: string;
}

/** Creates a user through POST /api/admin/users: returns the one-time password. */
export async function createUser(admin: APIRequestContext, user: NewUser) {
  const res = await admin.post('/api/admin/users', { data: user });
  expect(res.status(), await res.text()).toBe(201);
  return createdSchema.parse(await res.json());
}

/** Signs in over HTTP the way the login form does (CSRF token, then the credentials callback). */
export async function signInOverHttp(username: string, password: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: BASE_URL, storageState: NO_SESSION, extraHTTPHeaders: SAME_ORIGIN });
  const { csrfToken } = z.object({ csrfToken: z.string() }).parse(await (await ctx.get('/api/auth/csrf')).json());
  const res = await ctx.post('/api/auth/callback/credentials', {
    form: { csrfToken, username, password, json: 'true' },
  });
  expect(res.ok(), `sign-in of ${username}: HTTP ${res.status()}`).toBe(true);
  return ctx;
}

/** A user who already replaced the one-time password; returns a storage state with their session. */
export async function createReadyUser(admin: APIRequestContext, user: NewUser) {
  const created = await createUser(admin, user);
  const ctx = await signInOverHttp(created.username, created.password);
  const res = await ctx.post('/api/account/password', {
    data: { currentPassword: created.password, newPassword: STRONG_PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(200);
  const storageState = await ctx.storageState();
  await ctx.dispose();
  return { id: created.id, username: created.username, password: STRONG_PASSWORD, storageState };
}

/** A fresh browser context (no session); `address` sets X-Forwarded-For so failures stay off the shared address. */
export async function newUserPage(
  browser: Browser,
  address?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  // Explicitly without a session: contexts otherwise inherit the spec's test.use({ storageState }).
  const context = await browser.newContext({
    storageState: NO_SESSION,
    ...(address ? { extraHTTPHeaders: { 'x-forwarded-for': address } } : {}),
  });
  return { context, page: await context.newPage() };
}

/** watchPage's problems, less the console lines a deliberately refused request produces (4xx). */
export function unexpectedProblems(problems: string[]): string[] {
  return problems.filter(
    (line) => !/^console: Failed to load resource: the server responded with a status of 4\d\d/.test(line),
  );
}
