/** Posting an import file (multipart: the JSON helper would set the wrong content type) and reading the answer. */
import { ApiError } from '@/lib/client-api/client';
import type { ImportResult } from '@/lib/services/imports/imports';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The dry-run or commit result; ApiError with the server's Chinese message (and details.preview) otherwise. */
export async function uploadImport(kind: string, mode: 'dry-run' | 'commit', file: File): Promise<ImportResult> {
  const form = new FormData();
  form.set('mode', mode);
  form.set('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/imports/${kind}`, {
      method: 'POST',
      body: form,
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    const message = typeof error.message === 'string' ? error.message : `上传失败（${response.status}）`;
    const details = isRecord(error.details) ? error.details : undefined;
    throw new ApiError(
      response.status,
      message,
      typeof error.code === 'string' ? error.code : undefined,
      undefined,
      details,
    );
  }
  return body as ImportResult;
}

/** The preview a refused commit carries, if any. */
export function previewOf(error: unknown): ImportResult | null {
  if (!(error instanceof ApiError) || !isRecord(error.details) || !isRecord(error.details.preview)) return null;
  return error.details.preview as unknown as ImportResult;
}
