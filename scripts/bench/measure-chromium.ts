/**
 * The overview page in Chromium (Playwright, the system's /usr/bin/chromium), signed in: time to first byte
 * and Largest Contentful Paint (medians of `runs` cold loads after one warm-up), Cumulative Layout Shift (the
 * worst load), and the first-load JavaScript: every script a cold load fetched, gzip-compressed.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from '@playwright/test';
import { chromiumLaunchOptions } from '../lib/chromium';
import { percentile } from './measure-api';

export interface PageFigures {
  ttfbMs: number;
  lcpMs: number;
  cls: number;
  firstLoadJsKB: number;
  scripts: number;
}

/** Collects LCP and layout shifts (CLS as the largest session window: gaps < 1 s, windows ≤ 5 s). */
const OBSERVER = `
  window.__bench = { lcp: 0, cls: 0, win: 0, first: 0, last: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    const b = window.__bench;
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      if (b.win && e.startTime - b.last < 1000 && e.startTime - b.first < 5000) b.win += e.value;
      else { b.win = e.value; b.first = e.startTime; }
      b.last = e.startTime;
      b.cls = Math.max(b.cls, b.win);
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

function cookiesOf(header: string, url: string) {
  return header.split(';').flatMap((pair) => {
    const [name, ...rest] = pair.trim().split('=');
    return name ? [{ name, value: rest.join('='), url }] : [];
  });
}

async function loadOnce(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      scripts.push(
        response.body().then(
          (body) => gzipSync(body).byteLength,
          () => 0,
        ),
      );
    }
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || response.status() !== 200 || new URL(page.url()).pathname !== new URL(url).pathname) {
    throw new Error(`overview page answered ${response?.status() ?? 'nothing'} at ${page.url()}`);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const figures = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const bench = (window as unknown as { __bench: { lcp: number; cls: number } }).__bench;
    return { ttfb: nav ? nav.responseStart - nav.startTime : NaN, lcp: bench.lcp, cls: bench.cls };
  });
  const sizes = await Promise.all(scripts);
  await page.close();
  return { ...figures, jsBytes: sizes.reduce((a, b) => a + b, 0), scripts: sizes.length };
}

export async function measureOverviewPage(baseUrl: string, cookie: string, runs = 5): Promise<PageFigures> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  // Every load in a fresh context (an empty cache): each one fetches every script, as a first visit does.
  const coldLoad = async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    try {
      await context.addCookies(cookiesOf(cookie, baseUrl));
      await context.addInitScript(OBSERVER);
      return await loadOnce(context, `${baseUrl}/`);
    } finally {
      await context.close();
    }
  };
  try {
    await coldLoad(); // warms the server and the browser
    const loads = [];
    for (let i = 0; i < runs; i += 1) loads.push(await coldLoad());
    return {
      ttfbMs: percentile(
        loads.map((l) => l.ttfb),
        50,
      ),
      lcpMs: percentile(
        loads.map((l) => l.lcp),
        50,
      ),
      cls: Math.round(Math.max(...loads.map((l) => l.cls)) * 1000) / 1000,
      firstLoadJsKB: Math.round((Math.max(...loads.map((l) => l.jsBytes)) / 1024) * 10) / 10,
      scripts: Math.max(...loads.map((l) => l.scripts)),
    };
  } finally {
    await browser.close();
  }
}
