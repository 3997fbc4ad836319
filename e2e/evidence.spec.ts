/**
 * 佐证材料 on the entry form: an official saves a draft, attaches a PDF through the file input, sees it listed,
 * downloads it (the same bytes, under its Chinese name), is refused a renamed executable with the server's
 * Chinese message, and removes the PDF while the figure is still a draft.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { currentPeriod } from '../lib/domain/period';
import { storageStateOf } from './support/accounts';
import { watchPage } from './support/watch';

const period = currentPeriod(new Date());
const entryUrl = `/entry?year=${period.year}&month=${period.month}`;
// A fgw row no other spec touches.
const CODE = 'REF-BJ-COOPERATION-PROJECTS';
const PDF = Buffer.from('%PDF-1.4\n% 佐证材料 e2e\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'utf8');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test.use({ storageState: storageStateOf('official') });

test('an official attaches a PDF to a draft, downloads it, is refused an executable, and removes the PDF', async ({
  page,
}) => {
  const watch = watchPage(page);
  await page.goto(entryUrl);
  await expect(page.getByRole('heading', { level: 1, name: /数据填报/ })).toBeVisible();
  const card = page.locator(`li[aria-labelledby="${CODE}-title"]`);
  await expect(card).toBeVisible();
  await expect(card).toContainText('保存草稿后即可上传佐证材料');

  await page.locator(`#${CODE}-value`).fill('3');
  await card.getByRole('button', { name: '保存草稿' }).click();
  await expect(card.getByRole('status').first()).toContainText('草稿已保存');

  const picker = card.getByLabel('上传佐证材料');
  await picker.setInputFiles({ name: '对口合作进展报告.pdf', mimeType: 'application/pdf', buffer: PDF });
  const link = card.getByRole('link', { name: '对口合作进展报告.pdf' });
  await expect(link).toBeVisible();
  await expect(card.getByRole('status').last()).toHaveText('已上传 1 个文件');
  await expect(card).toContainText('佐证材料（1/10）');
  await page.screenshot({ path: 'e2e/screenshots/evidence.png', fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('对口合作进展报告.pdf');
  const saved = await download.path();
  expect(sha(fs.readFileSync(saved))).toBe(sha(PDF));

  // A Windows program renamed to .pdf: refused by its bytes, the message shown, nothing added to the list.
  await picker.setInputFiles({
    name: '年度总结.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512)]),
  });
  await expect(card.getByRole('alert')).toContainText('可执行程序');
  await expect(card.getByRole('link', { name: '年度总结.pdf' })).toHaveCount(0);
  await expect(card).toContainText('佐证材料（1/10）');

  await card.getByRole('button', { name: '删除 对口合作进展报告.pdf' }).click();
  await expect(card.getByRole('status').last()).toHaveText('已删除「对口合作进展报告.pdf」');
  await expect(link).toHaveCount(0);
  await expect(card).toContainText('佐证材料（0/10）');
  // The refused upload answered 415 on purpose (the browser logs it); nothing else may have failed.
  const problems = watch.problems.filter((p) => !/status of 415/.test(p));
  expect(problems, problems.join('\n')).toEqual([]);
});
