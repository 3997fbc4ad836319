/**
 * `npm run build` and the release's build end here: source files are removed from `.next/static`, which
 * `/_next/static/` serves to anyone, signed in or not.
 *
 * Turbopack copies the worker threads' TypeScript (db/copy-worker.ts, lib/services/audit/window-worker.ts) into
 * `.next/static/media/`. The pages' server graph reaches `new Worker(new URL('./x.ts', import.meta.url))`, and there a
 * `new URL` of a file counts as an asset for the browser. The threads run from their own bundles (the
 * `[worker thread]` chunks). No page asks for these copies, and no server source belongs on a public path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SOURCE = /\.(?:[cm]?tsx?|[cm]?jsx)$/;

/** Removes every source file under `<nextDir>/static` (not the built `.js`); returns the paths it removed. */
export function removeStaticSources(nextDir = '.next'): string[] {
  const removed: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (SOURCE.test(entry.name)) {
        fs.rmSync(file);
        removed.push(file);
      }
    }
  };
  const staticDir = path.join(nextDir, 'static');
  if (fs.existsSync(staticDir)) walk(staticDir);
  return removed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const removed = removeStaticSources(process.argv[2]);
  console.log(
    `build: ${removed.length} source file(s) removed from .next/static${removed.length ? `: ${removed.join(', ')}` : ''}`,
  );
}
