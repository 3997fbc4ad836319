import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';

const APP = 'https://zhuashou.example';

/** Where a browser would go when the app hands it this path. */
const landing = (path: string) => new URL(path, APP).origin;

describe('safeCallbackPath', () => {
  it.each([
    '/\\evil.com',
    '/%5Cevil.com',
    '/%09/evil.com',
    '/\t/evil.com',
    '//evil.com',
    '/.//evil.com',
    '\\\\evil.com',
    'https://evil.com',
    'https://zhuashou.example.evil.com/',
    'http://zhuashou.example/',
    'javascript:alert(1)',
    '/\n/evil.com',
  ])('keeps %j on the site', (raw) => {
    const path = safeCallbackPath(raw, APP);
    expect(path.startsWith('/')).toBe(true);
    expect(path.startsWith('//')).toBe(false);
    expect(landing(path)).toBe(APP);
  });

  it('keeps a path of the app, with its query and fragment', () => {
    expect(safeCallbackPath('/areas/investment?year=2025&month=6#t', APP)).toBe(
      '/areas/investment?year=2025&month=6#t',
    );
    expect(safeCallbackPath('https://zhuashou.example/audit', APP)).toBe('/audit');
    expect(safeCallbackPath(null, APP)).toBe('/');
  });
});
