import { expect, test as setup } from '@playwright/test';
import { E2E_ACCOUNTS, E2E_PASSWORD, storageStateOf, type E2eRole } from './support/accounts';

for (const role of Object.keys(E2E_ACCOUNTS) as E2eRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(E2E_ACCOUNTS[role].username);
    await page.getByLabel('密码').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
