import type { Browser, Page } from '@playwright/test';

/** The accounts the e2e server creates (on its own throwaway database) and the setup project signs in as. */
export const E2E_PASSWORD = 'E2e-Test-Pass#2026';

export const E2E_ACCOUNTS = {
  admin: { username: 'e2e-admin', role: 'admin', displayName: '测试管理员' },
  security: { username: 'e2e-security', role: 'security', displayName: '测试安全管理员' },
  official: { username: 'e2e-official', role: 'official', displayName: '测试填报员', departmentCode: 'fgw' },
  reviewer: { username: 'e2e-reviewer', role: 'reviewer', displayName: '测试审核员', departmentCode: 'fgw' },
  leader: { username: 'e2e-leader', role: 'leader', displayName: '测试领导' },
  auditor: { username: 'e2e-auditor', role: 'auditor', displayName: '测试审计员' },
} as const;

/**
 * What a non-browser client (Playwright's API requests) sends so its writes pass the origin check, as the
 * browser does on the app's own pages (lib/server-http/request-origin.ts).
 */
export const SAME_ORIGIN = {
  origin: new URL(process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`).origin,
};

export type E2eRole = keyof typeof E2E_ACCOUNTS;

export const storageStateOf = (role: E2eRole) => `e2e/.auth/${role}.json`;

/** A page in a fresh browser context signed in as `role` (its saved session), or with no session at all. */
export async function pageAs(browser: Browser, role: E2eRole | 'signed-out'): Promise<Page> {
  const context = await browser.newContext(
    role === 'signed-out' ? { storageState: { cookies: [], origins: [] } } : { storageState: storageStateOf(role) },
  );
  return context.newPage();
}
