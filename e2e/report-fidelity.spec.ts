/**
 * What the screens say is what the report says. Every page holding report figures — the overview for 2025, each work
 * area for 2025, the 十四五 review and the page of every report figure — is rendered by the server as a leader gets it,
 * and for every figure of the report the text shown must carry the report's number, unit and qualifier word; where the
 * report states a change, the change shown must equal it. The expectations are read from the report's own text
 * (docs/report): the unit must follow the number there, the qualifier word is the word the report puts around it,
 * words are the report's words. The seed only says which number belongs to which indicator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SEED_INDICATORS } from '../db/seed/report-data';
import type { SeedIndicator } from '../db/seed/types';
import { WORK_AREAS } from '../lib/domain/types';
import { storageStateOf } from './support/accounts';

test.use({ storageState: storageStateOf('leader') });

const REPORT = fs.readFileSync(path.resolve(__dirname, '../docs/report/changzhi-report-review.md'), 'utf8');
const squash = (s: string) => s.replace(/\s+/g, '');
const REPORT_TEXT = squash(REPORT);

/** The sentence of the report an indicator cites, as the report prints it (the test fails if it is not there). */
function sentenceOf(ind: SeedIndicator): string {
  const sentence = squash(ind.source);
  expect(REPORT_TEXT.includes(sentence), `${ind.code}: its sentence is not in the report`).toBe(true);
  return sentence;
}

const WORDS_BEFORE = ['突破', '超'] as const;
const WORDS_AFTER = ['以上', '左右', '以内'] as const;

/**
 * The text a page must show for an indicator's 2025 figure, read from the report: its words where it gives words;
 * else the number with the unit that follows it in the sentence and the qualifier word around it there; for a task
 * done in full with a measure, measure and state together ("1374公里" … "全线贯通").
 */
function expectedFigure(ind: SeedIndicator): string {
  const sentence = sentenceOf(ind);
  const v = ind.values.find((x) => x.year === 2025);
  if (!v) throw new Error(`${ind.code}: no 2025 figure`);
  const words = v.valueText ? squash(v.valueText) : null;
  if (words) expect.soft(sentence.includes(words), `${ind.code}: "${words}" is not the report's wording`).toBe(true);
  const measured =
    v.value !== null &&
    words !== null &&
    v.qualifier === 'all_done' &&
    !(ind.unit === '项' && v.value === '1') &&
    !/\d/.test(words);
  if (v.value === null || (words !== null && !measured)) {
    if (!words) throw new Error(`${ind.code}: neither a number nor words`);
    return words;
  }
  const printed = `${v.value}${ind.unit}`;
  const at = sentence.indexOf(printed);
  expect.soft(at, `${ind.code}: "${printed}" is not printed in the report sentence`).toBeGreaterThanOrEqual(0);
  const before = WORDS_BEFORE.find((w) => sentence.slice(0, at).endsWith(w)) ?? '';
  const after = WORDS_AFTER.find((w) => sentence.slice(at + printed.length).startsWith(w)) ?? '';
  return `${before}${printed}${after}${measured ? words : ''}`;
}

/** Changes the report states, each as printed, and where a reader sees it. */
const STATED: { code: string; phrase: string; on: ('overview' | 'area' | 'indicator' | 'review')[] }[] = [
  { code: 'REF-EXPORTS', phrase: '增长17.7%', on: ['overview', 'area', 'indicator'] },
  { code: 'INN-NEW-LOANS', phrase: '同比多增82亿元', on: ['area', 'indicator'] },
  { code: 'REV-FOREST-COVERAGE', phrase: '提高1.15个百分点', on: ['review'] },
  { code: 'REV-PM25', phrase: '下降41.2%', on: ['review'] },
];

/** A stated change as the screens write it: the sign the report's verb gives, every digit it prints, its unit. */
function shownChange(phrase: string): string {
  const match = /(增长|提高|多增|下降|减少)(\d+(?:\.\d+)?)(%|个百分点|亿元)/.exec(phrase);
  if (!match) throw new Error(`cannot read the change "${phrase}"`);
  const [, verb = '', number = '', unit = ''] = match;
  return `${/下降|减少/.test(verb) ? '-' : '+'}${number}${unit}`;
}

/** The text the server rendered for a page (scripts, styles and tags removed: only what a person reads). */
async function renderedText(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  const html = await response.text();
  return squash(
    html
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

const REPORT_FIGURES = SEED_INDICATORS.filter((ind) => ind.values.some((v) => v.year === 2025));

test('every report figure, on its own page, reads as the report writes it', async ({ page }) => {
  test.setTimeout(180_000);
  const misses: string[] = [];
  for (const ind of REPORT_FIGURES) {
    const text = await renderedText(page, `/indicators/${ind.code}?year=2025&month=12`);
    const figure = expectedFigure(ind);
    if (!text.includes(figure)) misses.push(`${ind.code}: "${figure}" not shown`);
  }
  expect(misses, misses.join('\n')).toEqual([]);
  expect(REPORT_FIGURES.length).toBeGreaterThan(100);
});

test('the overview for 2025 shows each headline figure as the report writes it', async ({ page }) => {
  const text = await renderedText(page, '/?year=2025&month=12');
  const headlines = REPORT_FIGURES.filter((ind) => ind.headline !== undefined);
  expect(headlines.length).toBeGreaterThanOrEqual(6);
  const misses = headlines
    .map((ind) => ({ ind, figure: expectedFigure(ind) }))
    .filter(({ figure }) => !text.includes(figure));
  expect(misses.map(({ ind, figure }) => `${ind.code}: "${figure}" not shown`)).toEqual([]);
});

test('each work area for 2025 shows each of its report figures as the report writes it', async ({ page }) => {
  const misses: string[] = [];
  for (const area of WORK_AREAS) {
    const text = await renderedText(page, `/areas/${area.slug}?year=2025&month=12`);
    for (const ind of REPORT_FIGURES.filter((i) => i.area === area.slug)) {
      const figure = expectedFigure(ind);
      if (!text.includes(figure)) misses.push(`${area.slug} ${ind.code}: "${figure}" not shown`);
    }
  }
  expect(misses, misses.join('\n')).toEqual([]);
});

test('the 十四五 review shows each review figure as written, and a computed change only marked 推算', async ({
  page,
}) => {
  const text = await renderedText(page, '/review');
  const misses = REPORT_FIGURES.filter((i) => i.section === 'review')
    .map((ind) => ({ ind, figure: expectedFigure(ind) }))
    .filter(({ figure }) => !text.includes(figure))
    .map(({ ind, figure }) => `${ind.code}: "${figure}" not shown`);
  expect(misses, misses.join('\n')).toEqual([]);
  // 新能源装机占比 24.2% → 41%: the report states no change; the one shown is in points and marked.
  expect(text).toContain('+16.8个百分点推算');
  // The method is one click away, visible (not screen-reader text only).
  await page.goto('/review');
  const row = page.getByRole('row').filter({ hasText: '新能源装机占比' }).first();
  await row.getByText('推算', { exact: true }).click();
  await expect(row.getByText('41% − 2020年24.2% = +16.8个百分点')).toBeVisible();
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/review-estimated-change.png' });
});

test('every change the report states is the change shown, wherever a change is shown', async ({ page }) => {
  const pages = {
    overview: await renderedText(page, '/?year=2025&month=12'),
    review: await renderedText(page, '/review'),
  };
  for (const stated of STATED) {
    const ind = SEED_INDICATORS.find((i) => i.code === stated.code);
    if (!ind) throw new Error(stated.code);
    expect(sentenceOf(ind).includes(stated.phrase), `${stated.code}: "${stated.phrase}" is not in its sentence`).toBe(
      true,
    );
    const expected = shownChange(stated.phrase);
    for (const where of stated.on) {
      const text =
        where === 'overview'
          ? pages.overview
          : where === 'review'
            ? pages.review
            : await renderedText(
                page,
                where === 'area'
                  ? `/areas/${ind.area ?? ''}?year=2025&month=12`
                  : `/indicators/${ind.code}?year=2025&month=12`,
              );
      expect(text.includes(expected), `${stated.code} on ${where}: "${expected}" not shown`).toBe(true);
    }
  }
  // The estimate computed from a rounded prior year (12.6 ÷ 10.71 → +17.6%) never contradicts the stated 17.7%.
  expect(pages.overview).not.toContain('+17.6%');
  expect(await renderedText(page, '/indicators/REF-EXPORTS?year=2025&month=12')).not.toContain('+17.6%');
  // 森林覆盖率 changes in points, never as a relative percentage (+4.3%).
  expect(pages.review).not.toContain('+4.3%');
});
