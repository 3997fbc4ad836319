import { expect, test } from '@playwright/test';
import { storageStateOf } from './support/accounts';

test.describe('signed out', () => {
  test('the API answers 401 with a message, pages redirect to /login', async ({ request, page }) => {
    const api = await request.get('/api/overview');
    expect(api.status()).toBe(401);
    expect((await api.json()).error.message).toBe('请先登录');
    await page.goto('/?year=2025');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  });

  test('a wrong password gets one generic message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill('e2e-leader');
    await page.getByLabel('密码').fill('wrong-password-1A');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '用户名' })).toContainText('用户名或密码不正确');
    await page.getByLabel('用户名').fill('no-such-user');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '用户名' })).toContainText('用户名或密码不正确');
  });
});

test.describe('signed in', () => {
  test.use({ storageState: storageStateOf('official') });
  test('a bad period parameter is a 400 naming the field', async ({ request }) => {
    const res = await request.get('/api/overview?year=abc');
    expect(res.status()).toBe(400);
    expect((await res.json()).error.message).toContain('年份');
  });
  test('health answers 200 with the database reachable', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect((await res.json()).ok).toBe(true);
  });
});
