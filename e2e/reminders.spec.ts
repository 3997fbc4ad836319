/**
 * 催报提醒 in the browser: with no channel the page says nothing will be sent; the administrator's channel form
 * names each bad field and saves a webhook (its token never shown again); an official cannot open the page.
 * (The worker is off in the e2e server; delivery is tested against local receivers in tests/integration.)
 */
import { expect, test } from '@playwright/test';
import { storageStateOf } from './support/accounts';
import { watchPage } from './support/watch';

test.describe.configure({ mode: 'serial' });

test.describe('as the administrator', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('no channel: the outbox page says that nothing is generated or sent', async ({ page }) => {
    const watch = watchPage(page);
    await page.goto('/admin/reminders');
    await expect(page.getByRole('heading', { name: '催报提醒', level: 1 })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: '尚未配置任何发送渠道：系统不会生成、也不会发送任何提醒' }),
    ).toBeVisible();
    await expect(page.getByText('暂无提醒消息。')).toBeVisible();
    await expect(page.getByRole('link', { name: '发送失败（0）' })).toBeVisible();
    watch.assertClean();
  });

  test('the channel form names each bad field, then saves a webhook whose token is never shown again', async ({
    page,
  }) => {
    await page.goto('/admin/settings#reminders');
    const section = page.getByRole('region', { name: '催报提醒' });
    await section.getByLabel('电子邮件（SMTP）').check();
    await section.getByLabel('SMTP 服务器', { exact: true }).fill('smtp example');
    await section.getByLabel('SMTP 端口', { exact: true }).fill('70000');
    await section.getByLabel('发件人地址', { exact: true }).fill('nobody');
    await section.getByLabel('提前提醒天数', { exact: true }).fill('3,3');
    await section.getByRole('button', { name: '保存提醒设置' }).click();
    await expect(section.getByText('「SMTP 端口」应为 1–65535 的整数')).toBeVisible();
    await expect(section.getByText(/「SMTP 服务器」应为主机名或 IP 地址/)).toBeVisible();
    await expect(section.getByText(/「发件人地址」应为电子邮箱地址/)).toBeVisible();
    await expect(section.getByText('「提前提醒天数」不能重复')).toBeVisible();

    await section.getByLabel('电子邮件（SMTP）').uncheck();
    await section.getByLabel('Webhook（政务微信/钉钉机器人，POST JSON）').check();
    await section
      .getByLabel('Webhook 地址', { exact: true })
      .fill('http://127.0.0.1:3545/cgi-bin/webhook/send?key=e2e-secret-token');
    await section.getByLabel('提前提醒天数', { exact: true }).fill('3,1');
    await section.getByRole('button', { name: '保存提醒设置' }).click();
    await expect(section.getByRole('status').filter({ hasText: '✓ 提醒设置已保存' })).toBeVisible();
    await expect(section.getByText('已配置发送渠道，提醒按下列规则自动发送。')).toBeVisible();

    const watch = watchPage(page);
    await page.goto('/admin/reminders');
    await expect(
      page.getByText('Webhook（政务微信/钉钉）：已配置（http://127.0.0.1:3545/cgi-bin/webhook/send?…）'),
    ).toBeVisible();
    await expect(page.getByText('电子邮件：未配置')).toBeVisible();
    await expect(page.getByText(/截止前 3、1 天提醒未提交数据的填报人；逾期 2 天/)).toBeVisible();
    await expect(page.locator('body')).not.toContainText('e2e-secret-token');
    await page.screenshot({ path: 'e2e/screenshots/admin-reminders.png', fullPage: true });
    watch.assertClean();
  });
});

test.describe('as an official', () => {
  test.use({ storageState: storageStateOf('official') });

  test('the reminders page and its API are refused', async ({ page, request }) => {
    await page.goto('/admin/reminders');
    await expect(page.getByRole('alert').filter({ hasText: '您的角色不能访问「催报提醒」' })).toBeVisible();
    expect((await request.get('/api/admin/reminders')).status()).toBe(403);
  });
});
