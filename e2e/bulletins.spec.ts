/**
 * The monthly 通报: a leader generates November 2026 (the sample year runs through the last closed month), sees it
 * listed with its hashes and downloads the Word file; the PDF's first page is rendered to
 * e2e/screenshots/bulletin-page1.png (pdftoppm) for a person to look at. An official is refused.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SAME_ORIGIN, storageStateOf } from './support/accounts';
import { watchPage } from './support/watch';
import { firstPagePng } from '../scripts/lib/pdf-page';

const TITLE = '长治市七个主抓手目标任务进展情况通报（2026年11月）';

test.describe('leader', () => {
  test.use({ storageState: storageStateOf('leader') });

  test('generates November 2026, sees it listed, downloads the Word file and the PDF byte for byte', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const watch = watchPage(page);
    await page.goto('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通报', exact: true }).click();
    await expect(page).toHaveURL(/\/bulletins$/);
    await expect(page.getByRole('heading', { name: '七个主抓手目标任务进展情况通报' })).toBeVisible();
    await page.getByLabel('年份').selectOption('2026');
    await page.getByLabel('月份').selectOption('11');
    await page.getByRole('button', { name: '生成通报' }).click();
    await expect(page.getByRole('status')).toContainText('已生成 2026年11月 通报', { timeout: 60_000 });
    const row = page.getByTestId('bulletin-row').first();
    await expect(row).toContainText('2026年11月');
    await expect(row).toContainText('示例数据');
    await expect(row).toContainText('e2e-leader');
    await page.screenshot({ path: 'e2e/screenshots/bulletins.png', fullPage: true });

    const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-bulletin-'));
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('link', { name: '下载 Word' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('长治市七个主抓手目标任务进展情况通报_2026年11月.docx');
      const docxPath = path.join(dir, 'b.docx');
      await download.saveAs(docxPath);
      const docx = readFileSync(docxPath);
      // The listed SHA-256 is the downloaded file's.
      await expect(row).toContainText(createHash('sha256').update(docx).digest('hex'));
      const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(xml).toContain(TITLE);
      expect(xml).toContain('一、抓招商、上项目');

      // The PDF, twice: the same stored bytes.
      const pdfLink = await row.getByRole('link', { name: '下载 PDF' }).getAttribute('href');
      expect(pdfLink).toMatch(/^\/api\/bulletins\/\d+\/pdf$/);
      const first = await page.request.get(pdfLink ?? '');
      const second = await page.request.get(pdfLink ?? '');
      expect(first.status()).toBe(200);
      const pdf = await first.body();
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await second.body()).equals(pdf)).toBe(true);
      expect(first.headers()['x-content-sha256']).toBe(createHash('sha256').update(pdf).digest('hex'));
      firstPagePng(pdf, 110, 'e2e/screenshots/bulletin-page1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    watch.assertClean();
  });
});

test.describe('official', () => {
  test.use({ storageState: storageStateOf('official') });

  test('has no 通报 link, sees 无权限, and the API refuses with 403 storing nothing', async ({ page }) => {
    await page.goto('/bulletins');
    await expect(page.getByRole('alert').filter({ hasText: '无权限' })).toContainText('您的角色不能访问「通报」');
    await expect(
      page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '通报', exact: true }),
    ).toHaveCount(0);
    const posted = await page.request.post('/api/bulletins', { headers: SAME_ORIGIN, data: { year: 2026, month: 11 } });
    expect(posted.status()).toBe(403);
    expect((await page.request.get('/api/bulletins')).status()).toBe(403);
    expect((await page.request.get('/api/bulletins/1/docx')).status()).toBe(403);
  });
});

test.describe('bad input', () => {
  test.use({ storageState: storageStateOf('auditor') });

  test('month 13 and a missing year are refused with the field named', async ({ page }) => {
    const month = await page.request.post('/api/bulletins', { headers: SAME_ORIGIN, data: { year: 2026, month: 13 } });
    expect(month.status()).toBe(400);
    expect((await month.json()).error.fieldErrors.month).toEqual(['「月份」应为 1 到 12 之间的整数']);
    const year = await page.request.post('/api/bulletins', { headers: SAME_ORIGIN, data: { month: 11 } });
    expect(year.status()).toBe(400);
    expect((await year.json()).error.message).toBe('请填写「年份」');
  });
});
