/**
 * Accessibility (issue 7): axe on every page with no serious or critical WCAG 2.1 A/AA violation, a text
 * alternative for every chart, a visible focus ring, and the entry form worked with the keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { currentPeriod } from '../lib/domain/period';
import { pageAs, type E2eRole } from './support/accounts';

const period = currentPeriod(new Date());
const entryUrl = `/entry?year=${period.year}&month=${period.month}`;
// A fgw row no other spec touches (reporting-cycle uses 项目累计完成投资, 全年实施项目 and 新开工项目).
const ENTRY_CODE = 'INV-TRANSFORM-PROJECTS-COMPLETED';
/** A drawn chart: a recharts surface (the trend chart) or one of the plain-SVG sparklines. */
const CHARTS = '.recharts-wrapper, svg[data-chart]';

/** The page has drawn its data: no skeleton or loading notice left, a top-level heading shown. */
async function settle(page: Page, { charts = false }: { charts?: boolean } = {}) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.getByText('正在加载…')).toHaveCount(0);
  await expect(page.locator('.animate-pulse')).toHaveCount(0);
  if (charts) await expect.poll(() => page.locator(CHARTS).count()).toBeGreaterThan(0);
}

/** Runs axe (WCAG 2.0/2.1 A and AA) and fails on serious or critical findings, naming each with its first nodes. */
async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking.map((v) => {
    const nodes = v.nodes.slice(0, 3).map((n) => {
      const why = (n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim();
      return `    ${n.target.join(' ')}${why ? ` — ${why}` : ''}`;
    });
    return `${v.id} [${v.impact}] ${v.help} (${v.nodes.length} node(s))\n${nodes.join('\n')}`;
  });
  expect(blocking, `${page.url()}\n${report.join('\n')}`).toEqual([]);
}

/** The focused element shows a ring: an outline of at least 2px, or a box-shadow. */
async function focusRingOf(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { element: 'body', visible: false, detail: 'nothing focused' };
    const style = getComputedStyle(el);
    const outlineWidth = Number.parseFloat(style.outlineWidth) || 0;
    const hasOutline = style.outlineStyle !== 'none' && outlineWidth >= 2;
    const hasShadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
    return {
      element: label,
      visible: hasOutline || hasShadow,
      detail: `outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}`,
    };
  });
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab (or Shift+Tab) until `isTarget` holds for the focused element; fails after `limit` presses. */
async function tabUntil(
  page: Page,
  isTarget: () => Promise<boolean>,
  what: string,
  { back = false, limit = 400 } = {},
) {
  for (let i = 0; i < limit; i += 1) {
    if (await isTarget()) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${what} was not reached with the keyboard in ${limit} presses`);
}

// First, so the reviewer's queue holds the submitted figure when /approvals is scanned below.
test('keyboard only: an official enters a figure, saves the draft and submits it without a mouse', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'official');
  await page.goto(entryUrl);
  await expect(page.getByRole('heading', { level: 1, name: /数据填报/ })).toBeVisible();
  await settle(page);
  const card = page.locator(`li[aria-labelledby="${ENTRY_CODE}-title"]`);
  await expect(card).toContainText('转型项目竣工投产');
  await expect(page.locator(`#${ENTRY_CODE}-value`)).toBeEnabled();

  // From the top of the page (nothing focused yet): Tab through the header and the sheet to the row's figure.
  await tabUntil(page, async () => (await activeId(page)) === `${ENTRY_CODE}-value`, `#${ENTRY_CODE}-value`);
  const inputRing = await focusRingOf(page);
  expect(inputRing.visible, `${inputRing.element}: ${inputRing.detail}`).toBe(true);
  // Below the expected path (序时进度) on purpose: the form then asks for 情况说明 before it accepts the submission.
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await expect(card.getByRole('status')).toContainText('草稿已保存');

  const onSubmitButton = () =>
    page.evaluate((code) => {
      const el = document.activeElement;
      return (
        el?.tagName === 'BUTTON' &&
        el.textContent?.trim() === '提交审核' &&
        el.closest('li')?.getAttribute('aria-labelledby') === `${code}-title`
      );
    }, ENTRY_CODE);
  await tabUntil(page, onSubmitButton, '提交审核', { limit: 12 });
  const ring = await focusRingOf(page);
  expect(ring.visible, `${ring.element}: ${ring.detail}`).toBe(true);
  await page.keyboard.press('Enter');

  // The answer replaces the draft message: either submitted, or the form asks for 情况说明 (behind 序时进度).
  const status = card.getByRole('status');
  await expect(status).not.toContainText('草稿已保存');
  if (!(await status.textContent())?.includes('已提交，等待审核')) {
    test.info().annotations.push({ type: 'entry', description: `asked for 情况说明: ${await status.textContent()}` });
    await expect(page.locator(`#${ENTRY_CODE}-explanation`)).toBeVisible();
    // The explanation comes before the buttons: Shift+Tab back to it, type it, Tab on and submit again.
    await tabUntil(page, async () => (await activeId(page)) === `${ENTRY_CODE}-explanation`, '情况说明', {
      back: true,
      limit: 12,
    });
    await page.keyboard.type('部分项目受设备到货影响推迟投产，预计年底前完成');
    await tabUntil(page, onSubmitButton, '提交审核', { limit: 12 });
    await page.keyboard.press('Enter');
  }
  await expect(card.getByRole('status')).toHaveText('已提交，等待审核');
  await expect(card).toContainText('已提交待审核');
  await page.context().close();
});

const PAGES: { path: string; role: E2eRole | 'signed-out'; heading?: RegExp; charts?: boolean }[] = [
  { path: '/login', role: 'signed-out', heading: /抓手/ },
  { path: '/', role: 'leader', heading: /总览/, charts: true },
  // December 2025 has one figure per headline indicator, so its sparklines have nothing to draw.
  { path: '/?year=2025&month=12', role: 'leader', heading: /2025年12月 · 总览/ },
  { path: '/areas/investment', role: 'leader', heading: /抓招商、上项目/ },
  { path: '/areas/livelihood', role: 'leader', heading: /抓民生、办实事/ },
  { path: '/indicators/INV-INVESTMENT', role: 'leader', heading: /项目累计完成投资/, charts: true },
  { path: '/review', role: 'leader' },
  { path: '/plans/fyp-15', role: 'leader', heading: /“十五五”规划/ },
  { path: '/plans/fyp-15', role: 'admin', heading: /“十五五”规划/ },
  { path: '/scores?year=2026', role: 'leader', heading: /考核得分/ },
  { path: '/admin/scoring?year=2026', role: 'admin', heading: /考核方案/ },
  { path: '/departments', role: 'leader' },
  { path: '/departments/fgw', role: 'leader' },
  { path: '/departments/own', role: 'official' },
  { path: '/units', role: 'leader', heading: /县区/ },
  { path: '/units/luzhou', role: 'leader', heading: /潞州区/ },
  { path: '/indicators/INV-SIGNED-AMOUNT', role: 'leader', heading: /签约项目金额/ },
  { path: '/screen', role: 'leader', charts: true },
  { path: entryUrl, role: 'official', heading: /数据填报/ },
  { path: '/approvals', role: 'reviewer', heading: /数据审核/ },
  { path: '/admin/users', role: 'admin' },
  { path: '/admin/departments', role: 'admin' },
  { path: '/admin/units', role: 'admin' },
  { path: '/admin/indicators', role: 'admin' },
  { path: '/admin/targets', role: 'admin' },
  { path: '/admin/settings', role: 'admin' },
  { path: '/admin/reminders', role: 'admin' },
  { path: '/import', role: 'admin', heading: /批量导入/ },
  { path: '/import', role: 'official', heading: /批量导入/ },
  { path: '/audit', role: 'auditor', heading: /审计日志/ },
  { path: '/bulletins', role: 'leader', heading: /七个主抓手目标任务进展情况通报/ },
  { path: '/account/mfa', role: 'leader' },
  { path: '/account/password', role: 'leader' },
  { path: '/entry', role: 'leader', heading: /无权限/ },
];

for (const { path, role, heading, charts } of PAGES) {
  test(`axe: ${path} as ${role} has no serious or critical violation`, async ({ browser }) => {
    const page = await pageAs(browser, role);
    await page.goto(path);
    if (heading) await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await settle(page, { charts });
    await expectNoSeriousViolations(page);
    await page.context().close();
  });
}

/** Every drawn chart's container holds a readable table or carries a Chinese aria-label/-describedby summary. */
async function chartsWithoutTextAlternative(page: Page) {
  return page.evaluate((selector) => {
    const chinese = /[\u4e00-\u9fff]/;
    const isExposed = (el: Element) => !el.closest('[aria-hidden="true"]') && getComputedStyle(el).display !== 'none';
    const describedText = (el: Element) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const hasAlternative = (el: Element) => {
      if (chinese.test(el.getAttribute('aria-label') ?? '') || chinese.test(describedText(el))) return true;
      return [...el.querySelectorAll('table, [role="table"]')].some(
        (t) =>
          isExposed(t) &&
          t.getAttribute('role') !== 'presentation' &&
          t.querySelectorAll('tr, [role="row"]').length > 1 &&
          chinese.test(t.textContent ?? ''),
      );
    };
    const surfaces = [...document.querySelectorAll(selector)];
    // The chart's own container (its figure, or the element that names it): a table elsewhere on the page does not count.
    const missing = surfaces.filter((surface) => {
      const container =
        surface.parentElement?.closest('figure, [role="img"], [role="figure"]') ?? surface.parentElement;
      for (let el = surface.parentElement; el; el = el.parentElement) {
        if (hasAlternative(el)) return false;
        if (el === container) break;
      }
      return true;
    });
    return { total: surfaces.length, missing: missing.map((m) => m.parentElement?.outerHTML.slice(0, 200) ?? '') };
  }, CHARTS);
}

for (const path of ['/', '/indicators/INV-INVESTMENT', '/indicators/INV-INVESTMENT?year=2025&month=12']) {
  test(`charts on ${path} have a text alternative`, async ({ browser }) => {
    const page = await pageAs(browser, 'leader');
    await page.goto(path);
    await settle(page, { charts: true });
    const { total, missing } = await chartsWithoutTextAlternative(page);
    expect(total).toBeGreaterThan(0);
    expect(missing, `${missing.length} of ${total} charts without a text alternative:\n${missing.join('\n')}`).toEqual(
      [],
    );
    await page.context().close();
  });
}

for (const { path, role } of [
  { path: '/', role: 'leader' as const },
  { path: entryUrl, role: 'official' as const },
]) {
  test(`focus is visible on the first tab stops of ${path}`, async ({ browser }) => {
    const page = await pageAs(browser, role);
    await page.goto(path);
    await settle(page);
    const seen: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      const ring = await focusRingOf(page);
      expect(ring.visible, `tab stop ${i + 1}, ${ring.element}: ${ring.detail}`).toBe(true);
      seen.push(ring.element);
    }
    expect(new Set(seen).size, seen.join(', ')).toBeGreaterThan(4);
    await page.context().close();
  });
}
