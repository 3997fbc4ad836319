import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageStateOf, type E2eRole } from './support/accounts';
import { watchPage } from './support/watch';

test.describe.configure({ mode: 'serial' });

const YEAR = 2026; // the embedded sample year
let publishedTotals: string[] = [];

async function as(browser: Browser, role: E2eRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}

async function setItem(page: Page, n: number, code: string, weight: string, rule: string, ceiling: string) {
  await page.getByLabel(`第${n}项指标`).selectOption(code);
  await page.getByLabel(`第${n}项权重`).fill(weight);
  await page.getByLabel(`第${n}项计分规则`).selectOption({ label: rule });
  await page.getByLabel(`第${n}项计分上限`).fill(ceiling);
}

async function totals(page: Page): Promise<string[]> {
  return page.getByTestId('score-total').allTextContents();
}

test('the sample year comes with published sample scores (示例数据)', async ({ browser }) => {
  const page = await as(browser, 'leader');
  await page.goto(`/scores?year=${YEAR}`);
  await expect(page.getByRole('heading', { name: `${YEAR}年高质量发展绩效考核得分` })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('示例数据');
  await expect(page.getByRole('list', { name: '考核排名' }).getByRole('listitem').first()).toBeVisible();
  await page.context().close();
});

test('the admin builds a small scheme: a bad one is refused naming the problem, a good one is saved and published', async ({
  browser,
}) => {
  const page = await as(browser, 'admin');
  const watch = watchPage(page);
  await page.goto(`/admin/scoring?year=${YEAR}`);
  await expect(page.getByLabel('方案状态')).toContainText('第 1 版（已发布），示例数据');
  await page.getByRole('button', { name: '清空指标' }).click();
  await page.getByRole('button', { name: '添加指标' }).click();
  await page.getByRole('button', { name: '添加指标' }).click();
  await setItem(page, 1, 'INV-INVESTMENT', '60', '序时进度', '110');
  await setItem(page, 2, 'REF-EXPORTS', '30', '完成率', '120');
  await page.getByRole('button', { name: '校验并保存' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '各指标「权重」合计应为 100，现为 90' })).toBeVisible();

  await page.getByLabel('第2项权重').fill('40');
  await page.getByRole('button', { name: '校验并保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存第 2 版（草稿）' })).toContainText(
    '已发布的版本及其得分保持不变',
  );
  await page.getByRole('button', { name: '发布第 2 版得分' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已发布第 2 版' })).toContainText(
    '2 个责任单位的得分已保存为快照',
  );
  // The refused save answered 400 (the browser logs it); nothing else went wrong.
  expect(watch.problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  await page.context().close();
});

test('the leader sees the ranking with each score’s formula and inputs', async ({ browser }) => {
  const page = await as(browser, 'leader');
  const watch = watchPage(page);
  await page.goto(`/scores?year=${YEAR}`);
  await expect(page.getByText(/方案第 2 版/)).toBeVisible();
  const fgw = page.getByTestId('score-fgw');
  await fgw.locator('summary').click();
  await expect(fgw.getByTestId('score-formula')).toContainText(/^基础分 = \(.+\) ÷ 权重合计 60 × 100 = .+总分 = /);
  await expect(fgw.getByRole('row').filter({ hasText: '序时进度' })).toContainText(/序时目标 = .+ × \d+\/12/);
  await expect(page.getByTestId('score-swj')).toBeVisible();
  publishedTotals = await totals(page);
  expect(publishedTotals).toHaveLength(2);
  await page.screenshot({ path: 'e2e/screenshots/scores.png', fullPage: true });
  watch.assertClean();
  await page.context().close();
});

test('the auditor exports the ranking with its inputs (XLSX)', async ({ browser }) => {
  const page = await as(browser, 'auditor');
  await page.goto(`/scores?year=${YEAR}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '导出 Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^考核得分_2026_第2版_.+\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const ranking = workbook.getWorksheet('得分排名');
  const items = workbook.getWorksheet('得分明细（输入数据）');
  expect(ranking?.rowCount).toBe(3); // header + two departments
  expect(String(ranking?.getRow(2).getCell(11).value)).toMatch(/^基础分 = /);
  const codes = items ? items.getColumn(2).values.map(String) : [];
  expect(codes).toEqual(expect.arrayContaining(['INV-INVESTMENT', 'REF-EXPORTS']));
  await page.context().close();
});

test('a later scheme change makes a new version and leaves the published snapshot unchanged', async ({ browser }) => {
  const admin = await as(browser, 'admin');
  await admin.goto(`/admin/scoring?year=${YEAR}`);
  await expect(admin.getByLabel('方案状态')).toContainText('第 2 版（已发布）');
  await admin.getByLabel('第1项权重').fill('50');
  await admin.getByLabel('第2项权重').fill('50');
  await admin.getByRole('button', { name: '校验并保存' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '已保存第 3 版（草稿）' })).toBeVisible();
  await admin.getByRole('button', { name: '发布第 3 版得分' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '已发布第 3 版' })).toBeVisible();
  await admin.context().close();

  const leader = await as(browser, 'leader');
  await leader.goto(`/scores?year=${YEAR}`);
  await expect(leader.getByText(/方案第 3 版/)).toBeVisible();
  await leader.getByRole('link', { name: '第 2 版' }).click();
  await expect(leader.getByText(/方案第 2 版/)).toBeVisible();
  expect(await totals(leader)).toEqual(publishedTotals);
  const fgw = leader.getByTestId('score-fgw');
  await fgw.locator('summary').click();
  await expect(fgw.getByTestId('score-formula')).toContainText('权重合计 60');
  await leader.context().close();
});

test('the overview’s plan strip leads to the 十五五 plan; 十四五 closes with its review', async ({ browser }) => {
  const page = await as(browser, 'leader');
  const watch = watchPage(page);
  await page.goto('/');
  await page.getByRole('link', { name: /^“十五五”规划 符合进度 \d+ 项/ }).click();
  await expect(page.getByRole('heading', { name: '“十五五”规划（2026—2030年）' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('示例数据');
  await expect(page.getByTestId('plan-row-REV-URBANIZATION')).toContainText(/需年均增长 \d+\.\d\d%/);
  await page.getByRole('link', { name: '“十四五”', exact: true }).click();
  await expect(page.getByRole('heading', { name: '“十四五”发展成就回顾' })).toBeVisible();
  watch.assertClean();
  await page.context().close();
});

test('the admin confirms a plan path value as an annual target', async ({ browser }) => {
  const page = await as(browser, 'admin');
  const watch = watchPage(page);
  await page.goto('/plans/fyp-15');
  // 出口总额 on the 年均增长 10% path from 12.6 (2025): 2028 = 12.6 × 1.1³ = 16.7706. (Other specs set 2027 targets of other indicators.)
  const row = page.getByTestId('plan-row-REF-EXPORTS');
  await row.getByLabel('「出口总额」采用路径的年份').selectOption('2028');
  await row.getByRole('button', { name: '设为年度目标' }).click();
  await expect(row).toContainText('确认将「出口总额」2028年目标设为 16.7706亿元？');
  await row.getByRole('button', { name: '确认设为目标' }).click();
  await expect(row.getByRole('status')).toHaveText('✓ 已将2028年目标设为 16.7706亿元（已记入审计日志）');
  watch.assertClean();
  await page.context().close();
});
