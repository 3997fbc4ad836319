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

test('the areas and the ranking wait for the first frame, then show; without scripts they show at once', async ({
  page,
  browser,
}) => {
  const watch = watchPage(page);
  await page.goto('/?year=2025&month=12');
  const html = page.locator('html');
  const firstArea = page.getByRole('heading', { name: new RegExp(WORK_AREAS[0]!.name) });
  const ranking = page.getByRole('heading', { name: '责任单位排名' });
  // The page's own script (with the CSP nonce: a refused one would leave a console error) marked the first frame.
  await expect(html).toHaveAttribute('data-first-frame', '');
  await expect(firstArea).toBeVisible();
  await expect(ranking).toBeVisible();
  // Showing them moved nothing on the page (Chromium counts a held-out part that moves as a shift of its whole box).
  const shifts = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) =>
          resolve(list.getEntries().reduce((sum, e) => sum + (e as unknown as { value: number }).value, 0)),
        ).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(0), 500);
      }),
  );
  expect(shifts).toBeLessThan(0.05);
  // Before that mark the stylesheet holds both out; what is above them stays.
  await html.evaluate((el) => el.removeAttribute('data-first-frame'));
  await expect(firstArea).toBeHidden();
  await expect(ranking).toBeHidden();
  await expect(page.getByRole('heading', { name: '主要指标' })).toBeVisible();
  await html.evaluate((el) => el.setAttribute('data-first-frame', ''));
  await expect(firstArea).toBeVisible();
  watch.assertClean();

  // Without scripts nothing marks the frame: the <noscript> rule shows them.
  const context = await browser.newContext({ storageState: storageStateOf('leader'), javaScriptEnabled: false });
  try {
    const plain = await context.newPage();
    await plain.goto('/?year=2025&month=12');
    await expect(plain.locator('html')).not.toHaveAttribute('data-first-frame', '');
    await expect(plain.getByRole('heading', { name: new RegExp(WORK_AREAS[0]!.name) })).toBeVisible();
    await expect(plain.getByRole('heading', { name: '责任单位排名' })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('a link to the overview from another page shows its areas and ranking', async ({ page }) => {
  await page.goto('/departments');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '总览' }).click();
  await expect(page.getByRole('heading', { name: /总览$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: new RegExp(WORK_AREAS[0]!.name) })).toBeVisible();
  await expect(page.getByRole('heading', { name: '责任单位排名' })).toBeVisible();
});

test('the first screen draws in two weights and few sizes: each pair is a font lookup before the first frame', async ({
  page,
}) => {
  await page.goto('/?year=2025&month=12');
  await expect(page.getByRole('heading', { name: '主要指标', level: 2 })).toBeVisible();
  // Every text drawn above the fold outside the held block (app/globals.css says why the weights are two).
  const pairs = await page.evaluate(() => {
    const seen = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.closest('[data-below-first-screen], script, style, noscript'))
        continue;
      const box = el.getBoundingClientRect();
      if (box.height === 0 || box.top >= window.innerHeight) continue;
      const style = getComputedStyle(el);
      seen.add(`${style.fontSize} ${style.fontWeight}`);
    }
    return [...seen].sort();
  });
  expect(
    pairs.every((pair) => /(^| )(400|600)$/.test(pair)),
    pairs.join(', '),
  ).toBe(true);
  expect(pairs.length, pairs.join(', ')).toBeLessThanOrEqual(6);
});
