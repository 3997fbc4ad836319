import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { removeStaticSources } from './strip-static-sources';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

it('removes TypeScript and JSX sources under .next/static and keeps what the browser loads', () => {
  const next = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-static-'));
  dirs.push(next);
  const files = {
    'static/media/copy-worker.37bqvpc0_n4kh.ts': 'server source',
    'static/media/window-worker.2bdw4w8ltgr76.ts': 'server source',
    'static/media/x.tsx': 'source',
    'static/media/icon.1wc9_ugh2wy8s.svg': '<svg/>',
    'static/chunks/0h80uy3seskq8.js': 'built',
    'static/chunks/0famlw7bfe3c_.css': 'built',
    'server/assets/copy-worker.37bqvpc0_n4kh.ts': 'not served',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(next, name)), { recursive: true });
    fs.writeFileSync(path.join(next, name), text);
  }
  expect(
    removeStaticSources(next)
      .map((f) => path.relative(next, f))
      .sort(),
  ).toEqual([
    'static/media/copy-worker.37bqvpc0_n4kh.ts',
    'static/media/window-worker.2bdw4w8ltgr76.ts',
    'static/media/x.tsx',
  ]);
  for (const kept of [
    'static/media/icon.1wc9_ugh2wy8s.svg',
    'static/chunks/0h80uy3seskq8.js',
    'static/chunks/0famlw7bfe3c_.css',
    'server/assets/copy-worker.37bqvpc0_n4kh.ts',
  ])
    expect(fs.existsSync(path.join(next, kept))).toBe(true);
  expect(removeStaticSources(path.join(next, 'missing'))).toEqual([]);
});
