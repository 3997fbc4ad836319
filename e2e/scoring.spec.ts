import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { pageAs } from './support/accounts';
import { watchPage } from './support/watch';

test.describe.configure({ mode: 'serial' });

const YEAR = 2026; // the embedded sample year
let publishedTotals: string[] = [];

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
  const page = await pageAs(browser, 'leader');
  await page.goto(`/scores?year=${YEAR}`);
  await expect(page.getByRole('heading', { name: `${YEAR}年高质量发展绩效考核得分` })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('示例数据');
  await expect(page.getByRole('list', { name: '责任单位排名' }).getByRole('listitem').first()).toBeVisible();
  // 签约项目金额 is tracked by unit: the sample units are scored too, in their own ranking.
  await expect(page.getByRole('list', { name: '县区排名' }).getByRole('listitem')).toHaveCount(12);
  await page.context().close();
});

test('the admin builds a small scheme: a bad one is refused naming the problem, a good one is saved and published', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'admin');
  const watch = watchPage(page);
  await page.goto(`/admin/scoring?year=${YEAR}`);
  await expect(page.getByLabel('方案状态')).toContainText('第 1 版（已发布），示例数据');
  await page.getByRole('button', { name: '清空方案' }).click();
  await page.getByLabel('添加主抓手').selectOption({ label: '抓招商、上项目' });
  await page.getByLabel('「抓招商、上项目」权重').fill('60');
  await page.getByRole('button', { name: '在「抓招商、上项目」下添加指标' }).click();
  await page.getByRole('button', { name: '在「抓招商、上项目」下添加指标' }).click();
  await setItem(page, 1, 'INV-INVESTMENT', '60', '序时进度', '110');
  await setItem(page, 2, 'INV-SIGNED-AMOUNT', '30', '完成率', '120');
  await page.getByLabel('添加主抓手').selectOption({ label: '抓改革、促开放' });
  await page.getByLabel('「抓改革、促开放」权重').fill('30');
  await page.getByRole('button', { name: '在「抓改革、促开放」下添加指标' }).click();
  await setItem(page, 3, 'REF-EXPORTS', '100', '完成率', '120');
  await page.getByRole('button', { name: '校验并保存' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: '各主抓手「权重」合计应为 100，现为 90' });
  await expect(refusal).toContainText('主抓手「抓招商、上项目」内各指标「权重」合计应为 100，现为 90');

  await page.getByLabel('第2项权重').fill('40');
  await page.getByLabel('「抓改革、促开放」权重').fill('40');
  await page.getByRole('button', { name: '校验并保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存第 2 版（草稿）' })).toContainText(
    '已发布的版本及其得分保持不变',
  );
  await page.screenshot({ path: 'e2e/screenshots/admin-scoring.png', fullPage: true });
  await page.getByRole('button', { name: '发布第 2 版得分' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已发布第 2 版' })).toContainText(
    '2 个责任单位、12 个县区的得分已保存为快照',
  );
  // The refused save answered 400 (the browser logs it); nothing else went wrong.
  expect(watch.problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  await page.context().close();
});

test('the leader sees both rankings with each score’s formula (both levels of weights) and inputs', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'leader');
  const watch = watchPage(page);
  await page.goto(`/scores?year=${YEAR}`);
  await expect(page.getByText(/方案第 2 版/)).toBeVisible();
  await expect(page.getByLabel('计分公式')).toContainText('指标折算权重 = 主抓手权重 × 指标权重%');
  const fgw = page.getByTestId('score-fgw');
  await fgw.locator('summary').click();
  // INV-INVESTMENT: 60 × 60% = 36 points.
  await expect(fgw.getByTestId('score-formula')).toContainText(/^基础分 = \(.+\) ÷ 权重合计 36 × 100 = .+总分 = /);
  await expect(fgw.getByRole('row').filter({ hasText: '序时进度' })).toContainText(
    /序时目标 = .+ × \d+\/12.+得分 = 主抓手权重 60 × 指标权重 60% × /,
  );
  const units = page.getByRole('list', { name: '县区排名' });
  await expect(units.getByRole('listitem')).toHaveCount(12);
  const xiangyuan = page.getByTestId('score-xiangyuan');
  await xiangyuan.locator('summary').click();
  // The unit is scored on 签约项目金额 alone (60 × 40% = 24 points), against its own target.
  await expect(xiangyuan.getByTestId('score-formula')).toContainText('权重合计 24 × 100');
  await expect(xiangyuan.getByRole('row').filter({ hasText: '签约项目金额' })).toContainText(
    '主抓手权重 60 × 指标权重 40%',
  );
  publishedTotals = await totals(page);
  expect(publishedTotals).toHaveLength(14);
  await page.screenshot({ path: 'e2e/screenshots/scores.png', fullPage: true });
  watch.assertClean();
  await page.context().close();
});

test('the auditor exports both rankings with their inputs (XLSX)', async ({ browser }) => {
  const page = await pageAs(browser, 'auditor');
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
  expect(ranking?.rowCount).toBe(15); // header + two departments + twelve units
  expect(String(ranking?.getRow(2).getCell(11).value)).toMatch(/^基础分 = /);
  expect(ranking?.getColumn(2).values.map(String)).toEqual(expect.arrayContaining(['责任单位', '县区']));
  const codes = items ? items.getColumn(3).values.map(String) : [];
  expect(codes).toEqual(expect.arrayContaining(['INV-INVESTMENT', 'INV-SIGNED-AMOUNT', 'REF-EXPORTS']));
  const header = items?.getRow(1).values;
  expect(Array.isArray(header) ? header.map(String) : []).toEqual(
    expect.arrayContaining(['主抓手权重', '指标权重（主抓手内 %）', '折算权重（分）']),
  );
  await page.context().close();
});

test('a later scheme change makes a new version and leaves the published snapshot unchanged', async ({ browser }) => {
  const admin = await pageAs(browser, 'admin');
  await admin.goto(`/admin/scoring?year=${YEAR}`);
  await expect(admin.getByLabel('方案状态')).toContainText('第 2 版（已发布）');
  await admin.getByLabel('「抓招商、上项目」权重').fill('50');
  await admin.getByLabel('「抓改革、促开放」权重').fill('50');
  await admin.getByRole('button', { name: '校验并保存' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '已保存第 3 版（草稿）' })).toBeVisible();
  await admin.getByRole('button', { name: '发布第 3 版得分' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '已发布第 3 版' })).toBeVisible();
  await admin.context().close();

  const leader = await pageAs(browser, 'leader');
  await leader.goto(`/scores?year=${YEAR}`);
  await expect(leader.getByText(/方案第 3 版/)).toBeVisible();
  await leader.getByRole('link', { name: '第 2 版' }).click();
  await expect(leader.getByText(/方案第 2 版/)).toBeVisible();
  expect(await totals(leader)).toEqual(publishedTotals);
  const fgw = leader.getByTestId('score-fgw');
  await fgw.locator('summary').click();
  await expect(fgw.getByTestId('score-formula')).toContainText('权重合计 36');
  await leader.context().close();
});

test('the overview’s plan strip leads to the 十五五 plan; 十四五 closes with its review', async ({ browser }) => {
  const page = await pageAs(browser, 'leader');
  const watch = watchPage(page);
  await page.goto('/');
  await page.getByRole('link', { name: /^“十五五”规划 符合进度 \d+ 项/ }).click();
  await expect(page.getByRole('heading', { name: '“十五五”规划（2026—2030年）' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('示例数据');
  await expect(page.getByTestId('plan-row-REV-URBANIZATION')).toContainText(/需年均增长 \d+\.\d\d%/);
  await page.getByRole('link', { name: '“十四五”', exact: true }).click();
  await expect(page.getByRole('heading', { name: '“十四五”发展成就回顾' })).toBeVisible();
  // The review and the plan's closing view link to each other.
  await page.getByRole('link', { name: '单独打开“十四五”发展成就回顾' }).click();
  await expect(page).toHaveURL(/\/review$/);
  await page.getByRole('link', { name: '“十四五”规划收官页' }).click();
  await expect(page.getByRole('heading', { name: /^“十四五”规划（2021—2025年）· 收官/ })).toBeVisible();
  watch.assertClean();
  await page.context().close();
});

test('the admin confirms a plan path value as an annual target', async ({ browser }) => {
  const page = await pageAs(browser, 'admin');
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

test('the admin edits a plan indicator’s path: a bad edit names the field, a good one moves the path', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'admin');
  const watch = watchPage(page);
  await page.goto('/plans/fyp-15');
  const row = page.getByTestId('plan-row-INN-NET-NEW-FIRMS');
  await row.getByRole('button', { name: '编辑「企业数量净增」路径' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑规划路径：企业数量净增' });
  await dialog.getByLabel('路径类型').selectOption({ label: '按年均增速' });
  await dialog.getByLabel('年均增长（%）').fill('5');
  await dialog.getByRole('button', { name: '保存路径' }).click();
  // The final target (3200) is still there: both filled is refused, beside the field.
  await expect(dialog).toContainText('「2030年目标值」与「年均增长」应填且只填一项');
  await page.screenshot({ path: 'e2e/screenshots/plan-edit.png', fullPage: true });
  await dialog.getByLabel('2030年目标值（户）').fill('');
  await dialog.getByLabel('修改说明（可选，记入审计日志）').fill('按规划纲要');
  await dialog.getByRole('button', { name: '保存路径' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('按年均增速：年均增长 5%');
  // 2771 (2025) × 1.05 = 2909.55
  await expect(row).toContainText('2909.55');
  expect(watch.problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  await page.context().close();
});
