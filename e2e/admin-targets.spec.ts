import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { storageStateOf } from './support/accounts';
import { watchPage } from './support/watch';

test.describe.configure({ mode: 'serial' });
test.use({ storageState: storageStateOf('admin') });

const YEAR = new Date().getUTCFullYear() + 1; // a year not begun yet: no revision reason asked

test('an admin sets a quarterly phased target and sees the parts checked against the annual target', async ({
  page,
}) => {
  const watch = watchPage(page);
  await page.goto(`/admin/targets?year=${YEAR}`);
  await expect(page.getByRole('heading', { name: `${YEAR} 年目标管理` })).toBeVisible();
  await page.getByRole('button', { name: '设定 项目累计完成投资 的目标' }).click();
  const dialog = page.getByRole('dialog', { name: `${YEAR} 年目标 · 项目累计完成投资` });
  await dialog.getByLabel('全年目标（亿元）').fill('1,200');
  await dialog.getByLabel('限定词').selectOption({ label: '以上(≥)' });
  await dialog.getByLabel('按季度分解').check();
  for (const [label, value] of [
    ['一季度新增', '200'],
    ['二季度新增', '300'],
    ['三季度新增', '300'],
    ['四季度新增', '300'],
  ] as const) {
    await dialog.getByLabel(label).fill(value);
  }
  const check = dialog.getByRole('status');
  await expect(check).toHaveText('✗ 核对未通过：合计 1100亿元，比全年目标少 100亿元');
  // Saving is refused in the form while the parts do not add up.
  await dialog.getByRole('button', { name: '保存目标' }).click();
  await expect(dialog.getByRole('alert')).toContainText('分解目标与全年目标不一致');
  await dialog.getByLabel('四季度新增').fill('400');
  await expect(check).toHaveText('✓ 核对通过：合计 1200亿元，等于全年目标');
  await dialog.getByRole('button', { name: '保存目标' }).click();

  await expect(page.getByRole('status').filter({ hasText: `已保存 项目累计完成投资 ${YEAR} 年目标` })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'INV-INVESTMENT' });
  await expect(row).toContainText('1200亿元以上');
  await expect(row).toContainText('按季度分解（4 期）');
  await page.screenshot({ path: 'e2e/screenshots/admin-targets.png', fullPage: true });
  watch.assertClean();
});

test('an admin uploads a small XLSX of targets: the dry run lists each bad row, nothing can be committed', async ({
  page,
  request,
}) => {
  const watch = watchPage(page);
  const template = await request.get(`/api/imports/targets/template?department=fgw&year=${YEAR}`);
  expect(template.status()).toBe(200);
  expect(template.headers()['content-type']).toContain('spreadsheetml');

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('目标');
  sheet.addRow(['指标编码', '指标名称', '单位', '年份', '全年目标', '限定词', '修订原因']);
  sheet.addRow(['INV-NEW-STARTS', '新开工项目', '个', String(YEAR), '2000', '以上']);
  sheet.addRow(['NO-SUCH', '', '', String(YEAR), '1']);
  sheet.addRow(['INV-PROJECTS', '', '个', '2025-13', 'abc']);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.goto('/import?kind=targets');
  await expect(page.getByRole('heading', { name: '批量导入' })).toBeVisible();
  await expect(page.getByLabel('年度目标')).toBeChecked();
  await page.getByLabel('选择填写好的文件').setInputFiles({
    name: '目标.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.getByRole('button', { name: '预检' }).click();

  const table = page.getByRole('table', { name: /预检结果/ });
  await expect(table.getByText('第 3 行：「指标编码」NO-SUCH 不存在', { exact: false })).toBeVisible();
  await expect(table.getByText('第 4 行：「年份」2025-13 无效', { exact: false })).toBeVisible();
  await expect(table.getByText('第 4 行：「全年目标」不是有效数字', { exact: false })).toBeVisible();
  await expect(page.getByText('有错误 2 行').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /确认导入/ })).toBeDisabled();
  await page.getByLabel('只看有错误的行').uncheck();
  await expect(table.getByText('✓ 可导入')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/import-dry-run.png', fullPage: true });
  watch.assertClean();
});
