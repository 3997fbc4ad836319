/** Page objects of the sign-in form and the (forced or voluntary) password change form. */
import type { Page } from '@playwright/test';

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function changePassword(page: Page, current: string, next: string, confirm = next): Promise<void> {
  await page.getByLabel('当前密码', { exact: true }).fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('再次输入新密码', { exact: true }).fill(confirm);
  await page.getByRole('button', { name: '保存新密码' }).click();
}
