/**
 * The Content-Security-Policy breaks nothing and blocks what it should: every page, as the role that uses
 * it, loads without one `securitypolicyviolation`; an injected inline script does not run; pages and API
 * answers carry the header (a fresh nonce per page).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { WORK_AREAS } from '../lib/domain/types';
import { pageAs as signedInPage, storageStateOf, type E2eRole } from './support/accounts';

type Violation = { directive: string; blocked: string; sample: string };
declare global {
  interface Window {
    __cspViolations: Violation[];
    __injectedRan?: boolean;
  }
}

async function pageAs(browser: Browser, role: E2eRole | 'signed-out'): Promise<Page> {
  const page = await signedInPage(browser, role);
  // Before any of the page's own scripts: collect every violation the document reports.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  return page;
}

const PAGES: { path: string; role: E2eRole | 'signed-out' }[] = [
  { path: '/login', role: 'signed-out' },
  { path: '/', role: 'leader' },
  ...WORK_AREAS.map((area) => ({ path: `/areas/${area.slug}`, role: 'leader' as const })),
  { path: '/indicators/INV-INVESTMENT', role: 'leader' },
  { path: '/review', role: 'leader' },
  { path: '/departments', role: 'leader' },
  { path: '/departments/fgw', role: 'leader' },
  { path: '/units', role: 'leader' },
  { path: '/units/luzhou', role: 'leader' },
  { path: '/screen', role: 'leader' },
  { path: '/entry', role: 'official' },
  { path: '/departments/own', role: 'official' },
  { path: '/import', role: 'official' },
  { path: '/approvals', role: 'reviewer' },
  { path: '/admin/users', role: 'admin' },
  { path: '/admin/departments', role: 'admin' },
  { path: '/admin/indicators', role: 'admin' },
  { path: '/admin/targets', role: 'admin' },
  { path: '/admin/settings', role: 'admin' },
  { path: '/admin/reminders', role: 'admin' },
  { path: '/import', role: 'admin' },
  { path: '/audit', role: 'auditor' },
  { path: '/account/password', role: 'leader' },
  { path: '/account/mfa', role: 'leader' },
];

test('every page loads under the CSP without a single violation', async ({ browser }) => {
  // One test walks every page (each in a fresh signed-in context): a budget per page, not one for the whole walk.
  test.setTimeout(PAGES.length * 6_000);
  const seen: string[] = [];
  for (const { path, role } of PAGES) {
    const page = await pageAs(browser, role);
    const response = await page.goto(path);
    expect(response?.status(), `${path} as ${role}`).toBeLessThan(400);
    expect(response?.headers()['content-security-policy'], path).toContain("'strict-dynamic'");
    await page.waitForLoadState('networkidle');
    // The page is live (its scripts ran): hydrated React answers a click target; a blocked bundle would not.
    await expect(page.locator('body')).not.toBeEmpty();
    const violations = await page.evaluate(() => window.__cspViolations);
    for (const v of violations) seen.push(`${path} as ${role}: ${v.directive} blocked ${v.blocked} ${v.sample}`);
    await page.context().close();
  }
  expect(seen, seen.join('\n')).toEqual([]);
});

test.describe('as a leader', () => {
  test.use({ storageState: storageStateOf('leader') });

  test('an injected inline script without the nonce does not run, and is reported', async ({ browser }) => {
    const page = await pageAs(browser, 'leader');
    // A stored XSS as the browser would receive it: the app's own answer (its CSP header included) with a
    // script and an inline event handler slipped into the HTML.
    await page.route('**/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '<body',
        '<script>window.__injectedRan = true;</script><img src="data:," alt="" onload="window.__injectedRan = true"><body',
      );
      await route.fulfill({ response, body: html });
    });
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("'strict-dynamic'");
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => window.__injectedRan === true)).toBe(false);
    const violations = await page.evaluate(() => window.__cspViolations);
    expect(violations.filter((v) => v.directive.startsWith('script-src')).length).toBeGreaterThanOrEqual(2);
    // The app's own (nonced) scripts still ran: the page is interactive.
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    await page.context().close();
  });

  test('a page carries the policy with a fresh nonce each time; an API answer carries its own', async ({ request }) => {
    const first = await request.get('/');
    const second = await request.get('/');
    const csp = first.headers()['content-security-policy'] ?? '';
    for (const part of [
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "connect-src 'self'",
      "img-src 'self' data:",
    ]) {
      expect(csp).toContain(part);
    }
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonceOf = (value: string) => /'nonce-([^']+)'/.exec(value)?.[1];
    expect(nonceOf(second.headers()['content-security-policy'] ?? '')).not.toBe(nonceOf(csp));
    // The nonce is on the page's scripts (Next puts it there), so they run.
    expect(await first.text()).toContain(`nonce="${nonceOf(csp)}"`);

    const api = await request.get('/api/overview');
    expect(api.status()).toBe(200);
    expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    // Plain HTTP from loopback: no HSTS (it is sent only over HTTPS through a trusted proxy).
    expect(api.headers()['strict-transport-security']).toBeUndefined();
  });
});
