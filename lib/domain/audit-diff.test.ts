import { describe, expect, it } from 'vitest';
import { diffFields, WHOLE_VALUE_KEY } from './audit-diff';

describe('diffFields', () => {
  it('marks changed, added, removed and unchanged fields, in key order', () => {
    const rows = diffFields({ value: '10', status: 'draft', note: 'a' }, { value: '12', status: 'draft', reason: 'b' });
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      ['note', 'removed'],
      ['reason', 'added'],
      ['status', 'same'],
      ['value', 'changed'],
    ]);
    expect(rows.find((r) => r.key === 'value')).toMatchObject({ before: '"10"', after: '"12"' });
  });

  it('compares nested values regardless of key order (jsonb reorders keys)', () => {
    const rows = diffFields({ p: { a: 1, b: 2 } }, { p: { b: 2, a: 1 } });
    expect(rows).toEqual([expect.objectContaining({ key: 'p', status: 'same' })]);
  });

  it('a creation (no before) lists every field as added; nothing at all gives no rows', () => {
    expect(diffFields(null, { code: 'fgw' })).toEqual([{ key: 'code', before: null, after: '"fgw"', status: 'added' }]);
    expect(diffFields(null, null)).toEqual([]);
  });

  it('bare values are compared as a whole', () => {
    expect(diffFields(1, 2)).toEqual([{ key: WHOLE_VALUE_KEY, before: '1', after: '2', status: 'changed' }]);
  });
});
