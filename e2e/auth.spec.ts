import { expect, test } from '@playwright/test';
import { SAME_ORIGIN, storageStateOf } from './support/accounts';
import {
  withAdminApi,
  createReadyUser,
  createUser,
  newUserPage,
  STRONG_PASSWORD,
  totpNow,
  unexpectedProblems,
} from './support/auth-helpers';
import { changePassword, signIn } from './pages/login-page';
import { watchPage } from './support/watch';

test.describe('an official', () => {
  test.use({ storageState: storageStateOf('official') });

  test('is refused (403) by every admin API and sees 无权限 on the admin pages', async ({ page, request }) => {
    const calls: [string, string][] = [
      ['GET', '/api/admin/users'],
      ['POST', '/api/admin/users'],
      ['PATCH', '/api/admin/users/1'],
      ['POST', '/api/admin/users/1'],
      ['GET', '/api/admin/departments'],
      ['POST', '/api/admin/departments'],
      ['PATCH', '/api/admin/departments/1'],
    ];
    for (const [method, url] of calls) {
      const res = await request.fetch(url, {
        method,
        headers: SAME_ORIGIN,
        data: method === 'GET' ? undefined : { role: 'admin', name: 'x', action: 'reset' },
      });
      expect(res.status(), `${method} ${url}`).toBe(403);
      expect((await res.json()).error.message).toBe('没有权限执行此操作');
    }
    const watch = watchPage(page);
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: '无权限' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '用户管理' })).toHaveCount(
      0,
    );
    await page.goto('/admin/departments');
    await expect(page.getByRole('heading', { name: '无权限' })).toBeVisible();
    watch.assertClean();
  });
});

test.describe('the JSON API', () => {
  // The security administrator: both the account and the department routes read its body.
  test.use({ storageState: storageStateOf('security') });

  test('signed out: 401; a body that is not JSON: 415 or 400; too large: 413 — each with a Chinese message', async ({
    request,
    playwright,
  }) => {
    const anonymous = await playwright.request.newContext({
      baseURL: test.info().project.use.baseURL,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: SAME_ORIGIN,
    });
    expect((await anonymous.get('/api/admin/users')).status()).toBe(401);
    expect((await anonymous.post('/api/account/password', { data: {} })).status()).toBe(401);
    await anonymous.dispose();

    const text = await request.post('/api/admin/departments', {
      headers: { ...SAME_ORIGIN, 'content-type': 'text/plain' },
      data: 'code=x',
    });
    expect(text.status()).toBe(415);
    expect((await text.json()).error.message).toContain('JSON');
    const broken = await request.post('/api/admin/departments', {
      headers: { ...SAME_ORIGIN, 'content-type': 'application/json' },
      data: Buffer.from('{"code":'),
    });
    expect(broken.status()).toBe(400);
    expect((await broken.json()).error.message).toContain('不是有效的 JSON');
    const big = await request.post('/api/admin/departments', {
      headers: SAME_ORIGIN,
      data: { name: 'x'.repeat(70_000) },
    });
    expect(big.status()).toBe(413);
    expect((await big.json()).error.message).toContain('过大');
    const badId = await request.patch('/api/admin/users/abc', { headers: SAME_ORIGIN, data: { displayName: '某' } });
    expect(badId.status()).toBe(400);
    expect((await badId.json()).error.fieldErrors.id).toBeTruthy();
  });

  test("a tampered callback URL is the client's error, never a 500: the cookie is dropped, the parameter refused (found by the scan)", async ({
    playwright,
  }) => {
    const baseURL = test.info().project.use.baseURL ?? '';
    const tampered = await playwright.request.newContext({
      baseURL,
      storageState: {
        cookies: [
          {
            name: 'next-auth.callback-url',
            value: '%00javascript:alert(1)',
            domain: new URL(baseURL).hostname,
            path: '/',
            expires: -1,
            httpOnly: false,
            secure: false,
            sameSite: 'Lax',
          },
        ],
        origins: [],
      },
    });
    const session = await tampered.get('/api/auth/session');
    expect(session.status()).toBe(200);
    // The tampered value is replaced by the site's own address.
    expect(session.headers()['set-cookie'] ?? '').toMatch(/next-auth\.callback-url=http%3A%2F%2F127\.0\.0\.1/);
    const csrf = await tampered.get('/api/auth/csrf');
    expect(csrf.status()).toBe(200);
    const badParam = await tampered.get('/api/auth/signin?callbackUrl=%00javascript:alert(1)');
    expect(badParam.status()).toBe(400);
    expect((await badParam.json()).error.message).toContain('callbackUrl');
    await tampered.dispose();
  });
});

test('a user enrols TOTP (QR code, secret, recovery codes), signs out, and signs in again with a code', async ({
  browser,
}) => {
  // A leader: no deployment's default requires TOTP of this role, so enrolment here is the user's choice.
  const created = await withAdminApi((admin) =>
    createUser(admin, { username: 'au-mfa', displayName: '双因素测试', role: 'leader' }),
  );
  const { context, page } = await newUserPage(browser, '10.77.0.3');
  const watch = watchPage(page);
  await signIn(page, created.username, created.password);
  await expect(page).toHaveURL(/\/account\/password$/);
  await changePassword(page, created.password, STRONG_PASSWORD);
  await expect(page.getByRole('heading', { name: /总览/ })).toBeVisible();

  await page.getByRole('banner').getByRole('link', { name: '账号安全' }).click();
  await expect(page).toHaveURL(/\/account\/mfa$/);
  await expect(page.getByText('状态：未启用')).toBeVisible();
  await page.getByRole('button', { name: '开始绑定' }).click();
  await expect(page.getByRole('img', { name: /绑定二维码/ }).locator('svg')).toBeVisible();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.screenshot({ path: 'e2e/screenshots/mfa.png', fullPage: true });

  const codeField = page.getByLabel(/6 位动态验证码/);
  await codeField.fill('12345');
  await page.getByRole('button', { name: '确认绑定' }).click();
  await expect(codeField).toHaveAccessibleDescription('「动态验证码」应为 6 位数字');
  await codeField.fill(totpNow(secret));
  await page.getByRole('button', { name: '确认绑定' }).click();
  await expect(page.getByRole('list', { name: '恢复码' }).getByRole('listitem')).toHaveCount(10);
  const done = page.getByRole('button', { name: '完成' });
  await expect(done).toBeDisabled();
  await page.getByLabel('我已妥善保存这些恢复码').check();
  await done.click();
  await expect(page.getByRole('heading', { name: /总览/ })).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, created.username, STRONG_PASSWORD);
  await expect(page.getByRole('alert').filter({ hasText: '6 位验证码' })).toBeVisible();
  await page.getByLabel('动态验证码').fill('000000' === totpNow(secret) ? '111111' : '000000');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '动态验证码不正确' })).toBeVisible();
  await page.getByLabel('动态验证码').fill(totpNow(secret));
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  await page.goto('/account/mfa');
  await expect(page.getByText('状态：已启用')).toBeVisible();
  expect(unexpectedProblems(watch.problems)).toEqual([]);
  await context.close();
});

// The notice belongs to the embedded sample; PostgreSQL deployments enforce MFA instead.
if (!process.env.TEST_DATABASE_URL) {
  test.describe('on the embedded sample', () => {
    test.use({ storageState: storageStateOf('auditor') });

    test('MFA is not enforced, and admins and auditors are told so on every page with a link to enrol', async ({
      page,
    }) => {
      const watch = watchPage(page);
      await page.goto('/');
      const notice = page.getByRole('note').filter({ hasText: '双因素认证未强制启用（演示环境）' });
      await expect(notice).toBeVisible();
      await notice.getByRole('link', { name: '立即绑定' }).click();
      await expect(page).toHaveURL(/\/account\/mfa$/);
      await expect(page.getByText('状态：未启用')).toBeVisible();
      watch.assertClean();
    });
  });
}

test('signing out on one device ends the session on every device', async ({ browser }) => {
  const user = await withAdminApi((admin) =>
    createReadyUser(admin, { username: 'au-devices', displayName: '多设备测试', role: 'leader' }),
  );
  const laptop = await browser.newContext({ storageState: user.storageState });
  const phone = await browser.newContext({ storageState: user.storageState });
  const a = await laptop.newPage();
  const b = await phone.newPage();
  await a.goto('/');
  await b.goto('/');
  await expect(b.getByRole('button', { name: '退出登录' })).toBeVisible();
  await a.getByRole('button', { name: '退出登录' }).click();
  await expect(a).toHaveURL(/\/login/);
  await b.goto('/');
  await expect(b).toHaveURL(/\/login/);
  expect((await b.request.get('/api/overview')).status()).toBe(401);
  await laptop.close();
  await phone.close();
});

test('activity re-issues the session cookie; an expired session sends the browser to /login with a notice', async ({
  browser,
}) => {
  const user = await withAdminApi((admin) =>
    createReadyUser(admin, { username: 'au-idle', displayName: '超时测试', role: 'leader' }),
  );
  const context = await browser.newContext({ storageState: user.storageState });
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.clock.install();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /总览/ })).toBeVisible();

  // A key press: the keeper asks next-auth for the session, which re-issues the cookie with a fresh expiry.
  // The page is visible before React has hydrated it and attached the keeper's listeners: press until it answers.
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/auth/session'), { timeout: 30_000 });
  let answered = false;
  void refreshed.then(
    () => (answered = true),
    () => (answered = true),
  );
  for (let i = 0; i < 50 && !answered; i += 1) {
    await page.keyboard.press('Shift');
    await page.waitForTimeout(500);
  }
  const response = await refreshed;
  expect((await response.json()).user).toBeTruthy();
  expect((await response.headerValue('set-cookie')) ?? '').toContain('next-auth.session-token=');

  // The browser drops the cookie once it expires (30 minutes idle): the next check finds no session.
  await context.clearCookies();
  await page.clock.fastForward('31:00');
  await expect(page).toHaveURL(/\/login\?expired=1$/);
  await expect(page.getByRole('status')).toHaveText('登录已超时，请重新登录');
  watch.assertClean();
  await context.close();
});
