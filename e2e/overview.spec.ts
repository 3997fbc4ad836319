import { expect, test } from '@playwright/test';
import { WORK_AREAS } from '../lib/domain/types';
import { storageStateOf } from './support/accounts';
import { watchPage } from './support/watch';

test.use({ storageState: storageStateOf('leader') });

test('the overview shows the seven work areas with the report figures as written', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/?year=2025&month=12');
  await expect(page.getByRole('heading', { name: '2025年12月 · 总览' })).toBeVisible();
  for (const area of WORK_AREAS) {
    await expect(page.getByRole('heading', { name: new RegExp(area.name) })).toBeVisible();
  }
  // Figures keep their units and qualifiers as the report writes them.
  const main = page.getByRole('main');
  await expect(main.getByText('4.5%左右').first()).toBeVisible();
  await expect(main.getByText('1027亿元').first()).toBeVisible();
  await expect(main.getByText('25.3亿斤').first()).toBeVisible();
  await expect(main.getByText('15件全部完成').first()).toBeVisible();
  // '超100家' and '双下降' are on their area pages now (e2e/dashboards.spec.ts): the overview shows each area's key figures.
  await page.screenshot({ path: 'e2e/screenshots/overview-2025.png', fullPage: true });
  watch.assertClean();
});

test('the default view is the latest year with figures, labelled as sample data', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /2026年\d+月 · 总览/ })).toBeVisible();
  await expect(page.getByText('示例数据').first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/overview.png', fullPage: true });
  watch.assertClean();
});

test('the period is in the URL: changing the year navigates and the link reproduces the view', async ({ page }) => {
  await page.goto('/?year=2026&month=3');
  await expect(page.getByRole('heading', { name: '2026年3月 · 总览' })).toBeVisible();
  await page.getByLabel('年份').selectOption('2025');
  await expect(page).toHaveURL(/year=2025/);
  await expect(page.getByRole('heading', { name: /^2025年\d+月 · 总览$/ })).toBeVisible();
});
