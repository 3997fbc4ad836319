/**
 * The dashboards as a leader sees them, on a desktop (1440×900) and a phone (390×844): overview, every work area,
 * an indicator, the five-year review and the cockpit render with the seeded data, with no console error, no failed
 * request and no request to another host. Screenshots land in e2e/screenshots/ for a person to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { RANKING_FORMULA } from '../lib/domain/ranking';
import { REVIEW_GROUPS, WORK_AREAS } from '../lib/domain/types';
import { SAME_ORIGIN, storageStateOf } from './support/accounts';
import { watchPage } from './support/watch';

test.use({ storageState: storageStateOf('leader') });

const SHOTS = 'e2e/screenshots';

/** The first visible match in the main area (phones show cards where desktops show tables, both in the DOM). */
function seen(page: Page, text: string | RegExp, exact = false) {
  return page.getByRole('main').getByText(text, { exact }).filter({ visible: true }).first();
}

/** A phone never scrolls sideways: names the elements sticking out past the viewport when it does. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').slice(0, 60)} → ${Math.round(el.getBoundingClientRect().right)}px`,
      );
  });
  expect(overflow, overflow.join('\n')).toEqual([]);
}

/** Charts (recharts, and the plain-SVG sparklines) draw after hydration; wait for them before a screenshot. */
async function chartsDrawn(page: Page, minimum = 1) {
  await expect
    .poll(() => page.locator('svg.recharts-surface, svg[data-chart]').count())
    .toBeGreaterThanOrEqual(minimum);
}

const VIEWPORTS = [
  { label: 'desktop 1440×900', suffix: '', viewport: { width: 1440, height: 900 }, isPhone: false },
  { label: 'phone 390×844', suffix: '-mobile', viewport: { width: 390, height: 844 }, isPhone: true },
];

for (const { label, suffix, viewport, isPhone } of VIEWPORTS) {
  test.describe(`dashboards on a ${label}`, () => {
    test.use({ viewport });

    /** Checks a phone shows the page without sideways scrolling, then photographs it as `name` (plus the suffix). */
    async function screenshotOf(page: Page, name: string) {
      if (isPhone) await expectNoSidewaysScroll(page);
      await page.screenshot({ path: `${SHOTS}/${name}${suffix}.png`, fullPage: true });
    }

    test('overview: headline tiles, the seven areas in order, the ranking with its formula', async ({ page }) => {
      const watch = watchPage(page);
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: /^2026年\d+月 · 总览$/ })).toBeVisible();
      await expect(page.getByText('本期为示例数据').first()).toBeVisible();
      const areaHeadings = page.getByRole('heading', { level: 2 }).filter({ hasText: /^\d抓/ });
      await expect(areaHeadings).toHaveText(WORK_AREAS.map((a) => `${a.id}${a.name}`));
      for (const name of [
        '地区生产总值增速',
        '出口总额',
        '企业数量净增',
        '粮食产量',
        '开工建设城建重点工程',
        '城镇新增就业',
      ]) {
        await expect(page.getByRole('link', { name: new RegExp(name) }).first()).toBeVisible();
      }
      await expect(page.getByText(RANKING_FORMULA)).toBeVisible();
      const ranking = page.getByRole('table').filter({ hasText: '达标率' });
      await expect(ranking).toBeVisible();
      // The overview folds a ranking longer than 16 (lib/domain/ranking.ts foldRankRows); the sample year ranks
      // fewer departments, so every ranked one is listed and there is nothing to open.
      await expect(ranking.locator('tbody tr').first()).toBeVisible();
      await expect(ranking.getByRole('button', { name: /展开全部/ })).toHaveCount(0);
      await chartsDrawn(page);
      await screenshotOf(page, 'overview');
      watch.assertClean();
    });

    test('every work area: indicators with target, expected progress, status in words and department', async ({
      page,
    }) => {
      const watch = watchPage(page);
      for (const area of WORK_AREAS) {
        await page.goto(`/areas/${area.slug}`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(area.name);
        await expect(page.getByText(/显示 \d+ \/ \d+ 项/)).toBeVisible();
        const rows = isPhone
          ? page.locator('main ul li').filter({ has: page.getByRole('link') })
          : page.locator('main table tbody tr');
        expect(await rows.count()).toBeGreaterThan(0);
        if (area.slug === 'investment') {
          await expect(seen(page, '项目累计完成投资')).toBeVisible();
          await screenshotOf(page, 'area-investment');
        }
      }
      // The report's 2025 figures, as the report writes them.
      await page.goto('/areas/investment?year=2025');
      await expect(seen(page, '1027亿元')).toBeVisible();
      await page.goto('/areas/tourism?year=2025');
      await expect(seen(page, '突破100家')).toBeVisible();
      await page.goto('/areas/livelihood?year=2025');
      await expect(seen(page, '15件全部完成')).toBeVisible();
      await expect(seen(page, '双下降')).toBeVisible();
      await expect(seen(page, '未设目标')).toBeVisible();
      watch.assertClean();
    });

    test('an indicator: trend against target and expected, forecast, definition, figures; a derived prior and its source', async ({
      page,
    }) => {
      const watch = watchPage(page);
      await page.goto('/indicators/INV-INVESTMENT');
      await expect(page.getByRole('heading', { level: 1, name: '项目累计完成投资' })).toBeVisible();
      for (const text of ['年度目标', '序时进度（应完成）', '预计全年', '同比', '口径', '填报记录', '领导批示']) {
        await expect(seen(page, text, true)).toBeVisible();
      }
      await expect(seen(page, '本期为示例数据')).toBeVisible();
      await chartsDrawn(page);
      await expect(page.locator('figcaption').getByText(/实绩对比全年目标与序时进度/)).toBeVisible();
      await screenshotOf(page, 'indicator');

      await page.goto('/indicators/REF-EXPORTS?year=2025');
      await expect(page.getByRole('heading', { level: 1, name: '出口总额' })).toBeVisible();
      await expect(seen(page, '12.6亿元')).toBeVisible();
      await expect(seen(page, '推算', true)).toBeVisible();
      await expect(seen(page, '由2025年出口12.6亿元、增长17.7%推算')).toBeVisible();
      await expect(
        seen(
          page,
          '上海临港新片区综合服务平台落户高新区,潞铁物流园区实现铁海联运,全市出口完成12.6亿元、增长17.7%。',
          true,
        ),
      ).toBeVisible();
      watch.assertClean();
    });

    test('the five-year review: the six groups, baseline against 2025', async ({ page }) => {
      const watch = watchPage(page);
      await page.goto('/review');
      await expect(page.getByRole('heading', { level: 1 })).toContainText('十四五');
      for (const group of REVIEW_GROUPS) {
        await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${group}`) })).toBeVisible();
      }
      await expect(seen(page, '30微克/立方米', true)).toBeVisible();
      await expect(seen(page, '24.2%', true)).toBeVisible();
      await screenshotOf(page, 'review');
      watch.assertClean();
    });

    test('the cockpit: areas, tiles, red and overdue lists, last refresh time', async ({ page }) => {
      const watch = watchPage(page);
      await page.goto('/screen');
      await expect(page.getByRole('heading', { level: 1, name: '长治市七个主抓手 · 领导驾驶舱' })).toBeVisible();
      await expect(page.getByText(/最后刷新 \d{2}:\d{2}:\d{2}/)).toBeVisible();
      for (const title of ['七个主抓手', '滞后指标', '逾期未报']) {
        await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
      }
      for (const area of WORK_AREAS) await expect(page.getByRole('link', { name: area.name })).toBeVisible();
      await expect(page.getByText('示例数据').first()).toBeVisible();
      await expect(page.getByRole('banner')).toHaveCount(0); // no app header on the cockpit
      await chartsDrawn(page);
      await screenshotOf(page, 'screen');
      watch.assertClean();
    });
  });
}

test('departments: leaders see every department ranked and open one with its indicators and overdue figures', async ({
  page,
}) => {
  const watch = watchPage(page);
  await page.goto('/departments');
  await expect(page.getByRole('heading', { level: 1, name: '责任单位' })).toBeVisible();
  await expect(page.getByText(RANKING_FORMULA)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/departments.png`, fullPage: true });
  await page.getByRole('table').getByRole('link', { name: '发改委' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '市发展和改革委员会' })).toBeVisible();
  await expect(page.getByText(/显示 \d+ \/ \d+ 项/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/department.png`, fullPage: true });
  watch.assertClean();
});

test.describe('the cockpit on its 1920×1080 display', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('fits without scrolling', async ({ page }) => {
    const watch = watchPage(page);
    await page.goto('/screen');
    await expect(page.getByRole('heading', { level: 2, name: '逾期未报' })).toBeVisible();
    await chartsDrawn(page);
    const size = await page.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      view: window.innerHeight,
    }));
    expect(size.scroll).toBeLessThanOrEqual(size.view);
    await page.screenshot({ path: `${SHOTS}/screen-1920.png` });
    watch.assertClean();
  });

  test('refreshes itself every 30 s and warns when the server is unreachable or the data stale', async ({ page }) => {
    let polls = 0;
    let refuse = false;
    await page.route('**/api/screen', async (route) => {
      polls += 1;
      if (refuse) await route.abort('connectionrefused');
      else await route.continue();
    });
    await page.clock.install();
    await page.goto('/screen');
    // Next.js keeps a role="alert" route announcer of its own: look for the cockpit's warning by its words.
    const warning = page.getByRole('alert').filter({ hasText: /无法连接服务器|数据可能已过期|数据刷新失败/ });
    const refreshed = page.getByText(/最后刷新 \d{2}:\d{2}:\d{2}/);
    await chartsDrawn(page); // hydrated: the polling timer runs from here
    const first = await refreshed.textContent();
    // Fetches settle in real time, timers run in fake time: move the clock a step at a time until it shows.
    let elapsed = 0;
    const advanceUntil = async (done: () => Promise<boolean>, step: number, limit: number) => {
      while (!(await done())) {
        if (elapsed >= limit) throw new Error(`not reached after ${elapsed} ms of fake time`);
        await page.clock.runFor(step);
        elapsed += step;
        await page.waitForTimeout(100);
      }
    };
    await page.clock.runFor(25_000);
    elapsed = 25_000;
    await page.waitForTimeout(300);
    expect(polls).toBe(0); // nothing before the 30 s interval
    await advanceUntil(async () => polls >= 1, 1_000, 35_000);
    await expect(refreshed).not.toHaveText(first ?? '');
    await expect(warning).toHaveCount(0);

    refuse = true;
    elapsed = 0;
    await advanceUntil(async () => (await warning.filter({ hasText: '无法连接服务器' }).count()) > 0, 1_000, 60_000);
    await advanceUntil(async () => (await warning.filter({ hasText: '数据可能已过期' }).count()) > 0, 5_000, 180_000);
    await expect(warning).toContainText('最后成功刷新于');
  });
});

test.describe('print', () => {
  test.use({ viewport: { width: 794, height: 1123 } });

  test('an area and an indicator print on A4 without the navigation and controls', async ({ page }) => {
    await page.emulateMedia({ media: 'print' });
    await page.goto('/areas/investment');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('抓招商、上项目');
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
    await expect(page.getByRole('group', { name: '筛选与排序' })).toBeHidden();
    await expect(page.locator('main table')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/area-print.png`, fullPage: true });
    await page.goto('/indicators/INV-INVESTMENT');
    await chartsDrawn(page);
    await expect(page.getByLabel('批示内容')).toBeHidden();
    await page.screenshot({ path: `${SHOTS}/indicator-print.png`, fullPage: true });
  });
});

test.describe('批示', () => {
  test('a leader writes an instruction on an indicator; it shows', async ({ page }) => {
    const watch = watchPage(page);
    const text = `请发改委分析投资进度，提出加快措施（E2E ${Date.now()}）`;
    await page.goto('/indicators/INV-INVESTMENT');
    await page.getByLabel('批示内容').fill(text);
    await page.getByRole('button', { name: '提交批示' }).click();
    await expect(page.getByText(text)).toBeVisible();
    await expect(page.getByText('待发改委答复').first()).toBeVisible();
    await page.reload();
    await expect(page.getByText(text)).toBeVisible();
    watch.assertClean();
  });

  test.describe('the owning department', () => {
    test.use({ storageState: storageStateOf('official') });

    test('answers it; an empty answer is refused with the field named', async ({ page, browser, baseURL }) => {
      // The instruction to answer, written by a leader over the API.
      const leader = await browser.newContext({ storageState: storageStateOf('leader'), baseURL });
      const posted = await leader.request.post('/api/indicators/INV-INVESTMENT/instructions', {
        headers: SAME_ORIGIN,
        data: { body: `请说明一季度投资情况（E2E ${Date.now()}）` },
      });
      expect(posted.status()).toBe(201);
      await leader.close();
      const watch = watchPage(page);
      await page.goto('/indicators/INV-INVESTMENT');
      const form = page.getByLabel('答复内容').first();
      await expect(form).toBeVisible();
      await page.getByRole('button', { name: '提交答复' }).first().click();
      await expect(page.getByRole('alert').filter({ hasText: '答复内容' }).first()).toBeVisible();
      const answer = `已召开调度会，二季度加快开工（E2E ${Date.now()}）`;
      await form.fill(answer);
      await page.getByRole('button', { name: '提交答复' }).first().click();
      await expect(page.getByText(answer)).toBeVisible();
      // The refused empty answer is a 400 the browser logs; nothing else may go wrong.
      expect(watch.problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
    });

    test('has no cockpit and no list of all departments, but its own department page', async ({ page }) => {
      await page.goto('/screen');
      await expect(page.getByRole('heading', { name: '无权限' })).toBeVisible();
      await page.goto('/departments');
      await expect(page.getByRole('heading', { name: '无权限' })).toBeVisible();
      await page.getByRole('link', { name: '本单位' }).click();
      await expect(page).toHaveURL(/\/departments\/fgw/);
      await expect(page.getByRole('heading', { level: 1, name: '市发展和改革委员会' })).toBeVisible();
      await page.goto('/departments/wlj');
      await expect(page.getByRole('heading', { name: '无权限' })).toBeVisible();
    });
  });
});

test.describe('the dashboard API', () => {
  test('unknown area, indicator or department: 404 with a Chinese message; a bad period: 400 naming the field', async ({
    request,
  }) => {
    const area = await request.get('/api/areas/no-such-area');
    expect(area.status()).toBe(404);
    expect((await area.json()).error.message).toContain('未找到工作领域');
    const indicator = await request.get('/api/indicators/NO-SUCH-CODE');
    expect(indicator.status()).toBe(404);
    expect((await indicator.json()).error.message).toContain('未找到指标');
    const department = await request.get('/api/departments/nosuch');
    expect(department.status()).toBe(404);
    expect((await department.json()).error.message).toContain('未找到责任单位');
    const badPeriod = await request.get('/api/areas/investment?month=13');
    expect(badPeriod.status()).toBe(400);
    expect((await badPeriod.json()).error.message).toContain('月份');
    const ok = await request.get('/api/areas/investment?year=2025&month=12');
    expect(ok.status()).toBe(200);
    expect((await ok.json()).indicators.length).toBeGreaterThan(0);
  });

  test.describe('as an official', () => {
    test.use({ storageState: storageStateOf('official') });
    test('the cockpit and other departments are refused (403), the own department answers', async ({ request }) => {
      expect((await request.get('/api/screen')).status()).toBe(403);
      expect((await request.get('/api/departments')).status()).toBe(403);
      expect((await request.get('/api/departments/wlj')).status()).toBe(403);
      expect((await request.get('/api/departments/fgw')).status()).toBe(200);
      const write = await request.post('/api/indicators/INV-INVESTMENT/instructions', {
        headers: SAME_ORIGIN,
        data: { body: '填报员不能批示' },
      });
      expect(write.status()).toBe(403);
    });
  });
});
