/** Reading a JSON request body safely: content type, size limit and syntax, each refused with a Chinese message. */
import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/errors';

export const DEFAULT_BODY_LIMIT = 64 * 1024;

export async function readJsonBody(req: NextRequest | Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('unsupported', '请求内容应为 JSON（Content-Type: application/json）');
  }
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) throw new AppError('too_large', `提交的内容过大（上限 ${Math.round(limit / 1024)} KB）`);
  const reader = req.body?.getReader();
  if (!reader) throw new AppError('invalid_input', '请求内容为空');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError('too_large', `提交的内容过大（上限 ${Math.round(limit / 1024)} KB）`);
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
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
