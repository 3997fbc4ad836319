/** Reading a JSON request body safely: content type, size limit and syntax, each refused with a Chinese message. */
import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/errors';

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * A request body's bytes, read as they stream: past `limit` the read is cancelled and `tooLarge()` thrown (the
 * Content-Length header may be absent or wrong, so it is not trusted alone).
 */
export async function readBounded(
  body: ReadableStream<Uint8Array>,
  limit: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function readJsonBody(req: NextRequest | Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('unsupported', '请求内容应为 JSON（Content-Type: application/json）');
  }
  const tooLarge = () => new AppError('too_large', `提交的内容过大（上限 ${Math.round(limit / 1024)} KB）`);
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) throw tooLarge();
  if (!req.body) throw new AppError('invalid_input', '请求内容为空');
  const bytes = await readBounded(req.body, limit, tooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_input', '请求内容不是有效的 UTF-8 文本');
  }
  if (!text.trim()) throw new AppError('invalid_input', '请求内容为空');
  let parsed: unknown;
  let forbiddenKey: string | null = null;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') forbiddenKey = key;
      return value;
    });
  } catch {
    throw new AppError('invalid_input', '请求内容不是有效的 JSON');
  }
  // Prototype-polluting keys are refused outright, never merged into anything.
  if (forbiddenKey) throw new AppError('invalid_input', `请求内容含有不允许的字段名「${forbiddenKey}」`);
  return parsed;
}
