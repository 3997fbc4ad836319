import { expect, test, type Page } from '@playwright/test';
import { currentPeriod } from '../lib/domain/period';
import { ApprovalsPage } from './pages/approvals-page';
import { EntryPage } from './pages/entry-page';
import { pageAs, SAME_ORIGIN } from './support/accounts';
import { watchPage } from './support/watch';

// The current month: the e2e server seeds the sample year only up to last month, so it starts empty.
const period = currentPeriod(new Date());

/** Saves 1 as a draft of this month's 固定资产投资 at `version` straight through the API, as `page`'s user. */
function putInvestmentDraft(page: Page, version: number | null) {
  return page.request.put('/api/actuals', {
    headers: SAME_ORIGIN,
    data: {
      indicatorCode: 'INV-INVESTMENT',
      period: `${period.year}-${period.month}`,
      value: '1',
      version,
      action: 'draft',
    },
  });
}

test.describe.configure({ mode: 'serial' });

test('official submits, reviewer returns, official corrects, reviewer approves, the figure is locked', async ({
  browser,
}) => {
  const official = await pageAs(browser, 'official');
  const watch = watchPage(official);
  const entry = await new EntryPage(official).goto();
  const card = entry.card('项目累计完成投资');
  await card.note.fill('含省重点项目');
  await card.submit('2,000');
  await expect(card.status).toHaveText('已提交，等待审核');
  await official.screenshot({ path: 'e2e/screenshots/entry.png', fullPage: true });

  const reviewer = await pageAs(browser, 'reviewer');
  const approvals = await new ApprovalsPage(reviewer).goto();
  const item = approvals.item('项目累计完成投资');
  await expect(item).toContainText('2000亿元');
  // Returning without a reason is refused, and says what is missing.
  await item.getByRole('button', { name: '退回' }).click();
  await item.getByRole('button', { name: '确认退回' }).click();
  await expect(item.getByRole('alert')).toContainText('退回原因');
  await approvals.returnWith('项目累计完成投资', '与统计快报不一致，请核实');

  await official.reload();
  const returned = entry.card('项目累计完成投资');
  await expect(returned.root).toContainText('已退回');
  await expect(returned.root).toContainText('与统计快报不一致，请核实');
  await returned.submit('2100');
  await expect(returned.status).toHaveText('已提交，等待审核');

  await reviewer.reload();
  const again = approvals.item('项目累计完成投资');
  await expect(again).toContainText('退回时为 2000亿元');
  await expect(again).toContainText('现为 2100亿元（已修改）');
  await reviewer.screenshot({ path: 'e2e/screenshots/approvals.png', fullPage: true });
  await approvals.approve('项目累计完成投资');

  await official.reload();
  const locked = entry.card('项目累计完成投资');
  await expect(locked.root).toContainText('已审核通过');
  await expect(locked.value).toBeDisabled();
  await expect(locked.button('提交审核')).toHaveCount(0);

  // The server refuses a change too, not only the form.
  const refused = await putInvestmentDraft(official, 4);
  expect(refused.status()).toBe(423);
  watch.assertClean();

  const leader = await pageAs(browser, 'leader');
  await leader.goto(`/indicators/INV-INVESTMENT?year=${period.year}&month=${period.month}`);
  await expect(leader.getByRole('main').getByText('2100亿元').first()).toBeVisible();
  await expect(leader.getByRole('main').getByText('已审核').first()).toBeVisible();
  await leader.screenshot({ path: 'e2e/screenshots/indicator-after-approval.png', fullPage: true });
});

test('two sessions save the same figure: one succeeds, the other gets 409 and keeps its value', async ({ browser }) => {
  const first = await new EntryPage(await pageAs(browser, 'official')).goto();
  const second = await new EntryPage(await pageAs(browser, 'official')).goto();
  const a = first.card('全年实施项目');
  const b = second.card('全年实施项目');
  await a.value.fill('3100');
  await b.value.fill('3200');
  await a.value.press('Enter');
  await expect(a.status).toContainText('草稿已保存');
  await b.value.press('Enter');
  await expect(b.alert).toContainText('已被');
  await expect(b.alert).toContainText('3100');
  await expect(b.value).toHaveValue('3200');
  await b.alert.getByRole('button', { name: '保留我的值' }).click();
  await b.value.press('Enter');
  await expect(b.status).toContainText('草稿已保存');
});

test('a figure that is not a number is refused with a message naming the field', async ({ browser }) => {
  const entry = await new EntryPage(await pageAs(browser, 'official')).goto();
  const card = entry.card('新开工项目');
  await card.saveDraft('abc');
  await expect(card.root.getByText(/「实绩值」/).first()).toBeVisible();
  await card.saveDraft('１８７７');
  await expect(card.status).toContainText('草稿已保存');
});

test('roles without the permission are refused by the server', async ({ browser }) => {
  const leader = await pageAs(browser, 'leader');
  const put = await putInvestmentDraft(leader, null);
  expect(put.status()).toBe(403);
  await leader.goto('/entry');
  await expect(leader.getByRole('heading', { name: '无权限' })).toBeVisible();
  const official = await pageAs(browser, 'official');
  const wrongType = await official.request.put('/api/actuals', {
    headers: { ...SAME_ORIGIN, 'content-type': 'text/plain' },
    data: 'x',
  });
  expect(wrongType.status()).toBe(415);
  expect((await wrongType.json()).error.message).toContain('JSON');
});
