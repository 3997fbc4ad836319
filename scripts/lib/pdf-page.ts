/** The first page of a PDF as a PNG, through poppler's pdftoppm (installed by .ci/run): for tests that look at a 通报. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Renders page 1 at `dpi` and returns the PNG's bytes; with `keepAs` (a path without .png) also writes it there. */
export function firstPagePng(pdf: Uint8Array, dpi: number, keepAs?: string): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pdf-page-'));
  try {
    const input = path.join(dir, 'in.pdf');
    writeFileSync(input, pdf);
    const out = keepAs ?? path.join(dir, 'page1');
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', input, out]);
    return readFileSync(`${out}.png`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
