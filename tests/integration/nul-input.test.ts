/**
 * Found by scripts/security-scan.sh (wapiti): a NUL character in a query parameter (GET /api/audit?username=%2Fe%00)
 * reached PostgreSQL, which cannot hold one in text, and the request failed with a 500. Now refused as bad input.
 */
import { expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/services/audit/audit-log';
import { nulFieldErrors } from '@/lib/validation/parse';
import { auditor } from '@/scripts/lib/audit-fixtures';
import { forEachEngine } from '@/tests/helpers/test-db';

forEachEngine('input holding a NUL character', (ctx) => {
  it('is refused as invalid input naming the field, not a server error', async () => {
    const error: unknown = await listAuditEvents(auditor, { username: '/e\u0000' }, { db: ctx.db }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'invalid_input', fieldErrors: { username: ['含有不允许的空字符（\\0）'] } });
  });
});

it('finds NUL in nested values and keys, and nothing in clean input', () => {
  expect(nulFieldErrors({ a: 'ok', b: { c: ['x', 'y\u0000'] }, ['k\u0000']: 1 })).toEqual({
    'b.c.1': ['含有不允许的空字符（\\0）'],
    _form: ['含有不允许的空字符（\\0）'],
  });
  expect(nulFieldErrors({ a: 'ok', n: 1, z: null, list: ['x'] })).toEqual({});
});
