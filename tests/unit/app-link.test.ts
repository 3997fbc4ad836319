/**
 * Links go through components/ui/link.tsx (no prefetching of every linked route: see there). A file that imports
 * next/link directly brings the prefetching back for its links.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOTS = ['app', 'components', 'lib'];
const THE_LINK = path.join('components', 'ui', 'link.tsx');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('links', () => {
  it('only components/ui/link.tsx imports next/link', () => {
    const direct = ROOTS.flatMap(sourceFiles).filter(
      (file) => file !== THE_LINK && /from ['"]next\/link['"]/.test(fs.readFileSync(file, 'utf8')),
    );
    expect(direct).toEqual([]);
  });
});
