/**
 * `/_next/static/` is public: it serves the browser's scripts and styles and no source. The build names every
 * static media URL its server code refers to; none of them may be a TypeScript source (Turbopack copied the worker
 * threads' sources there until `npm run build` removed them: scripts/strip-static-sources.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('no source file is under .next/static, and the worker sources the build refers to answer 404', async ({
  request,
}) => {
  expect(filesUnder('.next/static').filter((f) => /\.[cm]?tsx?$/.test(f))).toEqual([]);
  const referenced = new Set<string>();
  for (const file of filesUnder('.next/server').filter((f) => f.endsWith('.js')))
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/\/_next\/static\/media\/[\w.-]+\.ts\b/g))
      referenced.add(match[0]);
  expect([...referenced].some((url) => url.includes('copy-worker'))).toBe(true);
  for (const url of referenced) expect((await request.get(url)).status(), url).toBe(404);
});
