import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { rejectionOf } from '@/tests/helpers/pure/rejection';
import { DEFAULT_BODY_LIMIT } from './body';
import { pathId, readJsonObject } from './json-body';

const post = (body: BodyInit | null, type: string | null = 'application/json') =>
  new Request('http://localhost/api/x', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });

const failure = (promise: Promise<unknown>) => rejectionOf(promise, AppError);

describe('readJsonObject', () => {
  it('returns a JSON object (a charset in the type is fine)', async () => {
    await expect(readJsonObject(post('{"code":"123456"}', 'application/json; charset=utf-8'))).resolves.toEqual({
      code: '123456',
    });
  });

  it('answers 415 for another content type, 400 for malformed or empty JSON, 413 past 64 kB', async () => {
    expect((await failure(readJsonObject(post('a=1', 'application/x-www-form-urlencoded')))).status).toBe(415);
    expect((await failure(readJsonObject(post('{"a":')))).status).toBe(400);
    expect((await failure(readJsonObject(post('')))).status).toBe(400);
    const big = JSON.stringify({ a: 'x'.repeat(DEFAULT_BODY_LIMIT) });
    expect((await failure(readJsonObject(post(big)))).status).toBe(413);
  });

  it('refuses an array or a bare value with a Chinese message', async () => {
    const array = await failure(readJsonObject(post('[1]')));
    expect(array.status).toBe(400);
    expect(array.message).toContain('JSON 对象');
    expect((await failure(readJsonObject(post('"x"')))).status).toBe(400);
    expect((await failure(readJsonObject(post('null')))).status).toBe(400);
  });
});

describe('pathId', () => {
  it('turns digits into a number and leaves anything else for zod to refuse', () => {
    expect(pathId('42')).toBe(42);
    expect(pathId('4x')).toBe('4x');
    expect(pathId('99999999999')).toBe('99999999999');
  });
});
