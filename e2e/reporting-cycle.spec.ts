import { expect, test, type Browser, type Page } from '@playwright/test';
import { currentPeriod } from '../lib/domain/period';
import { SAME_ORIGIN, storageStateOf, type E2eRole } from './support/accounts';
import { watchPage } from './support/watch';

// The current month: the e2e server seeds the sample year only up to last month, so it starts empty.
const period = currentPeriod(new Date());
const entryUrl = `/entry?year=${period.year}&month=${period.month}`;

async function pageAs(browser: Browser, role: E2eRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}

function entryCard(page: Page, name: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}`) }) });
}

test.describe.configure({ mode: 'serial' });

test('official submits, reviewer returns, official corrects, reviewer approves, the figure is locked', async ({ browser }) => {
  const official = await pageAs(browser, 'official');
  const watch = watchPage(official);
  await official.goto(entryUrl);
  await expect(official.getByRole('heading', { name: /数据填报/ })).toBeVisible();
  const card = entryCard(official, '项目累计完成投资');
  await card.getByLabel(/本期实绩/).fill('2,000');
  await card.getByLabel('备注').fill('含省重点项目');
  await card.getByRole('button', { name: '提交审核' }).click();
  await expect(card.getByRole('status')).toHaveText('已提交，等待审核');
  await official.screenshot({ path: 'e2e/screenshots/entry.png', fullPage: true });

  const reviewer = await pageAs(browser, 'reviewer');
  await reviewer.goto('/approvals');
  const item = reviewer.getByRole('listitem').filter({ hasText: '项目累计完成投资' });
  await expect(item).toContainText('2000亿元');
  await item.getByRole('button', { name: '退回' }).click();
  await item.getByRole('button', { name: '确认退回' }).click();
  await expect(item.getByRole('alert')).toContainText('退回原因');
  await item.getByLabel('退回原因').fill('与统计快报不一致，请核实');
  await item.getByRole('button', { name: '确认退回' }).click();
  await expect(reviewer.getByRole('listitem').filter({ hasText: '项目累计完成投资' })).toHaveCount(0);

  await official.reload();
  const returned = entryCard(official, '项目累计完成投资');
  await expect(returned).toContainText('已退回');
  await expect(returned).toContainText('与统计快报不一致，请核实');
  await returned.getByLabel(/本期实绩/).fill('2100');
  await returned.getByRole('button', { name: '提交审核' }).click();
  await expect(returned.getByRole('status')).toHaveText('已提交，等待审核');

  await reviewer.reload();
  const again = reviewer.getByRole('listitem').filter({ hasText: '项目累计完成投资' });
  await expect(again).toContainText('退回时为 2000亿元');
  await expect(again).toContainText('现为 2100亿元（已修改）');
  await reviewer.screenshot({ path: 'e2e/screenshots/approvals.png', fullPage: true });
  await again.getByRole('button', { name: '审核通过' }).click();
  await expect(reviewer.getByRole('listitem').filter({ hasText: '项目累计完成投资' })).toHaveCount(0);

  await official.reload();
  const locked = entryCard(official, '项目累计完成投资');
  await expect(locked).toContainText('已审核通过');
  await expect(locked.getByLabel(/本期实绩/)).toBeDisabled();
  await expect(locked.getByRole('button', { name: '提交审核' })).toHaveCount(0);

  // The server refuses a change too, not only the form.
  const refused = await official.request.put('/api/actuals', {
    headers: SAME_ORIGIN,
    data: { indicatorCode: 'INV-INVESTMENT', period: `${period.year}-${period.month}`, value: '1', version: 4, action: 'draft' },
  });
  expect(refused.status()).toBe(423);
  watch.assertClean();

  const leader = await pageAs(browser, 'leader');
  await leader.goto(`/indicators/INV-INVESTMENT?year=${period.year}&month=${period.month}`);
  await expect(leader.getByRole('main').getByText('2100亿元').first()).toBeVisible();
  await expect(leader.getByRole('main').getByText('已审核').first()).toBeVisible();
  await leader.screenshot({ path: 'e2e/screenshots/indicator-after-approval.png', fullPage: true });
});

test('two sessions save the same figure: one succeeds, the other gets 409 and keeps its value', async ({ browser }) => {
  const first = await pageAs(browser, 'official');
  const second = await pageAs(browser, 'official');
  await first.goto(entryUrl);
  await second.goto(entryUrl);
  const a = entryCard(first, '全年实施项目');
  const b = entryCard(second, '全年实施项目');
  await a.getByLabel(/本期实绩/).fill('3100');
  await b.getByLabel(/本期实绩/).fill('3200');
  await a.getByLabel(/本期实绩/).press('Enter');
  await expect(a.getByRole('status')).toContainText('草稿已保存');
  await b.getByLabel(/本期实绩/).press('Enter');
  const conflict = b.getByRole('alert');
  await expect(conflict).toContainText('已被');
  await expect(conflict).toContainText('3100');
  await expect(b.getByLabel(/本期实绩/)).toHaveValue('3200');
  await conflict.getByRole('button', { name: '保留我的值' }).click();
  await b.getByLabel(/本期实绩/).press('Enter');
  await expect(b.getByRole('status')).toContainText('草稿已保存');
});

test('a figure that is not a number is refused with a message naming the field', async ({ browser }) => {
  const official = await pageAs(browser, 'official');
  await official.goto(entryUrl);
  const card = entryCard(official, '新开工项目');
  await card.getByLabel(/本期实绩/).fill('abc');
  await card.getByRole('button', { name: '保存草稿' }).click();
  await expect(card.getByText(/「实绩值」/).first()).toBeVisible();
  await card.getByLabel(/本期实绩/).fill('１８７７');
  await card.getByRole('button', { name: '保存草稿' }).click();
  await expect(card.getByRole('status')).toContainText('草稿已保存');
});

test('roles without the permission are refused by the server', async ({ browser }) => {
  const leader = await pageAs(browser, 'leader');
  const put = await leader.request.put('/api/actuals', {
    headers: SAME_ORIGIN,
    data: { indicatorCode: 'INV-INVESTMENT', period: `${period.year}-${period.month}`, value: '1', version: null, action: 'draft' },
  });
  expect(put.status()).toBe(403);
  await leader.goto('/entry');
  await expect(leader.getByRole('heading', { name: '无权限' })).toBeVisible();
  const official = await pageAs(browser, 'official');
  const wrongType = await official.request.put('/api/actuals', { headers: { ...SAME_ORIGIN, 'content-type': 'text/plain' }, data: 'x' });
  expect(wrongType.status()).toBe(415);
  expect((await wrongType.json()).error.message).toContain('JSON');
});
