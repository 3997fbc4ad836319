/**
 * How the E2E suite (playwright.config.ts) and the benchmark (scripts/bench/measure-chromium.ts) launch Chromium:
 * the system's browser (or PLAYWRIGHT_CHROMIUM_EXECUTABLE), without the sandbox, the GPU or any background traffic,
 * so that both measure the app and nothing else.
 */
import fs from 'node:fs';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** PLAYWRIGHT_CHROMIUM_EXECUTABLE, else /usr/bin/chromium; undefined (Playwright's own browser) when neither exists. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, '/usr/bin/chromium'];
  return candidates.find((p): p is string => Boolean(p && fs.existsSync(p)));
}

/** Playwright's launchOptions for this Chromium. */
export function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] } {
  return { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] };
}
