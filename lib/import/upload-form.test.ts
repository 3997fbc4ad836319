import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { rejectionOf } from '@/tests/helpers/pure/rejection';
import { readUploadForm } from './upload-form';

const refusal = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

describe('reading an upload form', () => {
  it('returns the file bytes and the text fields', async () => {
    const form = new FormData();
    form.set('mode', 'dry-run');
    form.set('file', new Blob([new Uint8Array([1, 2, 3])]), 'a.xlsx');
    const { file, fields } = await readUploadForm(
      new Request('http://x/api/imports/actuals', { method: 'POST', body: form }),
    );
    expect([...(file ?? [])]).toEqual([1, 2, 3]);
    expect(fields).toEqual({ mode: 'dry-run' });
  });

  it('refuses more than 10 MB with 413 before parsing, by the declared length or while reading', async () => {
    const declared = new Request('http://x', {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(20 * 1024 * 1024) },
    });
    expect((await refusal(readUploadForm(declared))).status).toBe(413);
    const big = new FormData();
    big.set('file', new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]), 'big.xlsx');
    const streamed = new Request('http://x', { method: 'POST', body: big });
    const error = await refusal(readUploadForm(streamed));
    expect(error.status).toBe(413);
    expect(error.message).toBe('文件超过 10 MB，请分批导入');
  });

  it('refuses a body that is not a form (415) and a broken form (400)', async () => {
    expect(
      (
        await refusal(
          readUploadForm(
            new Request('http://x', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }),
          ),
        )
      ).status,
    ).toBe(415);
    const broken = new Request('http://x', {
      method: 'POST',
      body: 'garbage',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
    });
    expect((await refusal(readUploadForm(broken))).status).toBe(400);
  });
});
