/**
 * HTML → PDF with the Chromium the project already uses (the e2e tests' /usr/bin/chromium, or CHROMIUM_PATH):
 * `--headless --print-to-pdf` on a file in a private temporary folder, with its own throw-away profile, so two
 * prints at once never share state. The page is self-contained (no script, no request); the fonts Chromium
 * embeds are the system's (fonts-noto-cjk). Chromium is not an npm dependency: when it is missing the error says
 * so in Chinese and names the setting.
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serverEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

const PRINT_TIMEOUT_MS = 60_000;

/** Thrown (as a 503) when no Chromium can be run. */
export function chromiumMissing(executable: string): AppError {
  return new AppError(
    'unavailable',
    `无法生成 PDF：未找到可执行的 Chromium（${executable}）。请安装 chromium 与 fonts-noto-cjk，或用环境变量 CHROMIUM_PATH 指定 Chromium 的路径`,
  );
}

function run(executable: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), PRINT_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** Prints the HTML page to PDF bytes (A4 as the page's @page rule says, no header or footer). */
export async function printHtmlToPdf(html: string, options: { executable?: string } = {}): Promise<Uint8Array> {
  const executable = options.executable ?? serverEnv().chromiumPath;
  try {
    await access(executable, constants.X_OK);
  } catch {
    throw chromiumMissing(executable);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhuashou-pdf-'));
  try {
    const input = path.join(dir, 'bulletin.html');
    const output = path.join(dir, 'bulletin.pdf');
    await writeFile(input, html, 'utf8');
    const { code, stderr } = await run(executable, [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-extensions',
      '--disable-background-networking',
      '--no-first-run',
      '--no-default-browser-check',
      '--no-pdf-header-footer',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      `--print-to-pdf=${output}`,
      pathToFileURL(input).toString(),
    ]).catch((error: unknown) => {
      if ((error as { code?: string }).code === 'ENOENT' || (error as { code?: string }).code === 'EACCES')
        throw chromiumMissing(executable);
      throw error;
    });
    const pdf = await readFile(output).catch(() => null);
    if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new Error(`chromium did not print a PDF (exit ${code}): ${stderr.slice(-2000)}`);
    }
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
